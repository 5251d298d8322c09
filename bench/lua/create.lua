-- POST /api/accounts creating distinct accounts: a per-thread prefix and a counter.
local counter = 0
local prefix
setup = function(thread)
  thread:set("prefix", string.format("t%d%d", math.random(100, 999), os.time() % 100000))
end
init = function() prefix = wrk.thread:get("prefix") or tostring(math.random(100000, 999999)) end
request = function()
  counter = counter + 1
  local body = string.format('{"username":"%s%07d","password":"bench-pw","algorithm":"SHA-256","activated":true}',
    prefix, counter)
  return wrk.format("POST", "/api/accounts", { ["Content-Type"] = "application/json",
    ["x-api-key"] = os.getenv("BENCH_ADMIN_KEY") }, body)
end
