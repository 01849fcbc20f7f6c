// The history writer against the fake GitHub: the git data API over real HTTP on 127.0.0.1.
// Creating the branch, appending, one commit per run, and writers that race each other.
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { FakeGitHub } from '../simulator/index.js'
import { recordKey } from '../src/history/record.js'
import { DAY, NOW, ledgerText, record } from './helpers/history.js'
import { REPO, historyLab, written } from './helpers/history-github.js'
import { parseXml } from './helpers/xml.js'

jest.setTimeout(30_000)

const lab = historyLab()
const { write, files, ledger, logged } = lab
let github: FakeGitHub
let branch: string
beforeAll(() => {
  github = lab.github()
})
beforeEach(() => {
  branch = lab.branch()
})

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

  it("leaves a branch whose README.md it did not write, such as the code's own, untouched", async () => {
    github.git.commitElsewhere(REPO, branch, { 'README.md': '# Our app\n', 'src/index.ts': '1' })
    const head = github.git.ref(REPO, branch)
    const outcome = await write([record()])
    expect(outcome).toEqual({
      warning: `The drill history was not written to branch ${branch} of ${REPO}: its README.md is not a drill history dashboard, so it is most likely a branch of code (give \`history_branch\` a branch of its own, such as drill-history). The drill's outcome stands.`,
    })
    expect(github.git.ref(REPO, branch)).toBe(head)
    expect(files()['README.md']).toBe('# Our app\n')
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
