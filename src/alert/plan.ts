// What a drill's outcome means for its GitHub issue. Pure, so every case is a plain test.
import type { Outcome } from '../constants.js'

export type AlertAction = 'open' | 'comment' | 'resolve' | 'none'

/** Failing drills open an issue or add to the open one; the next success closes it. */
export function planAlert(outcome: Outcome, openIssueExists: boolean): AlertAction {
  if (outcome === 'failed' || outcome === 'timed_out') return openIssueExists ? 'comment' : 'open'
  if (outcome === 'succeeded' && openIssueExists) return 'resolve'
  return 'none'
}

/** Whether an outcome can touch the drill's issue at all; if not, GitHub is not even asked. */
export function mayAlert(outcome: Outcome): boolean {
  return planAlert(outcome, true) !== 'none'
}

/** Stable from run to run, so that every failure of one target lands on one issue. */
export function issueTitle(target: string): string {
  return `Restore drill failing: ${target}`
}

/** The run's page, from the runner's variables (GITHUB_SERVER_URL also covers GHES). */
export function runUrl(env: NodeJS.ProcessEnv): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env
  if (!server || !repository || !runId) return null
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`
}

export function alertBody(action: AlertAction, summary: string, run: string | null): string {
  const lead: Record<AlertAction, string> = {
    open: 'A scheduled restore drill failed. Until a drill of this target succeeds, this issue stays open and each failing run adds a comment.',
    comment: 'The restore drill failed again.',
    resolve: 'The restore drill succeeded: closing.',
    none: '',
  }
  const link = run === null ? '' : `\n\n[The run](${run})`
  return `${lead[action]}${link}\n\n${summary}`
}
