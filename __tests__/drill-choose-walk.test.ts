// The walk through a job's listing: which pages it asks for, where it stops, what it picks, and
// the one-line refusal, with its `selection` evidence, when nothing can be picked.
import { describe, expect, it } from '@jest/globals'
import type { Criteria, Listed } from '../src/drill/choose.js'
import { DrillRefusal } from '../src/drill/refusal.js'
import { MAX_PAGES, SelectionRefusal, walkCandidates } from '../src/drill/walk.js'
import {
  DAY,
  HOUR,
  MINUTE,
  NOW,
  criteria,
  done,
  failedAt,
  hourlies,
  iso,
  listing,
  pages,
  seeded,
} from './fixtures/listed.js'
import { JOB_ID, uuid } from './fixtures/values.js'
import { rejected } from './helpers/thrown.js'

const context = { jobId: JOB_ID, now: NOW, random: () => 0 }

async function refusal(promise: Promise<unknown>): Promise<SelectionRefusal> {
  const refused = await rejected(SelectionRefusal, promise)
  expect(refused).toBeInstanceOf(DrillRefusal)
  expect(refused.message).not.toMatch(/[\r\n]/)
  return refused
}

const walk = (listed: Listed[][], asked: Criteria, random = () => 0) => {
  const served = listing(listed)
  return { ...served, chosen: walkCandidates(served.listPage, asked, { ...context, random }) }
}

describe('latest', () => {
  it('takes the newest backup with the tag, stopping at the first page that holds one', async () => {
    // Listed out of order within their page: the newer of the two comes second.
    const older = done(20, 41 * DAY + 3 * HOUR, 'monthly', 'daily')
    const newest = done(21, 41 * DAY + 2 * HOUR, 'monthly')
    const { chosen, asked } = walk(
      [
        hourlies(1, 3, 1),
        [done(10, 2 * DAY, 'daily'), older, newest],
        [done(30, 71 * DAY, 'monthly')],
      ],
      criteria({ tag: 'monthly' }),
    )
    await expect(chosen).resolves.toEqual({
      backup: newest,
      selection: {
        rule: 'latest',
        tag: 'monthly',
        window_seconds: null,
        completed_before: null,
        candidates: 2,
      },
    })
    expect(asked).toEqual([1, 2])
  })

  it('takes the newest backup from before `completed_before`, across pages', async () => {
    const bound = NOW - 5 * DAY
    const { chosen, asked } = walk(
      [
        hourlies(1, 4, 1),
        [done(10, 5 * DAY), done(11, 5 * DAY + MINUTE), done(12, 6 * DAY)],
        [done(13, 7 * DAY)],
      ],
      criteria({ completedBefore: bound }),
    )
    expect((await chosen).backup.id).toBe(uuid(11))
    expect(asked).toEqual([1, 2])
  })

  it('refuses a tag no backup in the window carries, saying how old the newest one is', async () => {
    const { chosen, asked } = walk(
      [
        [...hourlies(1, 3, 1), failedAt(5, 11 * DAY, 'monthly')],
        [done(6, 12 * DAY, 'daily')],
        [done(7, 35 * DAY, 'daily')],
        [done(8, 41 * DAY, 'monthly'), done(9, 42 * DAY, 'daily')],
        [done(10, 71 * DAY, 'monthly')],
      ],
      criteria({ tag: 'monthly', windowMs: 30 * DAY }),
    )
    const error = await refusal(chosen)
    expect(error.message).toBe(
      `Job ${JOB_ID} has no completed monthly backup in the last 30d (looked at its newest 8 backups); ` +
        `the newest monthly one completed 41d ago, at ${iso(NOW - 41 * DAY)}: widen \`backup_window\`, ` +
        "choose another `backup_tag`, or check the job's backups and retention in SnapShooter.",
    )
    expect(error.selection).toEqual({
      rule: 'latest',
      tag: 'monthly',
      window_seconds: 2_592_000,
      completed_before: null,
      candidates: 0,
    })
    expect(asked).toEqual([1, 2, 3, 4])
  })

  it('refuses a tag no backup carries, counting those it saw', async () => {
    const error = await refusal(
      walk([hourlies(1, 3, 1), [failedAt(4, DAY, 'weekly')]], criteria({ tag: 'weekly' })).chosen,
    )
    expect(error.message).toBe(
      `Job ${JOB_ID} has no completed weekly backup (looked at all 4 of its backups); none of the 3 completed one(s) it saw is tagged weekly: ` +
        "choose another `backup_tag`, or check the job's backups and retention in SnapShooter.",
    )
  })

  it('refuses when every backup completed after `completed_before`, naming the oldest', async () => {
    const bound = Date.UTC(2026, 10, 1, 4)
    const error = await refusal(
      walk([hourlies(1, 2, 1), [done(3, 3 * DAY)]], criteria({ completedBefore: bound })).chosen,
    )
    expect(error.message).toBe(
      `Job ${JOB_ID} has no completed backup from before 2026-11-01T04:00:00.000Z (looked at all 3 of its backups); ` +
        `the oldest one completed at ${iso(NOW - 3 * DAY)}, not before \`completed_before\`: ` +
        "move `completed_before` later, or check the job's backups and retention in SnapShooter.",
    )
  })

  it('skips backups dated ahead of the clock and says so when nothing else is left', async () => {
    const error = await refusal(
      walk(
        [[done(1, -2 * HOUR, 'daily'), done(2, -DAY, 'daily'), done(3, HOUR, 'hourly')]],
        criteria({ tag: 'daily' }),
      ).chosen,
    )
    expect(error.message).toContain(
      "(looked at all 3 of its backups; 2 completed backup(s) skipped, their completed_at ahead of the runner's clock)",
    )
  })

  it(`stops after ${MAX_PAGES} pages of misses and says how far back it looked`, async () => {
    const many = Array.from({ length: MAX_PAGES + 3 }, (_, i) => [
      failedAt(i, (i + 1) * HOUR, 'daily'),
    ])
    const { chosen, asked } = walk(many, criteria({ tag: 'daily', windowMs: 10 * DAY }))
    const error = await refusal(chosen)
    expect(MAX_PAGES).toBe(50)
    expect(asked).toHaveLength(MAX_PAGES)
    expect(error.message).toBe(
      `Job ${JOB_ID} has no completed daily backup in the last 10d (looked at its newest 50 backups); ` +
        `the walk stops after 50 pages, back to ${iso(NOW - 50 * HOUR)}: widen \`backup_window\`, ` +
        "choose another `backup_tag`, or check the job's backups and retention in SnapShooter.",
    )
  })
})

