// Opens, comments on and closes the drill's GitHub issue. Loaded only when `issue_on_failure`
// is on, so drills that do not alert never load Octokit. A failure here is a warning: it never
// changes the drill's outcome or hides its error. Nor does a cancel: by the time the issue is
// written the drill has ended and its evidence is on disk, so a cancel only stops the writing.
import * as core from '@actions/core'
import type { Outcome } from '../inputs/names.js'
import { errorMessage } from '../failure.js'
import type { AlertSettings } from '../inputs/settings.js'
import { alertBody, issueTitle, planAlert, runUrl, type AlertAction } from './plan.js'
import { AlertCancelled, GitHubSilent, answeredStatus, guardRequests } from './requests.js'

export interface AlertResult {
  action: Exclude<AlertAction, 'none'>
  number: number
  url: string
}

export interface AlertOptions {
  /** The run's cancel signal: a cancel ends the request in flight at once. */
  signal?: AbortSignal
  /** Each GitHub request's own time limit. */
  requestTimeoutMs?: number
}

// Enough to find the drill's issue among the open ones with its label.
const MAX_PAGES = 5
const REQUEST_TIMEOUT_MS = 30_000

export async function alertOnGitHub(
  settings: AlertSettings,
  outcome: Outcome,
  summary: string,
  env: NodeJS.ProcessEnv,
  {
    signal = new AbortController().signal,
    requestTimeoutMs = REQUEST_TIMEOUT_MS,
  }: AlertOptions = {},
): Promise<AlertResult | null> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    core.warning('No drill issue: GITHUB_REPOSITORY is not set, so the repository is unknown.')
    return null
  }
  const title = issueTitle(settings.target)
  try {
    core.info(`Drill issue: looking in ${owner}/${repo} for the open issue "${title}".`)
    const { getOctokit } = await import('@actions/github')
    // The API base is GITHUB_API_URL, which also covers GitHub Enterprise Server. No `request`
    // option here: it would replace Octokit's own, and with it the runner's proxy settings.
    const octokit = getOctokit(
      settings.githubToken,
      env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {},
    )
    guardRequests(octokit, signal, requestTimeoutMs)
    const issues = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      labels: settings.label,
      state: 'open',
      per_page: 100,
    })
    let existing: { number: number; html_url: string } | undefined
    let pages = 0
    for await (const page of issues) {
      existing = page.data.find((issue) => issue.title === title && !issue.pull_request)
      if (existing || ++pages >= MAX_PAGES) break
    }

    const action = planAlert(outcome, existing !== undefined)
    if (action === 'none') return null
    const body = alertBody(action, summary, runUrl(env))
    if (action === 'open') {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [settings.label],
      })
      core.info(`Opened drill issue #${data.number}: ${data.html_url}`)
      return { action, number: data.number, url: data.html_url }
    }
    const issue = existing as { number: number; html_url: string }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body })
    if (action === 'resolve') {
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      })
    }
    core.info(
      `${action === 'resolve' ? 'Closed' : 'Commented on'} drill issue #${issue.number}: ${issue.html_url}`,
    )
    return { action, number: issue.number, url: issue.html_url }
  } catch (error) {
    core.warning(alertFailure(error, `${owner}/${repo}`))
    return null
  }
}

/** One line saying why the drill issue could not be written and what to change. */
export function alertFailure(error: unknown, repository: string): string {
  const status = answeredStatus(error)
  const lead = `The drill issue in ${repository} could not be updated`
  if (error instanceof AlertCancelled) return `${lead}: ${error.message}.`
  if (error instanceof GitHubSilent)
    return `${lead}: ${error.message}. It is worth re-running later; check that GITHUB_API_URL is reachable from the runner.`
  if (status === 401)
    return `${lead}: GitHub rejected \`github_token\` (401). Pass a valid token, or leave \`github_token\` out to use the workflow token.`
  if (status === 403)
    return `${lead}: GitHub answered 403. Give the job \`permissions: issues: write\`.`
  if (status === 404)
    return `${lead}: GitHub answered 404. Check that the repository has issues enabled and that the token can see it (\`permissions: issues: write\`).`
  if (status === 410)
    return `${lead}: issues are disabled in ${repository} (410). Enable them, or set \`issue_on_failure: false\`.`
  if (status !== null && status > 0)
    return `${lead}: GitHub answered ${status}. It is worth re-running later.`
  return `${lead}: ${errorMessage(error)}. Check that GITHUB_API_URL is reachable from the runner.`
}
