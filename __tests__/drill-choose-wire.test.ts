// Wire tests of the walk: the real client pages through the simulator's retention job (hourly
// backups for 30 days, then dailies, weeklies and monthlies), and the simulator's request log
// shows where the walk stopped and that each page was asked with the same sort and size.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { retentionBackupId } from '../simulator/seed.js'
import { DEMO_TOKEN, SEED, type Simulator, startSimulator } from '../simulator/index.js'
import type { Criteria } from '../src/drill/choose.js'
import { SelectionRefusal, walkCandidates } from '../src/drill/walk.js'
import { testClient } from './helpers/client.js'

// The simulator's clock, fixed: every time of the account is relative to it.
const START = Date.UTC(2026, 10, 20, 4, 0, 0)
const HOUR = 3_600_000
const DAY = 24 * HOUR
const JOB = SEED.jobs.retention

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator({ now: () => START })
})

afterEach(async () => {
  await sim.close()
})

function choose(criteria: Partial<Criteria>, random = () => 0) {
  const client = testClient(sim.url, { sleeps: [], retries: [] })
  const asked: Criteria = {
    rule: 'latest',
    tag: null,
    windowMs: null,
    completedBefore: null,
    ...criteria,
  }
  return walkCandidates((page) => client.listJobBackups(JOB, page), asked, {
    jobId: JOB,
    now: START,
    random,
  })
}

/** The listing requests the simulator got, as their query strings. */
function listed(): Record<string, string>[] {
  return sim.requests.filter((r) => r.route === 'listBackups').map((r) => r.query)
}

/** Pages 1 to `n`, each asked with the same sort and page size, and nothing more. */
function expectPagesAsked(n: number): void {
  const pages = Array.from({ length: n }, (_, i) => String(i + 1))
  expect(listed()).toEqual(pages.map((page) => ({ sort: '-completed_at', page_size: '100', page })))
  expect(sim.count('listBackups')).toBe(n)
}

describe('the retention job', () => {
  it('keeps hourlies for 30 days and older backups by tier, some of each failed', async () => {
    const all: Array<{ status: string; tags: Record<string, boolean>; completed_at: string }> = []
    for (let page = 1; ; page++) {
      const query = `sort=-completed_at&page_size=100&page=${page}`
      const res = await fetch(`${sim.url}/v1/jobs/${JOB}/backups?${query}`, {
        headers: { Authorization: `Bearer ${DEMO_TOKEN}`, Accept: 'application/json' },
      })
      const body = (await res.json()) as { data: typeof all; links: { next: string | null } }
      all.push(...body.data)
      if (body.links.next === null) break
      expect(body.links.next).toBe(`${sim.url}/v1/jobs/${JOB}/backups?page=${page + 1}`)
    }
    const tagged = (tag: string, status?: string): number =>
      all.filter((b) => b.tags[tag] === true && (status === undefined || b.status === status))
        .length
    expect(all).toHaveLength(769)
    expect(['hourly', 'daily', 'weekly', 'monthly', 'manual'].map((t) => tagged(t))).toEqual([
      720, 60, 16, 12, 1,
    ])
    expect(['hourly', 'daily', 'weekly', 'monthly'].map((t) => tagged(t, 'failed'))).toEqual([
      14, 2, 1, 1,
    ])
    const times = all.map((b) => Date.parse(b.completed_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const monthly = all.find((b) => b.tags.monthly === true && b.status === 'completed')
    expect((START - Date.parse(monthly?.completed_at ?? '')) / DAY).toBeCloseTo(41, 2)
  })
})

describe('walking the listing', () => {
  it('`latest` without filters asks for page 1 only', async () => {
    const { backup, selection } = await choose({})
    expect(backup.id).toBe(retentionBackupId(1))
    // Hours 1 to 99 and the manual backup, less hour 53, which failed.
    expect(selection.candidates).toBe(99)
    expectPagesAsked(1)
  })

  it('`random` within 10 days stops at the first page past the window', async () => {
    const { backup, selection } = await choose({ rule: 'random', windowMs: 10 * DAY })
    // Hours 1 to 240, less the four that failed (53, 106, 159, 212), plus the manual backup.
    expect(selection).toEqual({
      rule: 'random',
      tag: null,
      window_seconds: 864_000,
      completed_before: null,
      candidates: 237,
    })
    expect(backup.id).toBe(retentionBackupId(1))
    expectPagesAsked(3)
  })

  it('`random` draws the last candidate seen at the top of its range', async () => {
    const { backup } = await choose({ rule: 'random', windowMs: 10 * DAY }, () => 0.999_999)
    expect(backup.id).toBe(retentionBackupId(240))
  })

  it('`latest` before a moment takes the newest backup older than it, on page 2', async () => {
    const { backup, selection } = await choose({ completedBefore: START - 5 * DAY })
    expect(backup.id).toBe(retentionBackupId(121))
    // Page 2 holds hours 100 to 199: those from 121 on, less 159, which failed.
    expect(selection.candidates).toBe(78)
    expectPagesAsked(2)
  })

  it('`random` between a window and a moment walks only as far as the window', async () => {
    const { selection } = await choose({
      rule: 'random',
      windowMs: 12 * DAY,
      completedBefore: START - 5 * DAY,
    })
    // Hours 121 to 288, less the hourlies 159, 212 and 265 and the monthly of day 11 (hour 264),
    // which failed.
    expect(selection.candidates).toBe(164)
    expectPagesAsked(3)
  })

  it('refuses a window with nothing in it, naming the newest backup and its age', async () => {
    const error = await choose({ windowMs: 30 * 60_000 }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SelectionRefusal)
    expect((error as SelectionRefusal).message).toBe(
      `Job ${JOB} has no completed backup in the last 30m (looked at its newest 100 backups); ` +
        'the newest one completed 58m25s ago, at 2026-11-20T03:01:35.000Z: widen `backup_window`, ' +
        "or check the job's backups and retention in SnapShooter.",
    )
    expect((error as SelectionRefusal).selection.candidates).toBe(0)
    expectPagesAsked(1)
  })

  it('walks every page of a random choice without bounds, and no further', async () => {
    const { selection } = await choose({ rule: 'random' })
    // 769 backups, 16 of them failed.
    expect(selection.candidates).toBe(753)
    expectPagesAsked(8)
  })
})