describe('random', () => {
  it('walks until a page reaches past the window, and draws among every candidate seen', async () => {
    const listed = pages([...hourlies(1, 250, 1), ...hourlies(300, 100, 300)], 100)
    const draws = [0, 0.5, 0.999_999]
    const picked: string[] = []
    for (const r of draws) {
      const { chosen, asked } = walk(
        listed,
        criteria({ rule: 'random', windowMs: 10 * DAY }),
        () => r,
      )
      const { backup, selection } = await chosen
      picked.push(backup.id)
      expect(asked).toEqual([1, 2, 3])
      expect(selection).toMatchObject({ rule: 'random', window_seconds: 864_000, candidates: 240 })
    }
    // 240 candidates: hours 1 to 240 before now, listed newest first.
    expect(picked).toEqual([uuid(1), uuid(121), uuid(240)])
  })

  it('walks to the end without a window, however many pages', async () => {
    const { chosen, asked } = walk(
      pages(hourlies(1, 450, 1), 100),
      criteria({ rule: 'random', tag: 'hourly' }),
      () => 0.999,
    )
    const { backup, selection } = await chosen
    expect(asked).toEqual([1, 2, 3, 4, 5])
    expect([backup.id, selection.candidates]).toEqual([uuid(450), 450])
  })

  it('goes on when the oldest backup of a page sits exactly at the start of the window', async () => {
    const edge = [done(1, HOUR), done(2, DAY)]
    const { chosen, asked } = walk(
      [edge, [done(3, DAY), done(4, DAY + 1)], [done(5, 2 * DAY)]],
      criteria({ rule: 'random', windowMs: DAY }),
    )
    expect((await chosen).selection.candidates).toBe(3)
    expect(asked).toEqual([1, 2])
  })

  it(`refuses when ${MAX_PAGES} pages do not reach past the window`, async () => {
    const listed = pages(hourlies(1, 60 * 20, 1), 20)
    const { chosen, asked } = walk(listed, criteria({ rule: 'random', windowMs: 365 * DAY }))
    const error = await refusal(chosen)
    expect(asked).toHaveLength(MAX_PAGES)
    expect(error.message).toBe(
      `Job ${JOB_ID} has too many backups to choose one at random: looked at 1,000 backups over 50 pages, ` +
        `back to ${iso(NOW - 1000 * HOUR)}, and \`backup_window\` (365d) reaches further back: narrow it, ` +
        'so that every candidate can be seen.',
    )
    expect(error.selection).toMatchObject({ rule: 'random', candidates: 1000 })
  })

  it('draws each candidate with the same chance, whatever the pages and their order', async () => {
    // 12 candidates over three pages, each page in a scrambled order, between failures and
    // backups outside the filters.
    const listed = [
      [
        done(3, 3 * HOUR, 'daily'),
        failedAt(90, HOUR, 'daily'),
        done(1, HOUR + 1, 'daily'),
        done(91, 2 * HOUR, 'weekly'),
        done(2, 2 * HOUR + 1, 'daily'),
      ],
      [
        done(6, 6 * HOUR, 'daily'),
        done(4, 4 * HOUR, 'daily'),
        done(5, 5 * HOUR, 'daily'),
        done(7, 7 * HOUR, 'daily'),
      ],
      [
        done(12, 12 * HOUR, 'daily'),
        done(8, 8 * HOUR, 'daily'),
        done(11, 11 * HOUR, 'daily'),
        done(10, 10 * HOUR, 'daily'),
        done(9, 9 * HOUR, 'daily'),
        done(92, 3 * DAY, 'daily'),
      ],
    ]
    const asked = criteria({ rule: 'random', tag: 'daily', windowMs: DAY })
    const perSeed = 2_400
    for (const seed of [1, 2, 42, 2026]) {
      const random = seeded(seed)
      // A second source scrambles each page anew for every walk.
      const scramble = seeded(seed + 1_000)
      const counts = new Map<string, number>()
      for (let i = 0; i < perSeed; i++) {
        const scrambled = listed.map((page) => shuffled(page, scramble))
        const { backup } = await walkCandidates(listing(scrambled).listPage, asked, {
          ...context,
          random,
        })
        counts.set(backup.id, (counts.get(backup.id) ?? 0) + 1)
      }
      expect([...counts.keys()].sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => uuid(i + 1)).sort(),
      )
      expect(chiSquare([...counts.values()])).toBeLessThan(CHI_SQUARE_11_DOF_P001)
    }
  })

  it('has a uniformity bound that a biased choice does not pass', () => {
    // A choice that never draws the last candidate, and one that favours the first.
    expect(chiSquare([...Array<number>(11).fill(2_400 / 11), 0])).toBeGreaterThan(
      CHI_SQUARE_11_DOF_P001,
    )
    expect(chiSquare([400, ...Array<number>(11).fill(2_000 / 11)])).toBeGreaterThan(
      CHI_SQUARE_11_DOF_P001,
    )
  })
})

