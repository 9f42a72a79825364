-- wrk script: each request is a GET of a path drawn at random from a file (one path per line).
--
--   wrk -t1 -c50 -d15s -s bench/paths.lua http://127.0.0.1:8000 -- PATHS_FILE
--
-- At the end it prints one machine-readable line:
--   WRK_RESULT {"requests":..,"duration_s":..,"rps":..,"p50_ms":..,"p90_ms":..,
--               "p99_ms":..,"max_ms":..,"mean_ms":..,"errors":{...},"bytes":..}
-- errors.status counts responses with a status >= 400 (wrk's own count).

local paths = {}
local counter = 0

local function load_paths(file)
  local t = {}
  local fh = assert(io.open(file, "r"), "cannot open paths file " .. tostring(file))
  for line in fh:lines() do
    if line ~= "" then
      t[#t + 1] = line
    end
  end
  fh:close()
  assert(#t > 0, "no paths in " .. file)
  return t
end

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  paths = load_paths(args[1])
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
  -- throw away the first draws (LuaJIT's generator starts poorly from close seeds)
  for _ = 1, 10 do
    math.random()
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"duration_s":%.3f,"rps":%.2f,'
      .. '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"bytes":%d}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, summary.bytes))
end
