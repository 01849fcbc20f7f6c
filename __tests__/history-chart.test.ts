import { describe, expect, it } from '@jest/globals'
import { CHART_DRILLS, OUTCOME_COLOUR, durationChart } from '../src/history/chart.js'
import { durationTicks, timeTicks } from '../src/history/scale.js'
import { DAY, NOW, daily, record } from './helpers/history.js'
import { allElements, parseXml, type XmlElement } from './helpers/xml.js'

const HOSTILE = `</text><script>alert(1)</script> & "q" 'a' \u0001\u001b \ud800 ]]> <![CDATA[x]]>`

function chart(...args: Parameters<typeof durationChart>): { svg: string; root: XmlElement } {
  const svg = durationChart(...args)
  return { svg, root: parseXml(svg) }
}

const byClass = (root: XmlElement, name: string): XmlElement[] =>
  allElements(root).filter((node) => (node.attributes.class ?? '').split(' ').includes(name))

const drills = daily([
  { seconds: 600 },
  { seconds: 900, outcome: 'failed' },
  { seconds: null, outcome: 'failed' },
  { seconds: 1900, outcome: 'timed_out' },
  { seconds: 1200, outcome: 'cancelled' },
  { seconds: 1500 },
])

describe('the duration chart', () => {
  it('is one well-formed SVG with a viewBox and a background of its own', () => {
    const { svg, root } = chart('prod-db', drills)
    expect(svg.startsWith('<svg ')).toBe(true)
    expect(root.name).toBe('svg')
    expect(root.attributes).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: '0 0 720 300',
      role: 'img',
    })
    expect(root.children[0]).toMatchObject({ name: 'title', text: 'Restore duration of prod-db' })
    // Light and dark themes alike: the card paints its own background.
    expect(root.children[1]).toMatchObject({
      name: 'rect',
      attributes: expect.objectContaining({ width: '720', height: '300', fill: '#ffffff' }),
    })
    expect(root.attributes['font-family']).toMatch(/sans-serif$/)
  })

  it('holds nothing GitHub would strip or a browser would fetch or run', () => {
    const { svg, root } = chart(HOSTILE, drills)
    const names = allElements(root).map((node) => node.name)
    expect(names).not.toContain('script')
    expect(names).not.toContain('foreignObject')
    expect(names).not.toContain('image')
    expect(names).not.toContain('style')
    for (const node of allElements(root)) {
      for (const [key, value] of Object.entries(node.attributes)) {
        expect(key).not.toMatch(/^on|href$/i)
        if (key !== 'xmlns') expect(value).not.toMatch(/https?:|url\(|javascript:/i)
      }
    }
    expect(svg).not.toMatch(/<script/i)
  })

  it("shows a hostile target's name as text, with what XML cannot hold left out", () => {
    const { root } = chart(HOSTILE, drills)
    const title = allElements(root).find((node) => node.name === 'text')
    expect(title?.text).toContain('</text><script>alert(1)</script> & "q" \'a\'')
    for (const gone of ['\u0001', '\u001b', '\ud800']) expect(title?.text).not.toContain(gone)
  })

  it('draws the time axis and the duration axis with labels in human units', () => {
    const { root } = chart('prod-db', drills)
    const [yAxis] = byClass(root, 'axis-y')
    const [xAxis] = byClass(root, 'axis-x')
    const labels = (axis: XmlElement | undefined) =>
      (axis?.children ?? []).filter((node) => node.name === 'text').map((node) => node.text)
    expect(labels(yAxis)).toEqual(['0', '10m', '20m', '30m', '40m'])
    // Drills at noon, 24 Feb to 1 Mar: ticks at each midnight between.
    expect(labels(xAxis)).toEqual([
      '25 Feb',
      '26 Feb',
      '27 Feb',
      '28 Feb',
      '1 Mar',
      'drill ended (UTC)',
    ])
  })

  it('draws the RTO limit as a line at its height on the duration axis', () => {
    const { root } = chart('prod-db', drills)
    const [limit] = byClass(root, 'rto-limit')
    const line = limit?.children.find((node) => node.name === 'line')
    const label = limit?.children.find((node) => node.name === 'text')
    expect(label?.text).toBe('RTO 30m')
    const [yAxis] = byClass(root, 'axis-y')
    const grid = yAxis?.children.filter((node) => node.name === 'line') ?? []
    // The grid line of the 30m tick (0, 10m, 20m, 30m, 40m).
    expect(line?.attributes.y1).toBe(grid[3]?.attributes.y1)
    expect(line?.attributes.y2).toBe(line?.attributes.y1)
    expect(line?.attributes['stroke-dasharray']).toBeDefined()
  })

  it('colours each drill by its outcome, later drills further right', () => {
    const { root } = chart('prod-db', drills)
    const points = byClass(root, 'drill')
    expect(points.map((node) => node.attributes.class)).toEqual([
      'drill succeeded',
      'drill failed',
      'drill failed no-duration',
      'drill timed_out',
      'drill cancelled',
      'drill succeeded',
    ])
    for (const point of points) {
      const outcome = (point.attributes.class ?? '').split(' ')[1] as keyof typeof OUTCOME_COLOUR
      expect(point.attributes.fill ?? point.attributes.stroke).toBe(OUTCOME_COLOUR[outcome])
    }
    const x = points.map((node) =>
      Number(node.attributes.cx ?? node.attributes.d?.slice(1).split(',')[0]),
    )
    expect([...x].sort((a, b) => a - b)).toEqual(x)
    const circles = points.filter((node) => node.name === 'circle')
    // Higher on the page (smaller y) for a longer restore: 1900 s above 600 s.
    expect(Number(circles[2]?.attributes.cy)).toBeLessThan(Number(circles[0]?.attributes.cy))
  })

  it('marks a failed drill that has no duration, on the axis', () => {
    const { root } = chart('prod-db', drills)
    const [marker] = byClass(root, 'no-duration').filter((node) => node.name === 'path')
    expect(marker?.attributes.stroke).toBe(OUTCOME_COLOUR.failed)
    expect(marker?.children[0]?.text).toBe('2026-02-26 12:00 UTC: failed, no duration')
  })

  it('draws no RTO line when no limit was set, and says so', () => {
    const { root } = chart('t', daily([{ rto: null }, { rto: null }]))
    expect(byClass(root, 'rto-limit')).toEqual([])
    expect(allElements(root).map((node) => node.text)).toContain('no RTO limit set')
  })

  it('charts the newest drills only', () => {
    const many = Array.from({ length: CHART_DRILLS + 20 }, (_, i) => record({ at: NOW - i * DAY }))
    expect(byClass(chart('t', many).root, 'drill')).toHaveLength(CHART_DRILLS)
  })

  it('says when there is nothing to chart', () => {
    const { root } = chart('t', [])
    expect(allElements(root).map((node) => node.text)).toContain('No drills recorded yet.')
    expect(byClass(root, 'drill')).toEqual([])
  })
})

