// The history writer when GitHub refuses, says nothing, or the run is cancelled: one warning
// line, never a failure, and never past the deadline.
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { FakeGitHub } from '../simulator/index.js'
import { historyFailure, verdict } from '../src/history/failure.js'
import {
  HISTORY_GRACE_MS,
  HISTORY_TIME_LIMIT_MS,
  historyDeadline,
  historyUrl,
} from '../src/history/github.js'
import { record } from './helpers/history.js'
import { REPO, historyLab } from './helpers/history-github.js'

jest.setTimeout(30_000)

const lab = historyLab()
const { write } = lab
let github: FakeGitHub
let branch: string
beforeAll(() => {
  github = lab.github()
})
beforeEach(() => {
  branch = lab.branch()
})

describe('when GitHub refuses', () => {
  it('warns in one line naming contents: write when the token may only read', async () => {
    github.refuseWrites(403)
    const before = github.requests.length
    const outcome = await write([record()])
    expect(outcome).toEqual({
      warning: `The drill history was not written to branch ${branch} of ${REPO}: GitHub answered 403 (Resource not accessible by integration). Give the job \`permissions: contents: write\`, and check that the token can see the repository. The drill's outcome stands.`,
    })
    expect(github.git.ref(REPO, branch)).toBeNull()
    // No retry of a refusal: one read of the branch, and only its first writes (the blobs, sent
    // at once), refused.
    const asked = github.requests.slice(before)
    expect(asked.filter((request) => request.path.includes('/git/ref/'))).toHaveLength(1)
    const writes = asked
      .filter((request) => request.method !== 'GET')
      .map((request) => request.path)
    expect(writes.length).toBeLessThanOrEqual(3)
    expect(new Set(writes)).toEqual(new Set([`/repos/${REPO}/git/blobs`]))
  })

  it.each([
    [
      404,
      'GitHub answered 404 (Resource not accessible by integration). Give the job `permissions: contents: write`',
    ],
    [401, 'GitHub rejected the token (401).'],
  ])('warns in one line when every request gets %s', async (status, says) => {
    github.refuseWith(status)
    const outcome = await write([record()])
    expect('warning' in outcome && outcome.warning).toContain(says)
    expect('warning' in outcome && outcome.warning).not.toContain('\n')
  })

  it('warns, asking GitHub nothing, when the repository is unknown', async () => {
    const before = github.requests.length
    const outcome = await write([record()], { env: { GITHUB_API_URL: github.url } })
    expect(outcome).toEqual({
      warning: 'The drill history was not written: GITHUB_REPOSITORY is not set.',
    })
    expect(github.requests.length).toBe(before)
  })
})

describe('what GitHub answers mean', () => {
  const answer = (status: number, message = '') =>
    Object.assign(new Error(message), {
      status,
      request: {},
      response: { status, data: { message } },
    })

  it.each([
    [answer(422, 'Update is not a fast forward'), 'conflict'],
    [answer(422, 'Reference already exists'), 'conflict'],
    [answer(409, 'Reference cannot be updated'), 'conflict'],
    [answer(409, 'Git Repository is empty.'), 'final'],
    [answer(422, 'Reference name invalid'), 'final'],
    [answer(502), 'transient'],
    [answer(429), 'transient'],
    [answer(403, 'You have exceeded a secondary rate limit'), 'transient'],
    [answer(403, 'Resource not accessible by integration'), 'final'],
    [answer(404, 'Not Found'), 'final'],
    [Object.assign(new Error('other side closed'), { status: 500, request: {} }), 'transient'],
  ] as const)('reads %s as %s', (error, kind) => {
    expect(verdict(error)).toBe(kind)
  })

  it('explains each in one line', () => {
    const lines = [
      historyFailure(answer(409, 'Git Repository is empty.'), REPO, 'h', 1),
      historyFailure(answer(502, 'Bad\nGateway'), REPO, 'h', 12),
      historyFailure(new Error('connect ECONNREFUSED 127.0.0.1:9'), REPO, 'h', 3),
    ]
    expect(lines).toEqual([
      `The drill history was not written to branch h of ${REPO}: the repository has no commit yet (Git Repository is empty.); push a first commit to any branch. The drill's outcome stands.`,
      `The drill history was not written to branch h of ${REPO}: GitHub answered 502 (Bad Gateway) after 12 tries. It is worth re-running later. The drill's outcome stands.`,
      `The drill history was not written to branch h of ${REPO}: connect ECONNREFUSED 127.0.0.1:9. The drill's outcome stands. Check that GITHUB_API_URL is reachable from the runner.`,
    ])
  })

  it('has nothing to write for a run without a record', async () => {
    expect(await write([])).toEqual({
      warning: 'The drill history was not written: this run has no drill to record.',
    })
  })

  it('gives the dashboard address of the branch, on any GitHub host', () => {
    expect(
      historyUrl(
        { GITHUB_REPOSITORY: REPO, GITHUB_SERVER_URL: 'https://ghe.acme.test/' },
        'drills/h',
      ),
    ).toBe(`https://ghe.acme.test/${REPO}/tree/drills/h`)
  })
})

describe('bounded in time', () => {
  it('gives up on a silent GitHub at the deadline, whatever the request timeout', async () => {
    github.refuseWith('silent')
    const started = Date.now()
    const outcome = await write([record()], {
      deadline: Date.now() + 600,
      requestTimeoutMs: 30_000,
    })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(outcome).toEqual({
      warning: `The drill history was not written to branch ${branch} of ${REPO}: the time it may take ran out. The drill's outcome stands.`,
    })
  })

  it('tries again after a silent request, until the deadline', async () => {
    github.refuseWith('silent')
    const started = Date.now()
    const outcome = await write([record()], { deadline: Date.now() + 1_500, requestTimeoutMs: 300 })
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(github.requests.length).toBeGreaterThan(1)
    expect('warning' in outcome && outcome.warning).toMatch(
      /no answer within 300 ms|time it may take ran out/,
    )
  })

  it('stops at once when the run is cancelled while GitHub is silent', async () => {
    github.refuseWith('silent')
    const cancel = new AbortController()
    github.onRequest(() => cancel.abort())
    const started = Date.now()
    const outcome = await write([record()], { signal: cancel.signal })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(outcome).toEqual({
      warning: `The drill history was not written to branch ${branch} of ${REPO}: the run was cancelled while GitHub was being asked.`,
    })
  })

  it('sends nothing once the run is cancelled or the deadline has passed', async () => {
    const before = github.requests.length
    const cancel = new AbortController()
    cancel.abort()
    expect(await write([record()], { signal: cancel.signal })).toHaveProperty('warning')
    expect(await write([record()], { deadline: Date.now() - 1 })).toHaveProperty('warning')
    expect(github.requests.length).toBe(before)
  })

  it('gives the write a few seconds past the run deadline, and never more than its own limit', () => {
    expect(historyDeadline(1_000, null)).toBe(1_000 + HISTORY_TIME_LIMIT_MS)
    expect(historyDeadline(1_000, 500)).toBe(1_000 + HISTORY_GRACE_MS)
    expect(historyDeadline(1_000, 1_000 + 9_000)).toBe(10_000)
    expect(historyDeadline(1_000, 1_000 + 6 * 3_600_000)).toBe(1_000 + HISTORY_TIME_LIMIT_MS)
  })
})
