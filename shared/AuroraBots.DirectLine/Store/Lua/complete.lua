-- Removes the finished turn; returns the next one, or releases the lease when no turn is left.
-- KEYS: 1 lease, 2 turns (list), 3 waiting conversations (set); ARGV: 1 fence, 2 conversation id
-- Returns {0, next turn json} (more turns wait), {1} released, {-1} lease lost.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {-1} end
redis.call('LPOP', KEYS[2])
local next = redis.call('LINDEX', KEYS[2], 0)
if next then return {0, next} end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[2])
return {1}
