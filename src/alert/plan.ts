// What a drill's outcome means for its GitHub issue. Pure, so every case is a plain test.
import type { Outcome } from '../inputs/names.js'

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
  return `Restore drill failing: ${quietMentions(target)}`
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
  return `${lead[action]}${link}\n\n${quietMentions(summary)}`
}

// Code, which GitHub shows as written (<pre>, <code>, back-ticked spans), or else the start of
// a mention (`@name`, `@org/team`: they notify people) or of an issue reference (`#123`,
// `GH-123`, `owner/repo#123`: they link and cross-reference issues). Character references count
// too, since GitHub decodes them before it looks.
const MENTION_OR_CODE =
  /(?<code><pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|(?<fence>`+)[\s\S]*?\k<fence>)|(?<at>@|&#0*64;|&#x0*40;|&commat;)(?=[\p{L}\p{N}])|(?<hash>(?<!&)#|&#0*35;|&#x0*23;|&num;)(?=\p{N})|(?<gh>\bGH-)(?=\p{N})/giu
const JOINER = '\u200d'

/**
 * Issue text in which no @mention notifies anyone and no #reference links an issue: text from
 * SnapShooter (an error message, a status word, a file name) and from the inputs reaches the
 * issue, and a stranger's `@` in it would page people. A zero-width joiner after `@` and `#`
 * keeps the text readable and breaks GitHub's patterns. Code is left as it is: GitHub never
 * looks inside it, and an id or a file name there stays exact for copying.
 */
export function quietMentions(markdown: string): string {
  return markdown.replace(MENTION_OR_CODE, (...args: unknown[]) => {
    const { code, at, hash, gh } = args.at(-1) as Record<string, string | undefined>
    if (code !== undefined) return code
    if (at !== undefined) return `@${JOINER}`
    if (hash !== undefined) return `#${JOINER}`
    return `${gh ?? ''}${JOINER}`
  })
}
