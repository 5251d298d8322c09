-- GET the target path with a random API key from the file in BENCH_KEYS, spreading the load over
-- every seeded account; BENCH_HEADERS adds fixed headers ("name: value|name: value").
local keys = {}
for line in io.lines(os.getenv("BENCH_KEYS")) do keys[#keys + 1] = line end
local extra = {}
for pair in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = pair:match("^%s*(.-):%s*(.-)%s*$")
  extra[name] = value
end
math.randomseed(os.time())
request = function()
  local headers = { ["x-api-key"] = keys[math.random(#keys)] }
  for k, v in pairs(extra) do headers[k] = v end
  return wrk.format("GET", wrk.path, headers)
end