describe('the listing', () => {
  it('is refused when a page holds a backup newer than one already seen', async () => {
    const { chosen, asked } = walk(
      [[failedAt(1, HOUR), failedAt(2, 3 * HOUR)], [done(3, 2 * HOUR)]],
      criteria(),
    )
    const error = await refusal(chosen)
    expect(error.message).toBe(
      `SnapShooter listed the backups of job ${JOB_ID} out of order: page 2 holds one completed at ${iso(NOW - 2 * HOUR)}, ` +
        `after ${iso(NOW - 3 * HOUR)} on an earlier page, though they were asked newest first; ` +
        'no backup can be chosen from such a list: give a backup id as `backup_id`.',
    )
    expect(asked).toEqual([1, 2])
  })

  it('is read in any order within a page', async () => {
    const { chosen } = walk([[done(1, 3 * HOUR), done(2, HOUR), done(3, 2 * HOUR)]], criteria())
    expect((await chosen).backup.id).toBe(uuid(2))
  })

  it('passes its errors on as they are', async () => {
    const boom = new Error('GET backups of job failed')
    const failing = async (): Promise<never> => {
      throw boom
    }
    await expect(walkCandidates(failing, criteria({ rule: 'random' }), context)).rejects.toBe(boom)
  })
})

/** 11 degrees of freedom at p = 0.001: a fair choice exceeds it once in a thousand seeds. */
const CHI_SQUARE_11_DOF_P001 = 31.264

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0)
  const expected = total / counts.length
  return counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0)
}
