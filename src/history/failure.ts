// How the history writer reads GitHub's answers: which ones mean "the branch moved, plan again",
// which are worth another try, and which end the write; and the one warning line that says why
// the history was not written. Pure, so every case is a plain test.
import { AlertCancelled, GitHubSilent, answeredStatus } from '../alert/requests.js'
import { errorMessage } from '../failure.js'

/** `conflict`: the branch moved under the write; `transient`: worth a try again; else final. */
export type Verdict = 'conflict' | 'transient' | 'final'

/** Why the write stopped trying, when no answer of GitHub's says it. */
export class HistoryStopped extends Error {
  constructor(
    readonly reason: 'cancelled' | 'out-of-time' | 'too-many-files' | 'not-history',
    message: string,
  ) {
    super(message)
    this.name = 'HistoryStopped'
  }
}

export function verdict(error: unknown): Verdict {
  if (error instanceof HistoryStopped || error instanceof AlertCancelled) return 'final'
  if (error instanceof GitHubSilent) return 'transient'
  const status = answeredStatus(error)
  const message = githubMessage(error)
  if (status === null) return 'transient'
  // 409: a commit or ref that is no longer the branch's head (a stale sha), unless the
  // repository has no commit at all, which no retry changes.
  if (status === 409) return /empty/i.test(message) ? 'final' : 'conflict'
  // 422 on a ref: "Update is not a fast forward", or "Reference already exists" when another
  // writer created the branch first; on a commit, a parent that another writer replaced.
  if (status === 422)
    return /fast.forward|already exists|does not exist/i.test(message) ? 'conflict' : 'final'
  if (status === 429 || status >= 500) return 'transient'
  // GitHub says "rate limit" on a 403 too; that one passes.
  if (status === 403 && /rate limit/i.test(message)) return 'transient'
  return 'final'
}

/** The one warning line of a write that did not happen; the drill's outcome is not touched. */
export function historyFailure(
  error: unknown,
  repository: string,
  branch: string,
  attempts: number,
): string {
  const lead = `The drill history was not written to branch ${branch} of ${repository}`
  const stands = "The drill's outcome stands."
  if (error instanceof HistoryStopped) return `${lead}: ${error.message}. ${stands}`
  if (error instanceof AlertCancelled) return `${lead}: ${error.message}.`
  if (error instanceof GitHubSilent)
    return `${lead}: ${error.message}. ${stands} Check that GITHUB_API_URL is reachable from the runner.`
  const status = answeredStatus(error)
  const message = githubMessage(error)
  const said = message ? ` (${message})` : ''
  if (status === 401)
    return `${lead}: GitHub rejected the token (401). Pass a valid \`github_token\`, or leave it out to use the workflow token. ${stands}`
  if (status === 403 || status === 404 || /not accessible by integration/i.test(message))
    return `${lead}: GitHub answered ${status ?? 'no'}${said}. Give the job \`permissions: contents: write\`, and check that the token can see the repository. ${stands}`
  if (status === 409 && /empty/i.test(message))
    return `${lead}: the repository has no commit yet${said}; push a first commit to any branch. ${stands}`
  if (verdict(error) === 'conflict')
    return `${lead}: the branch moved under each of ${attempts} tries. It is worth re-running later. ${stands}`
  if (status !== null)
    return `${lead}: GitHub answered ${status}${said} after ${attempts} ${attempts === 1 ? 'try' : 'tries'}. It is worth re-running later. ${stands}`
  return `${lead}: ${oneLine(errorMessage(error))}. ${stands} Check that GITHUB_API_URL is reachable from the runner.`
}

/** GitHub's own `message` of an answer, cut to a line. */
function githubMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('response' in error)) return ''
  const data = (error.response as { data?: unknown } | undefined)?.data
  const message = typeof data === 'object' && data !== null && 'message' in data ? data.message : ''
  return typeof message === 'string' ? oneLine(message).slice(0, 200) : ''
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
