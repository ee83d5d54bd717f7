-- wrk script for bench/web.sh: cycles through the paths listed in the file $WRK_PATHS (one a
-- line), each thread from its own place in the list, so that no two threads ask for the same
-- page at the same time.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("start", threads * 4999)
end

function init(args)
  at = start or 0
end

function request()
  at = at % #paths + 1
  return wrk.format("GET", paths[at])
end
