-- wrk script for the load test: POST /v1/messages with zcc-incomingPhone-request, each answer
-- checked against the right one (queries.py): status 200, a zcc-incomingPhone-response whose data
-- starts with exactly `expected count` records, every one among the records that have the number;
-- any record after them must be a lower-ranked near match (the same national number in another
-- country), and there are at most 10 in all.
--
-- Environment: QUERIES (the queries file), TOKEN (the bearer token), REQUESTS (the most requests
-- in all; each of the threads stops after its share), RUN (a name for the run, so that two runs
-- against one server never share an engagement). Each request has its own engagement id, which
-- the answer's host action names: that is how an answer is matched to its request. (An
-- engagement the engine has already decided gets no second pop, so ids must not repeat.)

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
   table.insert(threads, thread)
end

local queries = {}
local pending = {}
local position
local sent = 0
-- Globals, so that done() can read them from each thread (thread:get).
checked = 0
wrong = 0
first_wrong = nil
local budget
local stride
local run
local headers

function init(args)
   for line in io.lines(os.getenv("QUERIES")) do
      local number, count, national, ids = line:match("^([^\t]+)\t(%d+)\t(%d+)\t(.*)$")
      local set = {}
      for id in ids:gmatch("[^,]+") do set[id] = true end
      table.insert(queries, { number = number, count = tonumber(count), national = national, ids = set })
   end
   stride = #threads > 0 and #threads or 2
   position = index or 1
   budget = math.floor(tonumber(os.getenv("REQUESTS") or "1000000") / 2)
   run = os.getenv("RUN") or tostring(os.time())
   headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json" }
end

function request()
   local query = queries[(position - 1) % #queries + 1]
   position = position + 2
   sent = sent + 1
   local engagement = "LOAD-" .. run .. "-" .. (index or 0) .. "-" .. sent
   pending[engagement] = query
   local body = '{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"' .. query.number ..
      '","engagementId":"' .. engagement .. '","channel":"voice"}}'
   return wrk.format("POST", "/v1/messages", headers, body)
end

local function judge(status, body)
   if status ~= 200 then return "status " .. status end
   local actions = body:match(',"actions":(.*)$') or ""
   local engagement = actions:match('"engagementId":"(LOAD%-[^"]*)"')
   local query = engagement and pending[engagement]
   if not query then return "no pending request for the answer's engagement " .. tostring(engagement) end
   pending[engagement] = nil
   local reply = body:match('^{"reply":{"type":"zcc%-incomingPhone%-response","data":(%b[])')
   if not reply then return "not an incomingPhone-response: " .. body:sub(1, 120) end
   local count, exact = 0, 0
   for item in reply:gmatch("%b{}") do
      local id = item:match('"id":"([^"]*)"')
      local phone = item:match('"phone":"([^"]*)"') or ""
      count = count + 1
      if count <= query.count then
         if not query.ids[id] then return query.number .. ": record " .. count .. ", " .. tostring(id) .. ", does not have this number" end
         exact = exact + 1
      elseif query.ids[id] or phone == query.number or phone:sub(-#query.national) ~= query.national then
         return query.number .. ": record " .. count .. ", " .. tostring(id) .. " (" .. phone .. "), is neither an exact match in rank nor a near match"
      end
   end
   if exact ~= query.count then return query.number .. ": " .. exact .. " exact records, expected " .. query.count end
   if count > 10 then return query.number .. ": " .. count .. " records, more than the limit" end
   return nil
end

function response(status, headers, body)
   checked = checked + 1
   local problem = judge(status, body)
   if problem then
      wrong = wrong + 1
      if not first_wrong then first_wrong = problem end
   end
   if checked >= budget then wrk.thread:stop() end
end

function done(summary, latency, requests)
   local total_checked, total_wrong = 0, 0
   for _, thread in ipairs(threads) do
      total_checked = total_checked + (thread:get("checked") or 0)
      total_wrong = total_wrong + (thread:get("wrong") or 0)
      local problem = thread:get("first_wrong")
      if problem then io.write("first wrong answer: " .. problem .. "\n") end
   end
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT requests=%d checked=%d wrong=%d errors=%d seconds=%.2f throughput=%.0f p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
      summary.requests, total_checked, total_wrong,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
      seconds, summary.requests / seconds,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
