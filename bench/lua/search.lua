-- GET /api/accounts/sip:userN@domain/search for a random seeded user (admin key).
local users = tonumber(os.getenv("BENCH_USERS"))
local domain = os.getenv("BENCH_DOMAIN")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", string.format("/api/accounts/sip:user%05d@%s/search", math.random(users), domain),
    { ["x-api-key"] = os.getenv("BENCH_ADMIN_KEY") })
end
