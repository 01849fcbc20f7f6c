// SnapShooter documents only `pending` for a restore; the other words are an assumption
// (see snapshooter-api.md). They live in this one table so that a word seen on the live API
// is one line to add.

export type StatusClass = 'running' | 'succeeded' | 'failed'

const STATUS_WORDS: Record<string, StatusClass> = {
  pending: 'running',
  queued: 'running',
  scheduled: 'running',
  starting: 'running',
  started: 'running',
  running: 'running',
  in_progress: 'running',
  processing: 'running',
  restoring: 'running',
  completed: 'succeeded',
  complete: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  successful: 'succeeded',
  done: 'succeeded',
  finished: 'succeeded',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
  errored: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
  aborted: 'failed',
  timeout: 'failed',
  timed_out: 'failed',
}

export interface StatusReading {
  class: StatusClass
  /** False for a word the table does not know; it counts as still running. */
  known: boolean
}

/** Reads a status word case-insensitively; `In Progress` and `in-progress` read as `in_progress`. */
export function classifyStatus(word: string): StatusReading {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  const found = STATUS_WORDS[key]
  return found === undefined ? { class: 'running', known: false } : { class: found, known: true }
}
