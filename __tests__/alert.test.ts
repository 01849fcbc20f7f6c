import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'
import { alertFailure, alertOnGitHub } from '../src/alert/github.js'
import { drillAlert } from '../src/alert/index.js'
import {
  alertBody,
  issueTitle,
  mayAlert,
  planAlert,
  quietMentions,
  runUrl,
} from '../src/alert/plan.js'
import { AlertCancelled, GitHubSilent } from '../src/alert/requests.js'
import type { Outcome } from '../src/inputs/names.js'

describe('planAlert', () => {
  it.each<[Outcome, boolean, string]>([
    ['failed', false, 'open'],
    ['failed', true, 'comment'],
    ['timed_out', false, 'open'],
    ['timed_out', true, 'comment'],
    ['succeeded', true, 'resolve'],
    ['succeeded', false, 'none'],
    ['cancelled', true, 'none'],
    ['dry_run', true, 'none'],
    ['not_waited', true, 'none'],
  ])('%s with an open issue: %s → %s', (outcome, open, action) => {
    expect(planAlert(outcome, open)).toBe(action)
  })

  it('asks GitHub nothing for outcomes that can never touch the issue', () => {
    expect((['cancelled', 'dry_run', 'not_waited'] as const).map(mayAlert)).toEqual([
      false,
      false,
      false,
    ])
    expect((['failed', 'timed_out', 'succeeded'] as const).map(mayAlert)).toEqual([
      true,
      true,
      true,
    ])
  })
})

describe('the issue text', () => {
  it('keeps one title per target', () => {
    expect(issueTitle('job 6f7c')).toBe('Restore drill failing: job 6f7c')
  })

  it('links the run on github.com and on GitHub Enterprise Server', () => {
    const env = { GITHUB_REPOSITORY: 'acme/backups', GITHUB_RUN_ID: '42' }
    expect(runUrl({ ...env, GITHUB_SERVER_URL: 'https://github.com' })).toBe(
      'https://github.com/acme/backups/actions/runs/42',
    )
    expect(runUrl({ ...env, GITHUB_SERVER_URL: 'https://ghe.acme.test/' })).toBe(
      'https://ghe.acme.test/acme/backups/actions/runs/42',
    )
    expect(runUrl(env)).toBeNull()
  })

  it('puts the lead, the run link and the summary in the body', () => {
    expect(alertBody('open', '## ❌ failed', 'https://x/run')).toMatch(
      /^A scheduled restore drill failed\..*\n\n\[The run\]\(https:\/\/x\/run\)\n\n## ❌ failed$/s,
    )
    expect(alertBody('resolve', 'ok', null)).toBe('The restore drill succeeded: closing.\n\nok')
  })
})

// A mention or issue reference GitHub would act on: outside code, `@` or `#` right before a name.
const LIVE = /(?<![&\w])@[a-z0-9]|(?<!&)#\d|\bGH-\d/i
const outsideCode = (text: string): string =>
  text.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|`[^`]*`/g, '')

describe('mentions and issue references in the issue', () => {
  const J = '\u200d'

  it.each([
    ['Server busy: ask @ops-team', `Server busy: ask @${J}ops-team`],
    ['paging @acme/dba', `paging @${J}acme/dba`],
    ['see #123 and GH-7, and acme/infra#9', `see #${J}123 and GH-${J}7, and acme/infra#${J}9`],
    ['encoded &#64;ops and &#x40;ops and &#35;12', `encoded @${J}ops and @${J}ops and #${J}12`],
  ])('makes %j inert', (text, quiet) => {
    expect(quietMentions(text)).toBe(quiet)
    expect(LIVE.test(quietMentions(text))).toBe(false)
  })

  it('leaves headings, character references and code as they are', () => {
    const text =
      '## ❌ failed: &#39;x&#39; <code>db@2024 #1</code> `@tick` <pre><code>@pre\n#2</code></pre>'
    expect(quietMentions(text)).toBe(text)
  })

  it('changes nothing twice', () => {
    const once = quietMentions('@ops #1')
    expect(quietMentions(once)).toBe(once)
  })

  it('quiets the summary in the body, and the target in the title', () => {
    const body = alertBody('open', '> **Error:** "ask @ops-team about #123"', 'https://x/run')
    expect(LIVE.test(outsideCode(body))).toBe(false)
    expect(body).toContain(`ask @${J}ops-team about #${J}123`)
    expect(LIVE.test(issueTitle('backup @someone #4'))).toBe(false)
    // Targets as the inputs give them (UUIDs) keep the title they always had.
    expect(issueTitle('job 6f7c5f07-bd49-49a5-8416-27b8de037ddc')).toBe(
      'Restore drill failing: job 6f7c5f07-bd49-49a5-8416-27b8de037ddc',
    )
  })
})

