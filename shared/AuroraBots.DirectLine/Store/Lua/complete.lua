-- Removes the finished turn; releases the lease when no turn is left.
-- KEYS: 1 lease, 2 turns (list), 3 waiting conversations (set); ARGV: 1 fence, 2 conversation id
-- Returns 0 more turns wait, 1 released, -1 lease lost.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('LPOP', KEYS[2])
if redis.call('LLEN', KEYS[2]) > 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[2])
return 1
