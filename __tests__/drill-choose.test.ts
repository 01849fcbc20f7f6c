// The choice of recovery point as pure functions: which listed backup is a candidate, which
// candidate is picked, when the walk may stop, and the `selection` evidence.
import { describe, expect, it } from '@jest/globals'
import { MAX_CLOCK_SKEW_MS } from '../src/drill/checks.js'
import {
  MAX_BACKUP_WINDOW_MS,
  type Listed,
  classify,
  mayStop,
  nothingSeen,
  pick,
  see,
  selectionOf,
} from '../src/drill/choose.js'
import { BACKUP_TAGS, readTags } from '../src/drill/tags.js'
import { parseDuration } from '../src/duration.js'
import { DAY, HOUR, NOW, criteria, done, failedAt, iso } from './fixtures/listed.js'
import { uuid } from './fixtures/values.js'

const WINDOW = 30 * DAY

describe('classify', () => {
  it('takes a completed backup, in any case of the word, and no other status', () => {
    expect(classify(done(1, HOUR), criteria(), NOW)).toBe('candidate')
    expect(classify({ ...done(1, HOUR), status: 'COMPLETED' }, criteria(), NOW)).toBe('candidate')
    expect(classify(failedAt(2, HOUR), criteria(), NOW)).toBe('unfinished')
    expect(classify({ ...done(3, HOUR), status: 'in_progress' }, criteria(), NOW)).toBe(
      'unfinished',
    )
  })

  it('takes only backups with the tag asked for set to true', () => {
    const monthly = criteria({ tag: 'monthly' })
    expect(classify(done(1, DAY, 'monthly', 'daily'), monthly, NOW)).toBe('candidate')
    expect(classify(done(2, DAY, 'daily'), monthly, NOW)).toBe('untagged')
    const untagged: Listed = { id: uuid(3), status: 'completed', completedAt: iso(NOW - DAY) }
    expect(classify(untagged, monthly, NOW)).toBe('untagged')
    expect(classify({ ...done(4, DAY), tags: { monthly: 'true' } as never }, monthly, NOW)).toBe(
      'untagged',
    )
  })

  it('takes a backup completed exactly at the start of the window, not a millisecond before', () => {
    const window = criteria({ windowMs: WINDOW })
    expect(classify(done(1, WINDOW), window, NOW)).toBe('candidate')
    expect(classify(done(2, WINDOW + 1), window, NOW)).toBe('tooOld')
    expect(classify(done(3, 0), window, NOW)).toBe('candidate')
  })

  it('takes a backup completed strictly before `completed_before`, not at it', () => {
    const bound = NOW - 3 * DAY
    const before = criteria({ completedBefore: bound })
    expect(classify(done(1, 3 * DAY), before, NOW)).toBe('tooNew')
    expect(classify(done(2, 3 * DAY + 1), before, NOW)).toBe('candidate')
    expect(classify(done(3, HOUR), before, NOW)).toBe('tooNew')
  })

  it('skips a backup dated further ahead of the clock than clocks disagree, whatever the filters', () => {
    for (const filters of [
      criteria(),
      criteria({ windowMs: WINDOW }),
      criteria({ tag: 'hourly' }),
    ]) {
      expect(classify(done(1, -MAX_CLOCK_SKEW_MS, 'hourly'), filters, NOW)).toBe('candidate')
      expect(classify(done(2, -MAX_CLOCK_SKEW_MS - 1, 'hourly'), filters, NOW)).toBe('ahead')
    }
  })

  it('keeps an undated completed backup only when no time filter is asked', () => {
    const undated: Listed = { id: uuid(1), status: 'completed', completedAt: null }
    expect(classify(undated, criteria(), NOW)).toBe('candidate')
    expect(classify(undated, criteria({ windowMs: WINDOW }), NOW)).toBe('undated')
    expect(classify(undated, criteria({ completedBefore: NOW }), NOW)).toBe('undated')
  })

  it('applies every filter at once', () => {
    const all = criteria({ tag: 'daily', windowMs: 10 * DAY, completedBefore: NOW - 2 * DAY })
    expect(classify(done(1, 5 * DAY, 'daily'), all, NOW)).toBe('candidate')
    expect(classify(done(2, 5 * DAY, 'weekly'), all, NOW)).toBe('untagged')
    expect(classify(done(3, DAY, 'daily'), all, NOW)).toBe('tooNew')
    expect(classify(done(4, 11 * DAY, 'daily'), all, NOW)).toBe('tooOld')
  })
})

