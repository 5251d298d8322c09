-- SHA-256 (FIPS 180-4) for wrk's LuaJIT, with the bit library: 32-bit words, sums wrapped by tobit.
local bit = require("bit")
local band, bxor, bnot, rshift, lshift, ror, tobit, tohex = bit.band, bit.bxor, bit.bnot, bit.rshift,
  bit.lshift, bit.ror, bit.tobit, bit.tohex

local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}
for i = 1, 64 do K[i] = tobit(K[i]) end

-- The padding depends only on the length: built once per length (a client hashes few lengths).
local paddings = {}
local function padding(len)
  local p = paddings[len]
  if p == nil then
    local bits = len * 8
    local tail = {}
    for i = 7, 0, -1 do
      tail[#tail + 1] = string.char(math.floor(bits / 2 ^ (8 * i)) % 256)
    end
    p = "\128" .. string.rep("\0", (55 - len) % 64) .. table.concat(tail)
    paddings[len] = p
  end
  return p
end

local function sha256(msg)
  msg = msg .. padding(#msg)
  local h = { tobit(0x6a09e667), tobit(0xbb67ae85), tobit(0x3c6ef372), tobit(0xa54ff53a),
              tobit(0x510e527f), tobit(0x9b05688c), tobit(0x1f83d9ab), tobit(0x5be0cd19) }
  local w = {}
  for chunk = 1, #msg, 64 do
    for i = 0, 15 do
      local a, b, c, d = msg:byte(chunk + i * 4, chunk + i * 4 + 3)
      w[i] = tobit(lshift(a, 24) + lshift(b, 16) + lshift(c, 8) + d)
    end
    for i = 16, 63 do
      local s0 = bxor(ror(w[i - 15], 7), ror(w[i - 15], 18), rshift(w[i - 15], 3))
      local s1 = bxor(ror(w[i - 2], 17), ror(w[i - 2], 19), rshift(w[i - 2], 10))
      w[i] = tobit(w[i - 16] + s0 + w[i - 7] + s1)
    end
    local a, b, c, d, e, f, g, hh = h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]
    for i = 0, 63 do
      local S1 = bxor(ror(e, 6), ror(e, 11), ror(e, 25))
      local ch = bxor(band(e, f), band(bnot(e), g))
      local t1 = tobit(hh + S1 + ch + K[i + 1] + w[i])
      local S0 = bxor(ror(a, 2), ror(a, 13), ror(a, 22))
      local maj = bxor(band(a, b), band(a, c), band(b, c))
      local t2 = tobit(S0 + maj)
      hh, g, f, e, d, c, b, a = g, f, e, tobit(d + t1), c, b, a, tobit(t1 + t2)
    end
    h[1], h[2], h[3], h[4] = tobit(h[1] + a), tobit(h[2] + b), tobit(h[3] + c), tobit(h[4] + d)
    h[5], h[6], h[7], h[8] = tobit(h[5] + e), tobit(h[6] + f), tobit(h[7] + g), tobit(h[8] + hh)
  end
  local out = {}
  for i = 1, 8 do out[i] = tohex(h[i], 8) end
  return table.concat(out)
end

-- wrk links OpenSSL's libcrypto (for https), so its SHA256() is there for LuaJIT's FFI: what a
-- real client does, and the bench client's CPU, which shares the server's cores, falls. The pure
-- Lua above stays for a wrk built without it.
local ok, ffi = pcall(require, "ffi")
if ok and pcall(function()
  ffi.cdef("unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);")
  return ffi.C.SHA256
end) then
  local md, hex, digits = ffi.new("unsigned char[32]"), ffi.new("char[64]"), ffi.new("const char[17]", "0123456789abcdef")
  sha256 = function(msg)
    ffi.C.SHA256(msg, #msg, md)
    for i = 0, 31 do
      hex[2 * i], hex[2 * i + 1] = digits[rshift(md[i], 4)], digits[band(md[i], 15)]
    end
    return ffi.string(hex, 64)
  end
end

assert(sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256 self-test")
assert(sha256(string.rep("a", 100)) == "2816597888e4a0d3a36b82b83316ab32680eb8f00f8cd3b904d681246d285a0e",
  "sha256 self-test (two blocks)")
return sha256
