// Writes the run's drill records to the history branch through GitHub's REST API: no checkout
// and no git on the runner. One commit per run, whatever the number of targets; the branch is
// created as an orphan on first use.
//
// Concurrent writers (the legs of a fleet, two schedules) never lose a record: the ref moves only
// as a fast-forward, so a writer whose base went stale is refused, reads the branch again, and
// plans its write anew on top of what the other wrote. A retry adds no record twice (see
// recordKey), even when an earlier try landed and only its answer was lost.
//
// Whatever happens, the drill's outcome stands: a failure is one warning line in the value
// returned (the caller gives it to `core.warning`), and the writing is bounded in tries and in
// time (the deadline, and the run's cancel). Load it lazily: drills without history never load
// Octokit.
import * as core from '@actions/core'
import { runUrl } from '../alert/plan.js'
import { AlertCancelled, answeredStatus, guardRequests } from '../alert/requests.js'
import { realSleep, systemClock, type Clock, type Sleep } from '../time.js'
import { commitFiles, readBranch, type Branch } from './branch.js'
import { HistoryStopped, historyFailure, verdict } from './failure.js'
import { planWrite, type TargetWrite } from './plan.js'
import type { DrillRecord } from './record.js'

export interface HistoryWriteOptions {
  token: string
  /** `history_branch`. */
  branch: string
  /** `history_size`: lines kept per ledger. */
  historySize: number
  /** This run's records (makeRecord), one or more, of any number of targets. */
  records: readonly DrillRecord[]
  /** The runner's variables: GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_RUN_ID. */
  env: NodeJS.ProcessEnv
  /** No request or pause goes past this time (epoch ms of `clock`): see historyDeadline. */
  deadline: number
  /** The run's cancel: ends the request in flight at once. */
  signal?: AbortSignal
  clock?: Clock
  sleep?: Sleep
  random?: () => number
  /** Each request's own time limit. */
  requestTimeoutMs?: number
  maxAttempts?: number
}

export type HistoryWriteResult =
  { url: string; commit: string; records: Record<string, TargetWrite> } | { warning: string }

/** The most the history may hold a run, and how far past the run's own deadline it may go. */
export const HISTORY_TIME_LIMIT_MS = 30_000
export const HISTORY_GRACE_MS = 5_000
/** Tries of one write; each conflict costs one. Eight writers at once need at most eight. */
export const MAX_ATTEMPTS = 12
const REQUEST_TIMEOUT_MS = 30_000
/** Full-jitter backoff between tries: a random pause up to min(cap, base × 2^try). */
const BACKOFF_BASE_MS = 200
const BACKOFF_CAP_MS = 3_000

/**
 * The deadline to give writeHistory: at most HISTORY_TIME_LIMIT_MS from now, and no later than
 * HISTORY_GRACE_MS past the run's deadline (a drill that used all its `timeout` still gets its
 * record written, in a few seconds).
 */
export function historyDeadline(now: number, runDeadline: number | null): number {
  const limit = now + HISTORY_TIME_LIMIT_MS
  if (runDeadline === null) return limit
  return Math.min(limit, Math.max(runDeadline, now + HISTORY_GRACE_MS))
}

/** `history_url`: the dashboard's web address, `<GITHUB_SERVER_URL>/<repository>/tree/<branch>`. */
export function historyUrl(env: NodeJS.ProcessEnv, branch: string): string {
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  return `${server}/${env.GITHUB_REPOSITORY ?? ''}/tree/${encodeURI(branch)}`
}

export async function writeHistory(options: HistoryWriteOptions): Promise<HistoryWriteResult> {
  const { env, records, clock = systemClock, sleep = realSleep, random = Math.random } = options
  const { signal = new AbortController().signal, maxAttempts = MAX_ATTEMPTS } = options
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo)
    return { warning: 'The drill history was not written: GITHUB_REPOSITORY is not set.' }
  if (records.length === 0)
    return { warning: 'The drill history was not written: this run has no drill to record.' }
  const outOfTime = AbortSignal.timeout(Math.max(1, options.deadline - clock.now()))
  const bound = AbortSignal.any([signal, outOfTime])
  const stopped = () =>
    signal.aborted
      ? new AlertCancelled()
      : new HistoryStopped('out-of-time', 'the time it may take ran out')

  const { getOctokit } = await import('@actions/github')
  // No `request` option: it would replace Octokit's own, and with it the runner's proxy settings.
  const octokit = getOctokit(
    options.token,
    env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {},
  )
  // The deadline acts as a cancel for each request, on top of each one's own time limit.
  guardRequests(octokit, bound, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS)
  const branch: Branch = { octokit, owner, repo, name: options.branch, blobs: new Map() }

  for (let attempt = 1; ; attempt++) {
    try {
      if (bound.aborted || clock.now() >= options.deadline) throw stopped()
      const state = await readBranch(branch)
      const plan = planWrite(state.ledgers, records, {
        historySize: options.historySize,
        now: clock.now(),
        runUrl: runUrl(env),
      })
      // Every record is there already (an earlier try landed, its answer was lost): no commit.
      const commit =
        plan.files.size === 0 && state.head !== null
          ? state.head
          : await commitFiles(branch, state, plan.files, plan.message)
      const url = historyUrl(env, options.branch)
      const added = Object.values(plan.targets).reduce((sum, target) => sum + target.added, 0)
      core.info(
        `Drill history: ${added} record${added === 1 ? '' : 's'} added to ${options.branch} (commit ${commit.slice(0, 7)}): ${url}`,
      )
      return { url, commit, records: plan.targets }
    } catch (caught) {
      // An abort surfaces as whatever the request was doing; say what really stopped it.
      const error = bound.aborted && !(caught instanceof HistoryStopped) ? stopped() : caught
      const kind = verdict(error)
      if (kind === 'final' || attempt >= maxAttempts)
        return { warning: historyFailure(error, repository, options.branch, attempt) }
      core.info(
        kind === 'conflict'
          ? `Drill history: ${options.branch} moved under this write; reading it again (try ${attempt + 1} of ${maxAttempts}).`
          : `Drill history: GitHub gave ${answeredStatus(error) ?? 'no answer'}; trying again (try ${attempt + 1} of ${maxAttempts}).`,
      )
      const pause = random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1))
      try {
        await sleep(Math.min(pause, Math.max(0, options.deadline - clock.now())), bound)
      } catch {
        return { warning: historyFailure(stopped(), repository, options.branch, attempt) }
      }
    }
  }
}