describe('alertFailure', () => {
  it.each([
    [{ status: 401 }, 'rejected `github_token` (401)'],
    [{ status: 403 }, 'Give the job `permissions: issues: write`'],
    [{ status: 404 }, 'has issues enabled'],
    [{ status: 410 }, 'issues are disabled in acme/backups'],
    [{ status: 502 }, 'GitHub answered 502. It is worth re-running later.'],
    [
      new Error('connect ECONNREFUSED 127.0.0.1:9'),
      'connect ECONNREFUSED 127.0.0.1:9. Check that GITHUB_API_URL',
    ],
    [new GitHubSilent(30_000), 'GitHub gave no answer within 30 s. It is worth re-running later'],
    [new AlertCancelled(), 'the run was cancelled while GitHub was being asked'],
    // Octokit's own form of a request that got no answer: status 500, and no response.
    [
      Object.assign(new Error('other side closed'), { status: 500, request: {} }),
      'other side closed. Check that GITHUB_API_URL',
    ],
  ])('explains %j in one line', (error, text) => {
    const line = alertFailure(error, 'acme/backups')
    expect(line).toContain('The drill issue in acme/backups could not be updated')
    expect(line).toContain(text)
    expect(line).not.toContain('\n')
  })

  it('says GitHub answered 500 only when it did', () => {
    for (const error of [
      new GitHubSilent(30_000),
      new AlertCancelled(),
      Object.assign(new Error('other side closed'), { status: 500, request: {} }),
    ])
      expect(alertFailure(error, 'acme/backups')).not.toContain('500')
    const answered = { status: 500, request: {}, response: { status: 500 } }
    expect(alertFailure(answered, 'acme/backups')).toContain('GitHub answered 500')
  })
})

