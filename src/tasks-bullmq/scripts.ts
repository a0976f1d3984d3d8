// hxkit's own Lua, run beside BullMQ's scripts on the same keys: `<prefix>:<queue>:<id>` is a
// job's hash, `…:lock` its lock (the token of the claim that holds it), `<prefix>:<queue>:active`
// etc. the state lists. hxkit keeps its extra fields in the job hash (BullMQ ignores them):
// hxw workers (JSON array), hxe errors (JSON array), hxst stalls already in hxe, hxm max
// attempts before stalls, hxs first start (ms), hxc cancel requested.

/** KEYS per queue: job, active, completed, failed. ARGV[1] job id. → { index, state, hash } */
export const FIND = `
for i = 1, #KEYS, 4 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    local state = 'ready'
    if redis.call('ZSCORE', KEYS[i + 2], ARGV[1]) then state = 'completed'
    elseif redis.call('ZSCORE', KEYS[i + 3], ARGV[1]) then state = 'failed'
    elseif redis.call('LPOS', KEYS[i + 1], ARGV[1]) then state = 'active' end
    return { (i + 3) / 4, state, redis.call('HGETALL', KEYS[i]) }
  end
end
return false`

/**
 * After BullMQ's moveToActive: records the worker and the first start, fenced by the lock.
 * KEYS job, lock. ARGV token, JSON-quoted worker id. → the hash, or false when not held.
 */
export const MARK = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return false end
local workers = redis.call('HGET', KEYS[1], 'hxw')
if not workers or workers == '[]' then workers = '[' .. ARGV[2] .. ']'
else workers = string.sub(workers, 1, -2) .. ',' .. ARGV[2] .. ']' end
redis.call('HSET', KEYS[1], 'hxw', workers)
redis.call('HSETNX', KEYS[1], 'hxs', redis.call('HGET', KEYS[1], 'processedOn'))
return redis.call('HGETALL', KEYS[1])`

/** A fenced HSET. KEYS job, lock. ARGV token, field, value, field, value… → 1 or 0 */
export const FENCED_SET = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1`

/** Heartbeat: BullMQ's extendLock plus the cancel flag. KEYS lock, stalled, job. ARGV token, ms, id. */
export const HEARTBEAT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SREM', KEYS[2], ARGV[3])
if redis.call('HGET', KEYS[3], 'hxc') == '1' then return 1 end
return 0`

/**
 * Takes a waiting, prioritized or delayed job into active under a lock of our own, so that
 * BullMQ's moveToFailed can finish it (a cancel before it ran).
 * KEYS wait, prioritized, delayed, active, lock. ARGV id, token, ms. → 1 or 0
 */
export const TAKE = `
local removed = redis.call('LREM', KEYS[1], 0, ARGV[1]) + redis.call('ZREM', KEYS[2], ARGV[1])
  + redis.call('ZREM', KEYS[3], ARGV[1])
if removed == 0 then return 0 end
redis.call('LPUSH', KEYS[4], ARGV[1])
redis.call('SET', KEYS[5], ARGV[2], 'PX', ARGV[3])
return 1`

/** Marks an active job for cancel. KEYS job, active. ARGV id. → 1 or 0 */
export const FLAG_CANCEL = `
if not redis.call('LPOS', KEYS[2], ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'hxc', '1')
return 1`
