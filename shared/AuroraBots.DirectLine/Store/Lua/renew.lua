-- KEYS: 1 lease; ARGV: 1 fence, 2 lease ms
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