describe('alertOnGitHub, against a fake GitHub API', () => {
  let github: FakeGitHub
  const env = (): NodeJS.ProcessEnv => ({
    GITHUB_REPOSITORY: 'acme/backups',
    GITHUB_RUN_ID: '1',
    GITHUB_SERVER_URL: 'https://github.com',
  })
  const settings = () => ({ githubToken: github.token, label: 'restore-drill', target: 'job j1' })

  const written: string[] = []
  const warnings = (): string[] =>
    written.filter((line) => line.startsWith('::warning::')).map((line) => line.trim())

  beforeAll(async () => {
    github = await startFakeGitHub()
    process.env.GITHUB_API_URL = github.url
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
  })
  afterAll(async () => {
    delete process.env.GITHUB_API_URL
    jest.restoreAllMocks()
    await github.close()
  })
  // Each test starts on a GitHub with no issue and no request, answering at once.
  beforeEach(() => github.reset())

  it('opens, comments, then resolves one issue', async () => {
    expect(await alertOnGitHub(settings(), 'failed', 'first', env())).toMatchObject({
      action: 'open',
      number: 1,
    })
    expect(await alertOnGitHub(settings(), 'timed_out', 'second', env())).toMatchObject({
      action: 'comment',
      number: 1,
    })
    expect(await alertOnGitHub(settings(), 'succeeded', 'third', env())).toMatchObject({
      action: 'resolve',
      number: 1,
    })
    expect(github.issues).toEqual([
      expect.objectContaining({
        title: 'Restore drill failing: job j1',
        state: 'closed',
        comments: [expect.stringContaining('second'), expect.stringContaining('third')],
      }),
    ])
    expect(await alertOnGitHub(settings(), 'succeeded', 'fourth', env())).toBeNull()
  })

  it('ignores an open issue of another title or without the label', async () => {
    await alertOnGitHub({ ...settings(), target: 'job j2' }, 'failed', 'x', env())
    await alertOnGitHub({ ...settings(), label: 'other' }, 'failed', 'y', env())
    expect(
      github.issues
        .filter((issue) => issue.state === 'open')
        .map((issue) => [issue.title, issue.labels]),
    ).toEqual([
      ['Restore drill failing: job j2', ['restore-drill']],
      ['Restore drill failing: job j1', ['other']],
    ])
  })

  it('gives up with a warning when the repository is unknown', async () => {
    const before = github.requests.length
    expect(await alertOnGitHub(settings(), 'failed', 'z', {})).toBeNull()
    expect(github.requests.length).toBe(before)
  })

  it('returns nothing, and warns, when GitHub refuses', async () => {
    github.refuseWith(403)
    expect(await alertOnGitHub(settings(), 'failed', 'z', env())).toBeNull()
    github.refuseWith(null)
  })

  describe('when GitHub fails', () => {
    beforeEach(() => {
      written.length = 0
    })

    it('gives up on a silent GitHub after the request timeout, and says so', async () => {
      github.refuseWith('silent')
      const started = Date.now()
      const issue = await alertOnGitHub(settings(), 'failed', 'z', env(), {
        requestTimeoutMs: 200,
      })
      expect(issue).toBeNull()
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(warnings()).toEqual([
        expect.stringContaining('could not be updated: GitHub gave no answer within 200 ms.'),
      ])
    })

    it('stops at once when the run is cancelled while GitHub is silent', async () => {
      github.refuseWith('silent')
      const cancel = new AbortController()
      github.onRequest(() => cancel.abort())
      const started = Date.now()
      const issue = await alertOnGitHub(settings(), 'failed', 'z', env(), {
        signal: cancel.signal,
      })
      expect(issue).toBeNull()
      expect(Date.now() - started).toBeLessThan(2_000)
      expect(warnings()).toEqual([
        expect.stringContaining('could not be updated: the run was cancelled'),
      ])
    })

    it('sends nothing once the run is cancelled', async () => {
      const before = github.requests.length
      const cancel = new AbortController()
      cancel.abort()
      expect(await alertOnGitHub(settings(), 'failed', 'z', env(), { signal: cancel.signal })).toBe(
        null,
      )
      expect(github.requests.length).toBe(before)
      expect(warnings()).toEqual([expect.stringContaining('the run was cancelled')])
    })

    it.each([
      ['a dropped connection', 'drop' as const, 'other side closed'],
      ['HTTP 500', 500, 'GitHub answered 500. It is worth re-running later.'],
    ])('explains %s in one warning', async (_, fault, says) => {
      github.refuseWith(fault)
      expect(await alertOnGitHub(settings(), 'failed', 'z', env())).toBeNull()
      expect(warnings()).toEqual([expect.stringContaining(says)])
    })

    it('gives each request its own time limit', async () => {
      // Listing, then opening: two answers of 150 ms each, past 250 ms together.
      github.answerAfter(150)
      const issue = await alertOnGitHub(
        { ...settings(), target: 'job slow' },
        'failed',
        'z',
        env(),
        {
          requestTimeoutMs: 250,
        },
      )
      expect(issue).toMatchObject({ action: 'open' })
      expect(warnings()).toEqual([])
    })
  })

  it('is not made at all when alerting is off, and skips a cancelled run', async () => {
    expect(drillAlert(null, env())).toBeUndefined()
    const before = github.requests.length
    expect(await drillAlert(settings(), env())?.('cancelled', 'x')).toBeNull()
    expect(github.requests.length).toBe(before)
  })
})
