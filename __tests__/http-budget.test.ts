// The token's rate-limit budget as plain values: what the headers of an answer say, what the
// state learns from a run of answers, and how long a status check is held back.
import { describe, expect, it } from '@jest/globals'
import {
  ASSUMED_WINDOW_MS,
  EMPTY_BUDGET,
  MAX_HOLD_MS,
  checkHoldMs,
  fairIntervalMs,
  observe,
  readLimits,
  type BudgetState,
  type LimitHeaders,
} from '../src/http/budget.js'

const NOW = 1_700_000_000_000
const half = (): number => 0.5
const none = (): number => 0

/** What is still kept in reserve for restores starting (12 of 60) with so much of the window left. */
const reserveLeft = (leftMs: number): number => 12 * (leftMs / ASSUMED_WINDOW_MS)

/** The state after answers read at the given times. */
function after(answers: Array<[number, LimitHeaders]>): BudgetState {
  return answers.reduce(
    (state, [at, headers]) => observe(state, readLimits(headers, at), at),
    EMPTY_BUDGET,
  )
}

describe('reading the limit headers', () => {
  it('reads the limit and what is left on every answer, and when the window closes on a 429', () => {
    expect(readLimits({ limit: '60', remaining: '59' }, NOW)).toEqual({ limit: 60, remaining: 59 })
    const limited = {
      limit: '60',
      remaining: '0',
      retryAfter: '42',
      reset: String(NOW / 1000 + 42),
    }
    expect(readLimits(limited, NOW)).toEqual({ limit: 60, remaining: 0, resetInMs: 42_000 })
  })

  it('ignores garbage rather than guess', () => {
    const garbage = ['', ' ', 'sixty', '-1', '1e3', '0x3c', '60, 60', 'Infinity']
    for (const value of garbage) {
      expect(
        readLimits({ limit: value, remaining: value, retryAfter: value, reset: value }, NOW),
      ).toEqual({})
    }
    expect(readLimits({ limit: '0' }, NOW)).toEqual({})
  })

  it('reads a 2 MB header as nothing, at once', () => {
    const huge = '9'.repeat(2 * 1024 * 1024)
    const started = performance.now()
    expect(
      readLimits({ limit: huge, remaining: huge, retryAfter: huge, reset: huge }, NOW),
    ).toEqual({})
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('ignores a negative Retry-After, and bounds a huge one', () => {
    expect(readLimits({ retryAfter: '-30' }, NOW)).toEqual({})
    expect(readLimits({ retryAfter: '99999999' }, NOW)).toEqual({ resetInMs: MAX_HOLD_MS })
    expect(readLimits({ retryAfter: '9'.repeat(40) }, NOW)).toEqual({ resetInMs: MAX_HOLD_MS })
  })

  it('prefers Retry-After to a Reset from a server clock that disagrees', () => {
    const skewed = String(NOW / 1000 + 3600)
    expect(readLimits({ retryAfter: '5', reset: skewed }, NOW)).toEqual({ resetInMs: 5_000 })
  })

  it('reads X-RateLimit-Reset alone only within one window of this clock', () => {
    expect(readLimits({ reset: String(NOW / 1000 + 20) }, NOW)).toEqual({ resetInMs: 20_000 })
    // A server clock hours ahead, or behind: no reset is known.
    expect(readLimits({ reset: String(NOW / 1000 + 7200) }, NOW)).toEqual({})
    expect(readLimits({ reset: String(NOW / 1000 - 7200) }, NOW)).toEqual({})
  })
})

describe('the budget over a run of answers', () => {
  it('estimates how many share the token from what the others spent between two answers', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '50' }],
      [NOW + 10_000, { limit: '60', remaining: '30' }],
    ])
    expect(state.sharers).toBe(20)
    // Twenty requests in the interval, spread over the 48 a window can give to checks.
    expect(fairIntervalMs(state)).toBe((20 * ASSUMED_WINDOW_MS) / 48)
  })

  it('sees a window close when more is left than before, and keeps its estimate', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '50' }],
      [NOW + 10_000, { limit: '60', remaining: '40' }],
      [NOW + 30_000, { limit: '60', remaining: '58' }],
    ])
    expect(state).toMatchObject({ sharers: 10, remaining: 58, windowSeenAt: NOW + 30_000 })
  })

  it('lets one short count lower the estimate by half at most', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '50' }],
      [NOW + 10_000, { limit: '60', remaining: '30' }],
      // A moment later: only this drill's own request between the two.
      [NOW + 10_050, { limit: '60', remaining: '29' }],
    ])
    expect(state.sharers).toBe(10)
    // A rise is followed at once.
    const busier = observe(
      state,
      readLimits({ limit: '60', remaining: '4' }, NOW + 20_000),
      NOW + 20_000,
    )
    expect(busier.sharers).toBe(25)
  })

  it('does not lower the estimate on a count cut at zero, which says at least so many', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '40' }],
      [NOW + 10_000, { limit: '60', remaining: '10' }],
      [NOW + 11_000, { limit: '60', remaining: '0', retryAfter: '49' }],
    ])
    expect(state.sharers).toBe(30)
  })

  it('counts the drills coming back just after a close, when nothing before counted them', () => {
    const back = after([
      [NOW, { limit: '60', remaining: '1' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '59' }],
      // Two seconds into the next window, thirty requests counted: the drills held back by it.
      [NOW + 62_000, { limit: '60', remaining: '30' }],
    ])
    expect(back.sharers).toBe(30)
    // Well into a window, its count is the pace of the window, not a number of drills.
    const late = after([
      [NOW, { limit: '60', remaining: '1' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '59' }],
      [NOW + 90_000, { limit: '60', remaining: '30' }],
    ])
    expect(late.sharers).toBe(1)
  })

  it('sees a window close by the time passed, when the next is already spent below the last', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '20' }],
      // A minute on, less is left than then: a new window, already much spent.
      [NOW + 61_000, { limit: '60', remaining: '15' }],
    ])
    expect(state.windowSeenAt).toBe(NOW + 60_000)
    // Those 45 requests are the drills back from the close, not 5 made in a minute.
    expect(state.sharers).toBe(45)
    expect(state.othersRate).toBe(0)
  })

  it('learns nothing of the others from a 429, which is not counted', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '8' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '30' }],
      [NOW + 2_000, { limit: '60', remaining: '0', retryAfter: '29' }],
    ])
    expect(state.sharers).toBe(8)
  })
})

