import * as core from '@actions/core'
import { formatDuration } from '../duration.js'
import type { WaitEvent } from './wait.js'

/** The log line for a wait event: a line per status change, and a progress line now and then. */
export function describeWaitEvent(event: WaitEvent): { level: 'info' | 'warning'; text: string } {
  switch (event.type) {
    case 'status':
      return {
        level: 'info',
        text: `[${formatDuration(event.elapsedMs)}] status ${event.from === null ? '' : `${event.from} → `}${event.to}`,
      }
    case 'progress':
      return {
        level: 'info',
        text: `[${formatDuration(event.elapsedMs)}] still waiting (status ${event.status ?? 'unknown'})`,
      }
    case 'unknown_status':
      return {
        level: 'warning',
        text: `SnapShooter answered the restore status ${JSON.stringify(event.word.slice(0, 60))}, which this action does not know: it counts as still running. Please report it.`,
      }
    case 'check_failed':
      return {
        level: 'info',
        text: `status check failed (${event.inARow} in a row): ${event.message}`,
      }
    case 'rate_limited':
      return {
        level: 'info',
        text: `status check held back by the rate limit: ${event.message}`,
      }
  }
}

/** Writes a wait event to the log: warnings as annotations, the rest as plain lines. */
export function logWaitEvent(event: WaitEvent): void {
  const line = describeWaitEvent(event)
  if (line.level === 'warning') core.warning(line.text)
  else core.info(line.text)
}
