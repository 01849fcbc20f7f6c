import { describe, expect, it } from '@jest/globals'
import { checkTimes, nextPause, pauseUntilDeadline } from '../src/restore/schedule.js'

describe('the status check schedule', () => {
  it('checks first after one second, then grows by half up to the poll interval', () => {
    const pauses: number[] = []
    let pause: number | null = null
    for (let i = 0; i < 8; i++) pauses.push((pause = nextPause(pause, 15_000)))
    expect(pauses).toEqual([1000, 1500, 2250, 3375, 5062.5, 7593.75, 11390.625, 15000])
  })

  it('checks first at the poll interval when that is under a second', () => {
    expect(nextPause(null, 200)).toBe(200)
    expect(nextPause(200, 200)).toBe(200)
  })

  it('lands the last check on the deadline, never after it', () => {
    expect(pauseUntilDeadline(5000, 10_000, 12_000)).toBe(2000)
    expect(pauseUntilDeadline(5000, 12_000, 12_000)).toBe(0)
    expect(pauseUntilDeadline(5000, 13_000, 12_000)).toBe(0)
    const times = checkTimes(60_000, 15_000)
    expect(times.at(-1)).toBe(60_000)
    expect(times.every((at) => at <= 60_000)).toBe(true)
  })

  it('spends few requests on a long restore', () => {
    // 30 minutes at the default 15 s interval: 7 growing checks, then one every 15 s.
    expect(checkTimes(30 * 60_000, 15_000)).toHaveLength(
      7 + Math.ceil((30 * 60_000 - 32_172) / 15_000),
    )
    expect(checkTimes(3_600_000, 15_000).length).toBeLessThan(3_600_000 / 15_000 + 8)
  })
})
