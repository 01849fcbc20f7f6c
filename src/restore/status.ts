// How a restore status word reads: still running, succeeded or failed, by the table of words in
// snapshooter/api.ts, where every assumption about the API lives.
import { STATUS_WORDS, type StatusClass } from '../snapshooter/api.js'

export type { StatusClass }

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
  // Own words only: `constructor` or `toString` from the API is no status the table knows.
  const found = Object.hasOwn(STATUS_WORDS, key) ? STATUS_WORDS[key] : undefined
  return found === undefined ? { class: 'running', known: false } : { class: found, known: true }
}
