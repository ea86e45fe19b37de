-- Appends one activity to a conversation's log atomically (see RedisConversationStore).
-- KEYS: 1 head (hash: seq, ts, fence), 2 log (zset by seq), 3 request keys (hash: key -> seq), 4 record,
--       5 turns (list), 6 waiting conversations (set), 7 lease
-- ARGV: 1 conversation id, 2 json before the id, 3 json after the id, 4 timestamp (ms), 5 request key or '',
--       6 '1' to queue a turn, 7 fence or '0', 8 max activities kept, 9 ttl (ms), 10 feed channel,
--       11 lease (ms) to take with a queued turn when nobody holds it, or '0'
-- Returns {1, seq, json} appended ({1, seq, json, fence, oldest turn} with a lease granted, {1, seq, json, 0} when
-- the lease is held: its holder runs this turn before it can release), {-1, seq, json} duplicate, {0, last ts}
-- timestamp not after the log's, {-2} fence lost.
if ARGV[7] ~= '0' and redis.call('GET', KEYS[7]) ~= ARGV[7] then return {-2} end
if ARGV[5] ~= '' then
  local seen = redis.call('HGET', KEYS[3], ARGV[5])
  if seen then
    local found = redis.call('ZRANGEBYSCORE', KEYS[2], seen, seen)
    return {-1, tonumber(seen), found[1] or ''}
  end
end
-- Web Chat orders by timestamp: the caller retries with a later one when its clock is not ahead of the log's.
local last = tonumber(redis.call('HGET', KEYS[1], 'ts') or '0')
if tonumber(ARGV[4]) <= last then return {0, last} end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local json = ARGV[2] .. ARGV[1] .. '-' .. string.format('%07d', seq) .. ARGV[3]
local ttl = tonumber(ARGV[9])
redis.call('HSET', KEYS[1], 'ts', ARGV[4])
redis.call('ZADD', KEYS[2], seq, json)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[8]) + 1))
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[5], seq)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
if ARGV[6] == '1' then
  redis.call('RPUSH', KEYS[5], json)
  redis.call('PEXPIRE', KEYS[5], ttl)
  redis.call('SADD', KEYS[6], ARGV[1])
end
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('PEXPIRE', KEYS[4], ttl)
redis.call('PUBLISH', ARGV[10], seq)
if ARGV[6] == '1' and ARGV[11] ~= '0' then
  -- As acquire.lua: a new fencing token from the head, the lease with an expiry, and the oldest waiting turn.
  if redis.call('EXISTS', KEYS[7]) == 1 then return {1, seq, json, 0} end
  local fence = redis.call('HINCRBY', KEYS[1], 'fence', 1)
  redis.call('SET', KEYS[7], fence, 'PX', ARGV[11])
  return {1, seq, json, fence, redis.call('LINDEX', KEYS[5], 0)}
end
return {1, seq, json}
