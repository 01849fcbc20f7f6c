// Every GitHub request of the alert carries the run's cancel signal and a time limit of its own.
// Octokit reports an aborted or unanswered request as HTTP 500, which would send the user to look
// for a GitHub outage; these errors say what really happened instead.
import type { getOctokit } from '@actions/github'
import { formatMs } from '../snapshooter/errors.js'

type Octokit = ReturnType<typeof getOctokit>

/** GitHub took the request but sent no answer within the time limit. */
export class GitHubSilent extends Error {
  constructor(readonly timeoutMs: number) {
    super(`GitHub gave no answer within ${formatMs(timeoutMs)}`)
    this.name = 'GitHubSilent'
  }
}

/** The run was cancelled while the drill issue was being written. */
export class AlertCancelled extends Error {
  constructor() {
    super('the run was cancelled while GitHub was being asked')
    this.name = 'AlertCancelled'
  }
}

/**
 * Makes each request of `octokit` end when the run is cancelled or when GitHub has not answered
 * within `timeoutMs` (each request on its own: paging through issues is several requests).
 */
export function guardRequests(octokit: Octokit, cancel: AbortSignal, timeoutMs: number): void {
  octokit.hook.wrap('request', async (request, options) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = AbortSignal.any([cancel, timeout])
    // In place: inner hooks (the token's) are bound to this very object, so a copy passed on
    // would be dropped before the request is sent.
    options.request = { ...options.request, signal }
    try {
      return await request(options)
    } catch (error) {
      if (cancel.aborted) throw new AlertCancelled()
      if (timeout.aborted) throw new GitHubSilent(timeoutMs)
      throw error
    }
  })
}

/** The HTTP status GitHub answered with, or null when no answer came. */
export function answeredStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null
  // Octokit gives a request that got no answer at all (refused, dropped) status 500 and no
  // response; saying "GitHub answered 500" then would send the user looking for an outage.
  if ('request' in error && !('response' in error && error.response)) return null
  const status = Number(error.status)
  return Number.isInteger(status) && status > 0 ? status : null
}
