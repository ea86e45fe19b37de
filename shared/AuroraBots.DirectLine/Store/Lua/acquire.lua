-- Grants a conversation's turn lease with a new fencing token when turns wait and nobody holds it.
-- KEYS: 1 lease, 2 turns (list), 3 head (hash), 4 waiting conversations (set); ARGV: 1 lease ms, 2 conversation id
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('LLEN', KEYS[2]) == 0 then
  redis.call('SREM', KEYS[4], ARGV[2])
  return 0
end
local fence = redis.call('HINCRBY', KEYS[3], 'fence', 1)
redis.call('SET', KEYS[1], fence, 'PX', ARGV[1])
return fence
