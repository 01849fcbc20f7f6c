// The history writer against the fake GitHub: the git data API over real HTTP on 127.0.0.1.
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'
import {
  HISTORY_GRACE_MS,
  HISTORY_TIME_LIMIT_MS,
  historyDeadline,
  historyUrl,
  writeHistory,
  type HistoryWriteOptions,
  type HistoryWriteResult,
} from '../src/history/github.js'
import { historyFailure, verdict } from '../src/history/failure.js'
import { parseLedger } from '../src/history/ledger.js'
import { recordKey, type DrillRecord } from '../src/history/record.js'
import { DAY, NOW, ledgerText, record } from './helpers/history.js'
import { parseXml } from './helpers/xml.js'

jest.setTimeout(30_000)

const REPO = 'acme/backups'
const BRANCH = 'drill-history'
let github: FakeGitHub
let branchNumber = 0
let branch = BRANCH
const logged: string[] = []

beforeAll(async () => {
  github = await startFakeGitHub()
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    logged.push(String(chunk))
    return true
  })
})
afterAll(async () => {
  jest.restoreAllMocks()
  await github.close()
})
beforeEach(() => {
  // A branch of its own for each test: the fake keeps its repositories between tests.
  branch = `${BRANCH}-${++branchNumber}`
  logged.length = 0
})
afterEach(() => {
  github.refuseWith(null)
  github.refuseWrites(null)
  github.answerAfter(0)
  github.onRequest(null)
})

const env = (): NodeJS.ProcessEnv => ({
  GITHUB_REPOSITORY: REPO,
  GITHUB_API_URL: github.url,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '77',
})

function write(records: DrillRecord[], options: Partial<HistoryWriteOptions> = {}) {
  return writeHistory({
    token: github.token,
    branch,
    historySize: 500,
    records,
    env: env(),
    deadline: Date.now() + 20_000,
    // Quick backoff: the tests want many tries in little time.
    random: () => Math.random() * 0.1,
    ...options,
  })
}

const files = () => github.git.files(REPO, branch)
const ledger = (slug: string) => parseLedger(files()[`drills/${slug}.jsonl`] ?? '')
const written = (outcome: HistoryWriteResult) => {
  if ('warning' in outcome) throw new Error(`expected a write, got: ${outcome.warning}`)
  return outcome
}

describe('writing the history', () => {
  it('creates the branch on first use, as one orphan commit', async () => {
    const drill = record()
    const outcome = written(await write([drill]))
    expect(outcome.url).toBe(`https://github.com/${REPO}/tree/${branch}`)
    expect(outcome.commit).toBe(github.git.ref(REPO, branch))
    expect(github.git.log(REPO, branch)).toEqual([
      {
        sha: outcome.commit,
        message:
          'Drill history: prod-db succeeded [skip ci]\n\nWritten by https://github.com/acme/backups/actions/runs/77\n',
        parents: [],
      },
    ])
    expect(Object.keys(files()).sort()).toEqual([
      'README.md',
      'charts/prod-db.svg',
      'drills/prod-db.jsonl',
    ])
    expect(ledger('prod-db').records).toEqual([drill])
    parseXml(files()['charts/prod-db.svg'] as string)
    expect(files()['README.md']).toContain('| **prod-db** | ✅ succeeded')
    expect(outcome.records['prod-db']).toMatchObject({
      target: 'prod-db',
      added: 1,
      records: [drill],
    })
    // Never the contents API, which leaves out the content of a file over 1 MB.
    expect(github.requests.some((request) => request.path.includes('/contents/'))).toBe(false)
  })

  it('appends on top of the branch, keeping every other file of it', async () => {
    const first = written(await write([record({ at: NOW - DAY })]))
    github.git.commitElsewhere(REPO, branch, { 'notes.md': 'kept' })
    const drill = record({ outcome: 'failed', seconds: null })
    const second = written(await write([drill]))
    const log = github.git.log(REPO, branch)
    expect(log).toHaveLength(3)
    expect(log[0]?.sha).toBe(second.commit)
    expect(log[2]?.sha).toBe(first.commit)
    expect(ledger('prod-db').records.map((item) => item.outcome)).toEqual(['succeeded', 'failed'])
    expect(files()['notes.md']).toBe('kept')
    expect(files()['README.md']).toContain('| **prod-db** | ❌ failed')
  })

  it('writes every target of a run in one commit, and the dashboard lists them all', async () => {
    await write([record({ target: 'billing' })])
    const before = github.git.log(REPO, branch).length
    const fleet = ['prod-db', 'cache', 'search'].map((target) => record({ target, runId: '500' }))
    const outcome = written(await write(fleet))
    expect(github.git.log(REPO, branch)).toHaveLength(before + 1)
    expect(Object.keys(outcome.records).sort()).toEqual(['cache', 'prod-db', 'search'])
    expect(github.git.log(REPO, branch)[0]?.message).toMatch(
      /^Drill history: 3 drills \(3 succeeded\)/,
    )
    for (const target of ['billing', 'prod-db', 'cache', 'search'])
      expect(files()['README.md']).toContain(`| **${target}** |`)
  })

  it('keeps history_size lines in the ledger, dropping the oldest', async () => {
    const drills = [1, 2, 3, 4].map((n) => record({ at: NOW - (5 - n) * DAY }))
    for (const drill of drills) written(await write([drill], { historySize: 2 }))
    expect(ledger('prod-db').records).toEqual(drills.slice(2))
  })

  it('reads a ledger over 1 MB through the blobs API and appends to it', async () => {
    const big = Array.from({ length: 3000 }, (_, i) =>
      record({ at: NOW - (i + 1) * 60_000, restoreId: `r-${i}-${'x'.repeat(200)}` }),
    )
    const text = ledgerText(big)
    expect(text.length).toBeGreaterThan(1_000_000)
    github.git.commitElsewhere(REPO, branch, { 'drills/prod-db.jsonl': text })
    const drill = record()
    written(await write([drill], { historySize: 10_000 }))
    const after = ledger('prod-db')
    expect(after.records).toHaveLength(3001)
    expect(after.records.at(-1)).toEqual(drill)
  })
})