describe('readTags', () => {
  it('reads the tags as SnapShooter sends them', () => {
    const tags = { manual: true, hourly: false, daily: false, weekly: false, monthly: false }
    expect(readTags(tags)).toEqual(tags)
    expect(BACKUP_TAGS).toEqual(['hourly', 'daily', 'weekly', 'monthly', 'manual'])
  })

  it('reads anything but a literal true of a known name as unset, and never throws', () => {
    const none = { hourly: false, daily: false, weekly: false, monthly: false, manual: false }
    for (const odd of [undefined, null, [], ['monthly'], 'monthly', 1, { monthly: 'true' }])
      expect(readTags(odd)).toEqual(none)
    expect(readTags(Object.create({ monthly: true }))).toEqual(none)
    expect(readTags({ daily: true, yearly: true })).toEqual({ ...none, daily: true })
  })
})

describe('pick', () => {
  it('`latest` takes the newest candidate, whatever the order it was listed in', () => {
    const [a, b, c] = [done(1, 3 * HOUR), done(2, HOUR), done(3, 2 * HOUR)]
    expect(pick('latest', [a, b, c], () => 0)).toBe(b)
  })

  it('`latest` takes the first listed of candidates completed at the same moment', () => {
    const [a, b] = [done(1, HOUR), done(2, HOUR)]
    expect(pick('latest', [a, b], () => 0)).toBe(a)
    expect(pick('latest', [b, a], () => 0)).toBe(b)
  })

  it('`latest` takes an undated candidate only when no dated one is left', () => {
    const undated: Listed = { id: uuid(9), status: 'completed', completedAt: null }
    const dated = done(1, 400 * DAY)
    expect(pick('latest', [undated, dated], () => 0)).toBe(dated)
    expect(pick('latest', [undated], () => 0)).toBe(undated)
  })

  it('`random` maps [0, 1) onto the candidates in equal parts, even from a stray source', () => {
    const candidates = [done(1, HOUR), done(2, 2 * HOUR), done(3, 3 * HOUR), done(4, 4 * HOUR)]
    const at = (r: number): Listed | null => pick('random', candidates, () => r)
    expect([0, 0.2499, 0.25, 0.5, 0.7499, 0.75, 0.9999].map((r) => at(r)?.id)).toEqual(
      [1, 1, 2, 3, 3, 4, 4].map(uuid),
    )
    expect([1, 7, -0.5, Number.NaN].map((r) => at(r)?.id)).toEqual([4, 4, 1, 1].map(uuid))
  })

  it('is null without candidates, for either rule', () => {
    expect(pick('latest', [], () => 0)).toBeNull()
    expect(pick('random', [], () => 0)).toBeNull()
  })
})

