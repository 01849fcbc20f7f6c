import { describe, expect, it } from '@jest/globals'
import { percent, span } from '../src/history/format.js'
import { byTime, rtoWarning, sparkline, staleness, targetStats } from '../src/history/stats.js'
import { historyWarnings, recentDrills } from '../src/history/summary.js'
import { DAY, NOW, daily, record } from './helpers/history.js'

describe('targetStats', () => {
  it('gives the last outcome and when, from the drill that ended last', () => {
    const late = record({ outcome: 'failed', at: NOW - DAY })
    const early = record({ outcome: 'succeeded', at: NOW - 2 * DAY })
    // Written out of order (two writers), counted in the order the drills ended.
    const stats = targetStats('prod-db', [late, early], NOW)
    expect(stats.last).toEqual({ at: NOW - DAY, outcome: 'failed' })
    expect(byTime([late, early])).toEqual([early, late])
  })

  it('counts the success rate over 30, 90 and 365 days', () => {
    const drills = [
      record({ at: NOW - 400 * DAY, outcome: 'failed' }),
      record({ at: NOW - 200 * DAY, outcome: 'failed' }),
      record({ at: NOW - 60 * DAY, outcome: 'timed_out' }),
      record({ at: NOW - 60 * DAY }),
      record({ at: NOW - 10 * DAY, outcome: 'cancelled' }),
      record({ at: NOW - 2 * DAY }),
      record({ at: NOW - DAY }),
    ]
    expect(targetStats('t', drills, NOW).rates).toEqual([
      { days: 30, drills: 3, succeeded: 2, rate: 2 / 3 },
      { days: 90, drills: 5, succeeded: 3, rate: 3 / 5 },
      { days: 365, drills: 6, succeeded: 3, rate: 3 / 6 },
    ])
  })

  it('has no rate for a window without drills', () => {
    const stats = targetStats('t', [record({ at: NOW - 100 * DAY })], NOW)
    expect(stats.rates.map((rate) => rate.rate)).toEqual([null, null, 1])
    expect(targetStats('t', [], NOW)).toMatchObject({ drills: 0, last: null, duration: null })
  })

  it('compares the newest duration with the RTO that drill checked', () => {
    const stats = targetStats(
      't',
      [
        record({ at: NOW - 2 * DAY, seconds: 100, rto: 1800 }),
        record({ at: NOW - DAY, seconds: 2000, rto: 1800, outcome: 'failed' }),
        record({ at: NOW, seconds: null, outcome: 'failed' }),
      ],
      NOW,
    )
    expect(stats.duration).toEqual({
      at: NOW - DAY,
      seconds: 2000,
      limitSeconds: 1800,
      limitText: null,
      passed: false,
    })
  })

  it('compares the newest backup age with the RPO, and says when there was no limit', () => {
    const stats = targetStats('t', [record({ backupAge: 7200, rpo: null, rto: null })], NOW)
    expect(stats.backupAge).toEqual({
      at: NOW,
      seconds: 7200,
      limitSeconds: null,
      limitText: null,
      passed: null,
    })
    expect(stats.duration).toMatchObject({ limitSeconds: null, passed: null })
  })

  it('lists the newest 20 drills, oldest first', () => {
    const drills = daily(Array.from({ length: 25 }, (_, i) => ({ seconds: i })))
    const recent = targetStats('t', drills, NOW).recent
    expect(recent).toHaveLength(20)
    expect(recent.map((drill) => drill.seconds)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 5),
    )
    expect(recent.at(-1)).toEqual({ at: NOW, outcome: 'succeeded', seconds: 24 })
  })
})

describe('sparkline', () => {
  it('draws durations from zero to the longest, and a dot for a drill without one', () => {
    expect(sparkline([100, 200, 400, 800, null, 50])).toBe('▁▂▄█·▁')
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█')
    expect(sparkline([0, 0])).toBe('▁▁')
    expect(sparkline([])).toBe('')
  })
})

describe('rtoWarning', () => {
  const slow = (seconds: (number | null)[]) => daily(seconds.map((value) => ({ seconds: value })))

  it('warns when each of the last three durations passed 80 % of the RTO', () => {
    expect(rtoWarning(slow([100, 1500, 1600, 1700]), 1800)).toEqual({
      limitSeconds: 1800,
      seconds: [1500, 1600, 1700],
    })
  })

  it('stays quiet when one of the three did not, or had no duration, or there are only two', () => {
    expect(rtoWarning(slow([1500, 1440, 1700]), 1800)).toBeNull()
    expect(rtoWarning(slow([1500, null, 1700]), 1800)).toBeNull()
    expect(rtoWarning(slow([1500, 1700]), 1800)).toBeNull()
  })

  it("takes the newest drill's own limit when the run gives none", () => {
    const drills = daily([
      { seconds: 90, rto: 100 },
      { seconds: 90, rto: 100 },
      { seconds: 90, rto: 100 },
    ])
    expect(rtoWarning(drills)).toEqual({ limitSeconds: 100, seconds: [90, 90, 90] })
    expect(rtoWarning(daily([{ rto: null }, { rto: null }, { rto: null }]))).toBeNull()
  })

  it('counts this drill: the newest three by the time they ended', () => {
    const drills = [
      record({ at: NOW, seconds: 1700 }),
      record({ at: NOW - DAY, seconds: 1700 }),
      record({ at: NOW - 2 * DAY, seconds: 1700 }),
      record({ at: NOW - 3 * DAY, seconds: 10 }),
    ]
    expect(rtoWarning(drills, 1800)).not.toBeNull()
  })
})

