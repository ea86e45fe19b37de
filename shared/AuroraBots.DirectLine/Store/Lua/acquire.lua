-- Grants a conversation's turn lease with a new fencing token when turns wait and nobody holds it, and returns the
-- oldest waiting turn with it (one round trip instead of grant + peek).
-- KEYS: 1 lease, 2 turns (list), 3 head (hash), 4 waiting conversations (set); ARGV: 1 lease ms, 2 conversation id
-- Returns {0} (not granted) or {fence, turn json}.
if redis.call('EXISTS', KEYS[1]) == 1 then return {0} end
local turn = redis.call('LINDEX', KEYS[2], 0)
if not turn then
  redis.call('SREM', KEYS[4], ARGV[2])
  return {0}
end
local fence = redis.call('HINCRBY', KEYS[3], 'fence', 1)
redis.call('SET', KEYS[1], fence, 'PX', ARGV[1])
return {fence, turn}