describe('mayStop', () => {
  const after = (listed: Listed[][], rule: 'latest' | 'random', windowMs: number | null) => {
    const filters = criteria({ rule, windowMs })
    let seen = nothingSeen<Listed>()
    listed.forEach((backups, i) => {
      seen = see(seen, i + 1, { backups, nextPage: i + 2 }, filters, NOW)
    })
    return mayStop(seen, filters, NOW)
  }

  it('lets `latest` stop at the first page with a candidate, and `random` not', () => {
    expect(after([[failedAt(1, HOUR), done(2, 2 * HOUR)]], 'latest', null)).toBe(true)
    expect(after([[failedAt(1, HOUR), done(2, 2 * HOUR)]], 'random', null)).toBe(false)
    expect(after([[failedAt(1, HOUR)]], 'latest', null)).toBe(false)
  })

  it('lets `random` stop once one backup of a page is older than the window, not at its edge', () => {
    const inside = [done(1, HOUR), done(2, 2 * DAY)]
    expect(after([[...inside, failedAt(3, 2 * DAY + 1)]], 'random', 2 * DAY)).toBe(true)
    expect(after([[...inside, failedAt(3, 2 * DAY)]], 'random', 2 * DAY)).toBe(false)
    expect(after([inside, [failedAt(4, 3 * DAY)]], 'random', 2 * DAY)).toBe(true)
  })

  it('goes on past the window while nothing was found, until the nearest miss shows up', () => {
    const missed = [failedAt(1, HOUR), failedAt(2, 3 * DAY)]
    expect(after([missed], 'latest', 2 * DAY)).toBe(false)
    expect(after([missed, [done(3, 4 * DAY)]], 'latest', 2 * DAY)).toBe(true)
    expect(after([missed, [done(3, 4 * DAY)]], 'random', 2 * DAY)).toBe(true)
  })

  it('stops at the end of the listing', () => {
    const filters = criteria({ rule: 'random' })
    const seen = see(nothingSeen<Listed>(), 1, { backups: [], nextPage: null }, filters, NOW)
    expect(mayStop(seen, filters, NOW)).toBe(true)
  })
})

describe('see', () => {
  it('notes where the listing goes back in time, and only the first time', () => {
    const filters = criteria()
    let seen = see(
      nothingSeen<Listed>(),
      1,
      { backups: [done(1, 2 * HOUR)], nextPage: 2 },
      filters,
      NOW,
    )
    expect(seen.disorder).toBeNull()
    const newer = [done(2, HOUR), done(3, 3 * HOUR), done(4, 90 * 60_000)]
    seen = see(seen, 2, { backups: newer, nextPage: 3 }, filters, NOW)
    expect(seen.disorder).toEqual({ page: 2, at: NOW - HOUR, reached: NOW - 2 * HOUR })
    expect(seen.reached).toBe(NOW - 3 * HOUR)
  })

  it('counts what each filter left out', () => {
    const filters = criteria({ tag: 'monthly', windowMs: 30 * DAY })
    const page = [
      done(1, -DAY, 'monthly'),
      done(2, DAY, 'daily'),
      done(3, 2 * DAY, 'daily'),
      done(4, 41 * DAY, 'monthly'),
      done(5, 71 * DAY, 'monthly'),
    ]
    const seen = see(nothingSeen<Listed>(), 1, { backups: page, nextPage: null }, filters, NOW)
    expect(seen).toMatchObject({ ahead: 1, untagged: 2, candidates: [], exhausted: true })
    expect(seen.nearest?.id).toBe(uuid(4))
  })
})

describe('selectionOf', () => {
  it('is the evidence of what was asked and how many candidates were seen', () => {
    const asked = criteria({
      rule: 'random',
      tag: 'weekly',
      windowMs: 30 * DAY,
      completedBefore: Date.UTC(2026, 10, 20, 4),
    })
    expect(selectionOf(asked, 12)).toEqual({
      rule: 'random',
      tag: 'weekly',
      window_seconds: 2_592_000,
      completed_before: '2026-11-20T04:00:00.000Z',
      candidates: 12,
    })
    expect(selectionOf(criteria(), 0)).toEqual({
      rule: 'latest',
      tag: null,
      window_seconds: null,
      completed_before: null,
      candidates: 0,
    })
  })

  it('bounds `backup_window` at 365 days', () => {
    expect(MAX_BACKUP_WINDOW_MS).toBe(parseDuration('365d'))
    expect(iso(NOW - MAX_BACKUP_WINDOW_MS)).toBe('2025-11-20T12:00:00.000Z')
  })
})