describe('holding a status check back', () => {
  it('holds nothing without headers, and little for a drill alone', () => {
    expect(checkHoldMs(EMPTY_BUDGET, NOW, half)).toBe(0)
    const alone = after([
      [NOW, { limit: '60', remaining: '59' }],
      [NOW + 1_000, { limit: '60', remaining: '58' }],
    ])
    // Its turn of what is left: 58 less what is still kept in reserve, over the 59 s left.
    expect(checkHoldMs(alone, NOW + 1_000, half)).toBe(59_000 / (58 - reserveLeft(59_000)))
  })

  it('spreads checks over the fair interval when many share the token', () => {
    const shared = after([
      [NOW, { limit: '60', remaining: '55' }],
      [NOW + 50_000, { limit: '60', remaining: '31' }],
    ])
    const fair = (24 * ASSUMED_WINDOW_MS) / 48
    expect(checkHoldMs(shared, NOW + 50_000, () => 0)).toBe(fair / 2)
    expect(checkHoldMs(shared, NOW + 50_000, () => 0.999)).toBeCloseTo(fair * 1.499)
  })

  it('leaves the rest of the window to the others when they spend it faster than it lasts', () => {
    // Twenty requests by the others in a second: at that rate the budget is gone in two.
    const burst = after([
      [NOW, { limit: '60', remaining: '59' }],
      [NOW + 1_000, { limit: '60', remaining: '38' }],
    ])
    expect(checkHoldMs(burst, NOW + 1_000, none)).toBe(59_000)
  })

  it('keeps to the phase of the windows a 429 named, rather than dating one from a late answer', () => {
    const state = after([
      [NOW, { limit: '60', remaining: '20' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '59' }],
      // Seen half a window after the next one opened, with little left in it.
      [NOW + 90_000, { limit: '60', remaining: '10' }],
    ])
    expect(state.windowSeenAt).toBe(NOW + 60_000)
    expect(checkHoldMs(state, NOW + 90_000, none)).toBe(30_000)
  })

  it('forgets the pace of a burst once its window has closed', () => {
    const later = after([
      [NOW, { limit: '60', remaining: '59' }],
      [NOW + 1_000, { limit: '60', remaining: '38' }],
      [NOW + 61_000, { limit: '60', remaining: '50' }],
    ])
    expect(later.othersRate).toBe(0)
    // Not the rest of the window: its turn of what is left, 21 drills sharing it over 59 s.
    const left = 50 - reserveLeft(59_000)
    expect(checkHoldMs(later, NOW + 61_000, none)).toBe((21 * 59_000) / left / 2)
  })

  it('gives the reserve up as the window runs out, rather than leave it unspent', () => {
    const late = after([
      [NOW, { limit: '60', remaining: '20' }],
      [NOW + 50_000, { limit: '60', remaining: '10' }],
    ])
    // 10 left is under the whole reserve of 12, but 10 s before the close only 2 are kept.
    expect(checkHoldMs(late, NOW + 50_000, none)).toBe(fairIntervalMs(late) / 2)
    const early = after([
      [NOW, { limit: '60', remaining: '20' }],
      [NOW + 5_000, { limit: '60', remaining: '10' }],
    ])
    expect(checkHoldMs(early, NOW + 5_000, none)).toBe(55_000)
  })

  it('comes back after the close rather than after a turn longer than the window', () => {
    const back = after([
      [NOW, { limit: '60', remaining: '1' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '59' }],
      [NOW + 62_000, { limit: '60', remaining: '30' }],
    ])
    // Thirty drills share some 18 over the 58 s left: a turn of 95 s, past the close, where the
    // next window renews the budget. Back then, spread as after any close.
    const fair = (30 * ASSUMED_WINDOW_MS) / 48
    expect(checkHoldMs(back, NOW + 62_000, half)).toBe(58_000 + Math.min(fair, 15_000) / 2)
    const turn = (30 * 58_000) / (30 - reserveLeft(58_000))
    expect(checkHoldMs(back, NOW + 62_000, none)).toBe(turn / 2)
  })

  it('holds nothing for a drill alone that sends two requests at once', () => {
    const alone = after([
      [NOW, { limit: '60', remaining: '59' }],
      [NOW, { limit: '60', remaining: '58' }],
    ])
    expect(checkHoldMs(alone, NOW, half)).toBe(60_000 / 46)
  })

  it('holds checks past the end of the window when little is left for the restore requests', () => {
    const low = after([
      [NOW, { limit: '60', remaining: '40' }],
      [NOW + 20_000, { limit: '60', remaining: '10' }],
    ])
    // The window holding the first answer closes within a minute of it.
    expect(checkHoldMs(low, NOW + 20_000, none)).toBe(40_000)
  })

  it('after a 429 waits for the reset plus a spread, so that drills do not return at once', () => {
    const limited = after([
      [NOW, { limit: '60', remaining: '12' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '30' }],
    ])
    expect(checkHoldMs(limited, NOW + 1_000, none)).toBe(30_000)
    const fair = (12 * ASSUMED_WINDOW_MS) / 48
    expect(checkHoldMs(limited, NOW + 1_000, () => 0.5)).toBe(30_000 + fair / 2)
    // Once the window has closed, the 429 holds nothing more.
    expect(checkHoldMs(limited, NOW + 40_000, none)).toBe(fair / 2)
  })

  describe('a restore started just after the token ran out', () => {
    // Refused at the start (a 429 naming the close), then accepted as the next window opened.
    const refused = after([
      [NOW, { limit: '60', remaining: '20' }],
      [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '59' }],
      [NOW + 60_500, { limit: '60', remaining: '40' }],
    ])
    const fair = (20 * ASSUMED_WINDOW_MS) / 48

    it('waits for the next window, spread over all of it, leaving this one to older restores', () => {
      // The 429 named 59 s, what was left of a window of Laravel's minute: it closes a minute on.
      expect(checkHoldMs(refused, NOW + 60_500, none, NOW + 60_500)).toBe(59_500)
      // Spread over the whole of that window, which the 429 read as a minute's.
      expect(checkHoldMs(refused, NOW + 60_500, half, NOW + 60_500)).toBe(59_500 + 30_000)
    })

    it('takes a wait of half a minute or less for the whole window', () => {
      const short = after([
        [NOW, { limit: '60', remaining: '20' }],
        [NOW + 1_000, { limit: '60', remaining: '0', retryAfter: '30' }],
        [NOW + 31_500, { limit: '60', remaining: '40' }],
      ])
      expect(checkHoldMs(short, NOW + 31_500, none, NOW + 31_500)).toBe(29_500)
    })

    it('assumes no longer a window than the 429 named: a limiter counting per second', () => {
      const perSecond = after([
        [NOW, { limit: '10', remaining: '2' }],
        [NOW + 300, { limit: '10', remaining: '0', retryAfter: '1' }],
        [NOW + 1_400, { limit: '10', remaining: '9' }],
      ])
      expect(checkHoldMs(perSecond, NOW + 1_400, none, NOW + 1_400)).toBe(900)
      expect(checkHoldMs(perSecond, NOW + 1_400, () => 0.999, NOW + 1_400)).toBeLessThan(1_900)
    })

    it('holds an older restore only for its turn of what the starting restores left', () => {
      // The restores started took 20 of the new window, more than its reserve: 20 drills share
      // what is left over its 59.5 s, which is longer than the fair interval.
      const turn = (20 * 59_500) / (40 - reserveLeft(59_500))
      expect(turn).toBeGreaterThan(fair)
      expect(checkHoldMs(refused, NOW + 60_500, none, NOW - 5_000)).toBe(turn / 2)
      expect(checkHoldMs(refused, NOW + 60_500, none)).toBe(turn / 2)
    })

    it('is not held without a window run out, nor once the window after it has closed', () => {
      const calm = after([
        [NOW, { limit: '60', remaining: '50' }],
        [NOW + 1_000, { limit: '60', remaining: '49' }],
      ])
      expect(checkHoldMs(calm, NOW + 1_000, none, NOW + 1_000)).toBe(
        59_000 / (49 - reserveLeft(59_000)) / 2,
      )
      const later = observe(
        refused,
        readLimits({ limit: '60', remaining: '59' }, NOW + 121_000),
        NOW + 121_000,
      )
      expect(checkHoldMs(later, NOW + 121_000, none, NOW + 60_500)).toBe(fair / 2)
    })
  })
})
