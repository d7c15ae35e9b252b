-- wrk script of benchmarks/load.py: `wrk ... URL -- REQUESTS_FILE TOKEN`.
--
-- REQUESTS_FILE has one request a line, `METHOD PATH` or `METHOD PATH JSON-BODY` (JSON escapes line
-- breaks, so a body is one line). Each thread sends them in turn, starting at its own line.
-- A 429 or 503 with Retry-After is shed load: like load.py's clients, the thread waits as told before a
-- next request. wrk's Lua sees no connection, so the wait falls on the thread's next request, whichever
-- connection sends it; the total wait is the same. done() prints one line, `wrk-json {...}`, for load.py.

local requests = {}
local position = 1
local waits = {}

-- Per-thread counters, globals so that done() can read them with thread:get().
shed = 0
server_errors = 0
other_errors = 0

local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

function init(args)
   local token = args[1] and args[2] or error("usage: wrk ... -- REQUESTS_FILE TOKEN")
   for line in io.lines(args[1]) do
      local method, path, body = line:match("^(%u+) (%S+) ?(.*)$")
      -- wrk.format adds Host and Content-Length to the table it is given: one table per request.
      local headers = { ["Authorization"] = "Bearer " .. token }
      if body == "" then
         body = nil
      else
         headers["Content-Type"] = "application/json"
      end
      table.insert(requests, wrk.format(method, path, headers, body))
   end
   -- Threads that all started at line 1 would send the same documents at the same time.
   position = (thread_index * 7) % #requests + 1
end

function request()
   local next_request = requests[position]
   position = position % #requests + 1
   return next_request
end

function response(status, headers, body)
   local retry_after = headers["Retry-After"] or headers["retry-after"]
   if (status == 429 or status == 503) and retry_after then
      shed = shed + 1
      table.insert(waits, (tonumber(retry_after) or 1) * 1000)
   elseif status >= 500 then
      server_errors = server_errors + 1
   elseif status >= 300 then
      other_errors = other_errors + 1
   end
end

function delay()
   return table.remove(waits, 1) or 0
end

function done(summary, latency, _)
   local counts = { shed = 0, server_errors = 0, other_errors = 0 }
   for _, thread in ipairs(threads) do
      for name in pairs(counts) do
         counts[name] = counts[name] + thread:get(name)
      end
   end
   local errors = summary.errors
   io.write(string.format(
      'wrk-json {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
         .. '"max_us": %d, "non_2xx_3xx": %d, "shed": %d, "server_errors": %d, "other_errors": %d, '
         .. '"connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), latency.max, errors.status, counts.shed, counts.server_errors,
      counts.other_errors, errors.connect, errors.read, errors.write, errors.timeout
   ))
end