describe('the axes', () => {
  it('steps durations in whole units, from zero past the longest', () => {
    expect(durationTicks(50).map((tick) => tick.label)).toEqual([
      '0',
      '10s',
      '20s',
      '30s',
      '40s',
      '50s',
    ])
    expect(durationTicks(3 * 3600).map((tick) => tick.label)).toEqual(['0', '1h', '2h', '3h'])
    expect(durationTicks(0).map((tick) => tick.label)).toEqual(['0', '1s'])
  })

  it('steps time in hours, days or weeks, and shows one drill at its own time', () => {
    const hours = timeTicks(Date.UTC(2026, 0, 1, 1), Date.UTC(2026, 0, 1, 13))
    expect(hours.map((tick) => tick.label)).toEqual(['03:00', '06:00', '09:00', '12:00'])
    const days = timeTicks(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 4))
    expect(days.map((tick) => tick.label)).toEqual(['1 Jan', '2 Jan', '3 Jan', '4 Jan'])
    const years = timeTicks(Date.UTC(2025, 0, 1), Date.UTC(2026, 11, 1))
    expect(years.every((tick) => / 202[56]$/.test(tick.label))).toBe(true)
    // A ledger edited by hand, spanning centuries: still a few ticks.
    expect(timeTicks(Date.UTC(1970, 0, 1), Date.UTC(2900, 0, 1)).length).toBeLessThanOrEqual(6)
    expect(timeTicks(Date.UTC(2026, 0, 1, 4, 30), Date.UTC(2026, 0, 1, 4, 30))).toEqual([
      { value: Date.UTC(2026, 0, 1, 4, 30), label: '1 Jan 04:30' },
    ])
  })
})

describe('the XML check the chart goes through', () => {
  it.each([
    ['<svg><g></svg>', 'closes'],
    ['<svg x=1/>', 'quoted'],
    ['<svg x="1" x="2"/>', 'repeated'],
    ['<svg>&nbsp;</svg>', 'undeclared entity'],
    ['<svg>a & b</svg>', 'bare &'],
    ['<svg>\u0001</svg>', 'not XML'],
    ['<svg>\ud800</svg>', 'lone surrogate'],
    ['<svg a="<"/>', '< inside'],
    ['<svg/><svg/>', 'after the root'],
    ['<svg><![CDATA[x]]></svg>', 'CDATA'],
  ])('refuses %j', (source, why) => {
    expect(() => parseXml(source)).toThrow(why)
  })
})