describe('staleness', () => {
  it('warns when the last success is older than twice the median interval', () => {
    const drills = daily([
      {},
      {},
      {},
      { outcome: 'failed' },
      { outcome: 'failed' },
      { outcome: 'failed' },
    ])
    // Daily drills; the last success was three days before the newest drill.
    expect(staleness(drills, NOW)).toEqual({
      lastSuccessAt: NOW - 3 * DAY,
      usualIntervalMs: DAY,
      sinceMs: 3 * DAY,
    })
    expect(staleness(drills.slice(0, 5), NOW - DAY)).toBeNull()
  })

  it('takes the median, so a burst of drills by hand does not change what is usual', () => {
    const drills = [
      ...daily([{}, {}, {}, {}], NOW - 5 * DAY),
      record({ at: NOW - 5 * DAY + 60_000, outcome: 'failed' }),
      record({ at: NOW - 5 * DAY + 120_000, outcome: 'failed' }),
    ]
    expect(staleness(drills, NOW - 3 * DAY)?.usualIntervalMs).toBeUndefined()
    expect(staleness(drills, NOW)).toEqual({
      lastSuccessAt: NOW - 5 * DAY,
      usualIntervalMs: DAY,
      sinceMs: 5 * DAY,
    })
  })

  it('needs three drills to know what is usual', () => {
    expect(
      staleness(daily([{ outcome: 'failed' }, { outcome: 'failed' }]), NOW + 30 * DAY),
    ).toBeNull()
  })

  it('counts from the oldest drill when none ever succeeded', () => {
    const drills = daily([{ outcome: 'failed' }, { outcome: 'timed_out' }, { outcome: 'failed' }])
    expect(staleness(drills, NOW)).toBeNull()
    expect(staleness(drills, NOW + DAY)).toEqual({
      lastSuccessAt: null,
      usualIntervalMs: DAY,
      sinceMs: 3 * DAY,
    })
  })

  it('has nothing to say when drills come at one time', () => {
    const at = NOW - 10 * DAY
    expect(staleness([record({ at }), record({ at }), record({ at })], NOW)).toBeNull()
  })
})

describe('the warnings', () => {
  it('names max_restore_duration on one line', () => {
    const drills = daily([{ seconds: 1500 }, { seconds: 1600 }, { seconds: 1700 }])
    const [line, ...more] = historyWarnings('prod\ndb', drills, NOW, 1800)
    expect(more).toEqual([])
    expect(line).toBe(
      'Restore drill prod db: each of the last 3 restores took over 80 % of `max_restore_duration` (30m): 25m, 26m 40s, 28m 20s. Make the restore faster or raise the limit before a drill fails on it.',
    )
  })

  it('says how long ago the last success was, against the usual interval', () => {
    const drills = daily([
      {},
      {},
      { outcome: 'failed' },
      { outcome: 'failed' },
      { outcome: 'failed' },
    ])
    expect(historyWarnings('prod-db', drills, NOW)).toEqual([
      'Restore drill prod-db: the last successful drill was 3 days ago (2026-02-26 12:00 UTC), more than twice the usual 1 day between drills.',
    ])
    const never = daily([{ outcome: 'failed' }, { outcome: 'failed' }, { outcome: 'failed' }])
    expect(historyWarnings('prod-db', never, NOW + DAY)).toEqual([
      'Restore drill prod-db: no drill has succeeded in the 3 days of its history, where drills usually come 1 day apart.',
    ])
  })

  it('are none for a healthy target', () => {
    expect(historyWarnings('prod-db', daily([{}, {}, {}, {}]), NOW, 1800)).toEqual([])
  })
})

describe('recentDrills, for the job summary', () => {
  it('shows the rates, a sparkline, the newest drills first, the warning and the dashboard', () => {
    const drills = daily([
      { seconds: 1500 },
      { seconds: 1600, outcome: 'failed' },
      { seconds: null, outcome: 'timed_out' },
      { seconds: 1700 },
      { seconds: 1750 },
      { seconds: 1790 },
    ])
    const markdown = recentDrills('Prod <DB>', drills, {
      now: NOW,
      historyUrl: 'https://github.com/acme/backups/tree/drill-history',
      limitSeconds: 1800,
      rows: 3,
    })
    expect(markdown).toContain('### Drill history of Prod &lt;DB&gt;')
    expect(markdown).toContain('Success: 67 % (4 of 6) in 30 days')
    expect(markdown).toContain('[dashboard](https://github.com/acme/backups/tree/drill-history)')
    expect(markdown).toContain('<code>▇█·███</code>')
    const rows = markdown.split('\n').filter((line) => /^\| 2026/.test(line))
    expect(rows).toEqual([
      '| 2026-03-01 12:00 UTC | ✅ succeeded | 29m 50s |',
      '| 2026-02-28 12:00 UTC | ✅ succeeded | 29m 10s |',
      '| 2026-02-27 12:00 UTC | ✅ succeeded | 28m 20s |',
    ])
    expect(markdown).toMatch(
      /> ⚠️ Restore drill Prod &lt;DB&gt;: .*<code>max_restore_duration<\/code>/,
    )
  })

  it('says when there is nothing yet', () => {
    expect(recentDrills('x', [], { now: NOW })).toContain('No drill recorded yet.')
  })
})

describe('numbers in words', () => {
  it('rounds no failure and no success away', () => {
    expect([1, 199 / 200, 2 / 3, 1 / 200, 0, null].map(percent)).toEqual([
      '100 %',
      '99 %',
      '67 %',
      '1 %',
      '0 %',
      '–',
    ])
  })

  it('says roughly how long', () => {
    expect([0, 59_000, 60_000, 7_200_000, 3 * DAY + 5].map(span)).toEqual([
      '0 seconds',
      '59 seconds',
      '1 minute',
      '2 hours',
      '3 days',
    ])
  })
})
