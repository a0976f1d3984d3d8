// One table, one row per task (and one per recurring schedule: its next due time); the statements that touch it are in sqlite.ts. Times are ms since
// the epoch from Date.now() on one host (WAL needs all processes on one host anyway).
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS hx_task (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  task_name TEXT NOT NULL,
  queue_name TEXT NOT NULL DEFAULT 'default',
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN -100 AND 100),
  status TEXT NOT NULL DEFAULT 'READY' CHECK (status IN ('READY','RUNNING','SUCCESSFUL','FAILED')),
  args TEXT NOT NULL CHECK (json_valid(args)),
  run_after INTEGER,
  available_at INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  started_at INTEGER,
  last_attempted_at INTEGER,
  finished_at INTEGER,
  attempt INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 1,
  stalls INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  progress TEXT,
  return_value TEXT,
  worker_ids TEXT NOT NULL DEFAULT '[]',
  errors TEXT NOT NULL DEFAULT '[]',
  idempotency_key TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS hx_task_ready ON hx_task (queue_name, priority DESC, available_at, seq) WHERE status = 'READY';
CREATE INDEX IF NOT EXISTS hx_task_ready_any ON hx_task (priority DESC, available_at, seq) WHERE status = 'READY';
CREATE INDEX IF NOT EXISTS hx_task_lease ON hx_task (lease_expires_at) WHERE status = 'RUNNING';
CREATE INDEX IF NOT EXISTS hx_task_done ON hx_task (finished_at) WHERE status IN ('SUCCESSFUL','FAILED');
CREATE UNIQUE INDEX IF NOT EXISTS hx_task_idem ON hx_task (queue_name, idempotency_key)
  WHERE idempotency_key IS NOT NULL AND status IN ('READY','RUNNING');
CREATE TABLE IF NOT EXISTS hx_schedule (
  name TEXT PRIMARY KEY,
  spec TEXT NOT NULL,
  next_run_at INTEGER NOT NULL
) STRICT;
`

const CLAIM_SET = `
UPDATE hx_task SET status = 'RUNNING', attempt = attempt + 1, lease_owner = @worker,
       lease_expires_at = @now + @lease, started_at = coalesce(started_at, @now),
       last_attempted_at = @now, worker_ids = json_insert(worker_ids, '$[#]', @worker)
 WHERE seq = (SELECT seq FROM hx_task WHERE status = 'READY'`
const CLAIM_END = ` AND available_at <= @now
              ORDER BY priority DESC, available_at, seq LIMIT 1)
RETURNING id, task_name, args, attempt, max_attempts, idempotency_key`

export const CLAIM_QUEUE: string = `${CLAIM_SET} AND queue_name = @queue${CLAIM_END}`
export const CLAIM_ANY: string = `${CLAIM_SET}${CLAIM_END}`

/** The fence of every write by a worker: this attempt, this owner, still running. */
export const FENCE = `id = @id AND status = 'RUNNING' AND attempt = @attempt AND lease_owner = @worker`

export const SWEEP = `
UPDATE hx_task
   SET status = CASE WHEN stalls < @maxStalls THEN 'READY' ELSE 'FAILED' END,
       max_attempts = CASE WHEN stalls < @maxStalls THEN max_attempts + 1 ELSE max_attempts END,
       finished_at = CASE WHEN stalls < @maxStalls THEN NULL ELSE @now END,
       stalls = stalls + 1, available_at = @now,
       errors = json_insert(errors, '$[#]', CASE WHEN stalls < @maxStalls
         THEN json_object('exceptionClassPath', 'LeaseExpired',
           'message', 'The worker ' || lease_owner || ' stopped renewing its lease (it crashed, hung or lost the database).',
           'traceback', 'LeaseExpired: lease of ' || lease_owner || ' expired', 'attempt', attempt)
         ELSE json_object('exceptionClassPath', 'TaskStalled',
           'message', 'The worker ' || lease_owner || ' stopped renewing its lease (lease expiry ' ||
             (stalls + 1) || ' of this task; maxStalledCount is ' || CAST(@maxStalls AS INTEGER) ||
             '): it failed for good.',
           'traceback', 'TaskStalled: lease of ' || lease_owner || ' expired (expiry ' || (stalls + 1) || ')',
           'attempt', attempt) END),
       lease_owner = NULL, lease_expires_at = NULL
 WHERE status = 'RUNNING' AND lease_expires_at < @now`