describe('concurrent writers', () => {
  it('leave every record there, exactly once, when eight write at once and the branch keeps moving', async () => {
    // Four drills of one target and four of others, all at once; GitHub also takes 20 ms an
    // answer, so that their reads and writes interleave.
    github.answerAfter(20)
    let interfered = 0
    github.onRequest((request) => {
      // Another writer lands a commit just before each of the first three ref updates.
      if (request.method === 'PATCH' && interfered < 3)
        github.git.commitElsewhere(REPO, branch, { [`elsewhere/${++interfered}.txt`]: 'theirs' })
    })
    const seed = record({ target: 'seed', at: NOW - DAY })
    written(await write([seed]))
    const drills = [
      ...[1, 2, 3, 4].map((n) => record({ target: 'prod-db', runId: `90${n}` })),
      ...['cache', 'search', 'billing', 'queue'].map((target) => record({ target, runId: '905' })),
    ]
    const outcomes = await Promise.all(drills.map((drill) => write([drill])))
    for (const outcome of outcomes) written(outcome)

    const keys = ['seed', 'prod-db', 'cache', 'search', 'billing', 'queue']
      .flatMap((slug) => ledger(slug).records)
      .map(recordKey)
    // Every record, and each once.
    expect(keys.sort()).toEqual([seed, ...drills].map(recordKey).sort())
    expect(interfered).toBe(3)
    for (const n of [1, 2, 3]) expect(files()[`elsewhere/${n}.txt`]).toBe('theirs')
    // One commit per writer: the seed, the three others', and eight drills.
    expect(github.git.log(REPO, branch)).toHaveLength(1 + 3 + 8)
    expect(logged.join('')).toContain('moved under this write; reading it again')
  })

  it('leave every record there when they race to create the branch', async () => {
    github.answerAfter(10)
    const drills = ['a', 'b', 'c', 'd'].map((target) => record({ target }))
    const outcomes = await Promise.all(drills.map((drill) => write([drill])))
    for (const outcome of outcomes) written(outcome)
    expect(['a', 'b', 'c', 'd'].flatMap((slug) => ledger(slug).records)).toEqual(drills)
    // One orphan commit, the others on top of it.
    const log = github.git.log(REPO, branch)
    expect(log).toHaveLength(4)
    expect(log.at(-1)?.parents).toEqual([])
  })

  it('adds nothing twice when a write landed but its answer was lost', async () => {
    await write([record({ at: NOW - DAY })])
    github.failNext({ method: 'PATCH', path: /\/git\/refs\//, fault: 'drop', afterApplying: true })
    const drill = record()
    const outcome = written(await write([drill]))
    expect(
      ledger('prod-db').records.filter((item) => recordKey(item) === recordKey(drill)),
    ).toHaveLength(1)
    expect(outcome.records['prod-db']?.added).toBe(0)
    expect(outcome.commit).toBe(github.git.ref(REPO, branch))
    expect(github.git.log(REPO, branch)).toHaveLength(2)
  })

  it('adds nothing twice when the branch was created but the answer was lost', async () => {
    github.failNext({ method: 'POST', path: /\/git\/refs$/, fault: 'drop', afterApplying: true })
    written(await write([record()]))
    expect(ledger('prod-db').records).toHaveLength(1)
    expect(github.git.log(REPO, branch)).toHaveLength(1)
  })

  it('gives up with one warning when the branch moves under every try', async () => {
    github.onRequest((request) => {
      if (request.method === 'PATCH')
        github.git.commitElsewhere(REPO, branch, { 'x.txt': String(Math.random()) })
    })
    await write([record({ at: NOW - DAY })])
    const outcome = await write([record()], { maxAttempts: 3 })
    expect(outcome).toEqual({
      warning: `The drill history was not written to branch ${branch} of ${REPO}: the branch moved under each of 3 tries. It is worth re-running later. The drill's outcome stands.`,
    })
  })

  it('tries again after an answer of 502', async () => {
    github.failNext({ method: 'GET', path: /\/git\/ref\//, fault: 502 })
    written(await write([record()]))
    expect(ledger('prod-db').records).toHaveLength(1)
  })
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
    // No retry of a refusal: one try, its blobs (ledger, chart, dashboard) refused at once.
    const writes = github.requests.slice(before).filter((request) => request.method !== 'GET')
    expect(writes.map((request) => request.path)).toEqual(Array(3).fill(`/repos/${REPO}/git/blobs`))
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
