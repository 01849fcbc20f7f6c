import { describe, expect, it } from '@jest/globals'
import { DAY_MS, formatDuration, formatElapsed, parseDuration } from '../src/duration.js'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['1h30m15s', 5_415_000],
    ['2d', 172_800_000],
    ['30d', 2_592_000_000],
    ['1d12h', 129_600_000],
    ['365d', 31_536_000_000],
    ['1D12H', 129_600_000],
    ['6h', 21_600_000],
    ['45', 45_000],
    ['1.5', 1_500],
    ['1.5m', 90_000],
    [' 30M ', 1_800_000],
    ['0', 0],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    '',
    'abc',
    '-5s',
    '5 s',
    '30m1h',
    '5s5s',
    '1h 30m',
    '10x',
    'ms',
    '1e3',
    '.5s',
    's30',
    '12h1d',
    '1d1d',
    'd',
  ])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull()
  })

  it('refuses a number too large to be finite, with or without a unit', () => {
    expect(parseDuration('9'.repeat(400))).toBeNull()
    expect(parseDuration(`${'9'.repeat(400)}s`)).toBeNull()
  })
})

describe('formatDuration', () => {
  it.each([
    [500, '500ms'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [21_600_000, '6h'],
    [0, '0ms'],
    [1000, '1s'],
    [DAY_MS, '1d'],
    [129_600_000, '1d12h'],
    [30 * DAY_MS, '30d'],
    [365 * DAY_MS, '365d'],
    [93_784_000, '1d2h3m4s'],
    [DAY_MS - 1000, '23h59m59s'],
  ])('writes %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('round-trips whole seconds through parseDuration', () => {
    for (const seconds of [1, 59, 60, 61, 3599, 3600, 5400, 86_399, 86_400, 90_061, 31_536_000]) {
      expect(parseDuration(formatDuration(seconds * 1000))).toBe(seconds * 1000)
    }
  })
})

describe('formatElapsed', () => {
  it.each([
    [0, 'under 1s'],
    [40, 'under 1s'],
    [949, 'under 1s'],
    [4_000, '4s'],
    [250_000, '4m 10s'],
    [3_601_000, '1h 1s'],
    [93_600_000, '1d 2h'],
  ])('reads %i ms as %j', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text)
  })

  it('says the same of a duration and of its value rounded to tenths, as the result keeps it', () => {
    for (const ms of [4_449, 4_450, 4_451, 59_950, 89_549]) {
      const tenths = Math.round(ms / 100) / 10
      expect(formatElapsed(tenths * 1000)).toBe(formatElapsed(ms))
    }
  })
})
