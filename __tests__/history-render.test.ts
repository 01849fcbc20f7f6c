// The dashboard and its charts as a browser shows them: headless Chromium renders the branch's
// README (as GitHub-flavoured Markdown, in the page `npm run screenshot` uses) with its SVG charts
// as images, and a chart inline. The tests read the rendered DOM and the screenshot's pixels.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { summaryPage } from '../scripts/lib/summary-page.js'
import { OUTCOME_COLOUR } from '../src/history/chart.js'
import { planWrite } from '../src/history/plan.js'
import type { DrillRecord } from '../src/history/record.js'
import { countColour, renderedDom, screenshot, type Shot } from './helpers/chromium.js'
import { DAY, NOW, daily, record } from './helpers/history.js'

jest.setTimeout(120_000)

// HISTORY_RENDER_DIR names a folder to keep the pages and the shots in, to look at them.
const keep = process.env.HISTORY_RENDER_DIR
const dir = keep ?? mkdtempSync(join(tmpdir(), 'history-render-'))
const RTO_RED = '#cf222e'

function fleet(): DrillRecord[] {
  const outcomes = [
    'succeeded',
    'succeeded',
    'failed',
    'succeeded',
    'timed_out',
    'succeeded',
  ] as const
  const prod = daily(
    Array.from({ length: 24 }, (_, i) => {
      const outcome = outcomes[i % outcomes.length] ?? 'succeeded'
      return {
        target: 'prod-db',
        outcome,
        seconds:
          outcome === 'failed' && i < 12 ? null : outcome === 'timed_out' ? 1950 : 700 + i * 35,
      }
    }),
  )
  const billing = Array.from({ length: 10 }, (_, i) =>
    record({
      target: 'Billing <EU> | "main"',
      at: NOW - (10 - i) * 7 * DAY,
      seconds: 240 + i * 12,
      rto: 600,
    }),
  )
  return [...prod, ...billing]
}

let readme = ''

beforeAll(() => {
  // The branch as one write leaves it: a ledger and a chart per target, and the dashboard.
  const plan = planWrite(new Map(), fleet(), { historySize: 500, now: NOW, runUrl: null })
  for (const [path, text] of plan.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  readme = plan.files.get('README.md') as string
})

afterAll(() => {
  if (keep === undefined) rmSync(dir, { recursive: true, force: true })
})

/** A page, plus a script that records what the browser made of it into the DOM. */
function page(name: string, body: string, measure: string): string {
  const file = join(dir, name)
  const script = `<script>addEventListener('load', () => {
    const out = document.createElement('pre'); out.id = 'measured';
    out.textContent = JSON.stringify((${measure})()); document.body.append(out) })</script>`
  writeFileSync(file, body.replace('</body>', `${script}</body>`))
  return file
}

const measured = (dom: string): unknown => {
  const json = /<pre id="measured">([\s\S]*?)<\/pre>/.exec(dom)?.[1]
  if (json === undefined) throw new Error('the page measured nothing')
  return JSON.parse(
    json
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  )
}

describe('the dashboard in a browser', () => {
  const dashboardPage = () => summaryPage(readme, 'drill-history', 'README.md')

  it('loads every chart it embeds, at the size the SVG declares', async () => {
    const file = page(
      'dashboard-measure.html',
      dashboardPage(),
      `() => [...document.images].map((img) => ({ src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth, height: img.naturalHeight }))`,
    )
    const images = measured(await renderedDom(file)) as {
      src: string
      complete: boolean
      width: number
      height: number
    }[]
    expect(images.map((image) => image.src).sort()).toEqual([
      'charts/billing-eu-main.svg',
      'charts/prod-db.svg',
    ])
    for (const image of images)
      expect(image).toMatchObject({ complete: true, width: 720, height: 300 })
  })

  it('shows the table and the charts, in colour', async () => {
    const file = join(dir, 'dashboard.html')
    writeFileSync(file, dashboardPage())
    const shot = await screenshot(file, 900, 1400, join(dir, 'dashboard.png'))
    expect(shot.width).toBe(900)
    expect(distinctColours(shot)).toBeGreaterThan(50)
    // The charts' points and RTO lines, drawn only by the SVG images.
    expect(countColour(shot, OUTCOME_COLOUR.succeeded, 16)).toBeGreaterThan(200)
    expect(countColour(shot, RTO_RED, 16)).toBeGreaterThan(200)
  })
})

describe('a chart in a browser', () => {
  it('lays out its axes, its RTO line and every drill with a size', async () => {
    const svg = readChart('prod-db')
    const file = page(
      'chart-measure.html',
      `<!doctype html><html><body style="margin:0">${svg}</body></html>`,
      `() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { width: r.width, height: r.height } };
        const all = (selector) => [...document.querySelectorAll(selector)].map(box);
        return { svg: box(document.querySelector('svg')), axisX: all('.axis-x text'), axisY: all('.axis-y text'),
          rto: all('.rto-limit line'), drills: all('.drill'), noDuration: all('.no-duration.drill') } }`,
    )
    type Box = { width: number; height: number }
    const got = measured(await renderedDom(file)) as {
      svg: Box
      axisX: Box[]
      axisY: Box[]
      rto: Box[]
      drills: Box[]
      noDuration: Box[]
    }
    expect(got.svg).toEqual({ width: 720, height: 300 })
    expect(got.axisX.length).toBeGreaterThan(2)
    expect(got.axisY.length).toBeGreaterThan(2)
    for (const label of [...got.axisX, ...got.axisY]) expect(label.width).toBeGreaterThan(0)
    expect(got.rto[0]?.width).toBeGreaterThan(500)
    expect(got.drills).toHaveLength(24)
    for (const drill of got.drills) expect(drill.width * drill.height).toBeGreaterThan(0)
    expect(got.noDuration).toHaveLength(2)
  })

  it('keeps a long target in its heading clear of the range of drills', async () => {
    const target = 'job 6f7c5f07-bd49-49a5-8416-27b8de037ddc'
    const records = daily(
      Array.from({ length: 15 }, (_, i) => ({ target, outcome: 'succeeded', seconds: 300 + i })),
    )
    const plan = planWrite(new Map(), records, { historySize: 500, now: NOW, runUrl: null })
    const svg = plan.files.get('charts/job-6f7c5f07-bd49-49a5-8416-27b8de037ddc.svg') as string
    const file = page(
      'chart-heading.html',
      `<!doctype html><html><body style="margin:0">${svg}</body></html>`,
      `() => [...document.querySelectorAll('svg > text')].slice(0, 2).map((el) => {
        const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom } })`,
    )
    type Box = { left: number; right: number; top: number; bottom: number }
    const [title, range] = measured(await renderedDom(file)) as Box[]
    if (title === undefined || range === undefined) throw new Error('no heading and range')
    expect(range.right).toBeLessThanOrEqual(720)
    // Apart on one line, or one under the other.
    const apart = title.right < range.left || title.bottom <= range.top
    expect({ title, range, apart }).toEqual({ title, range, apart: true })
    expect(range.bottom).toBeLessThan(56)
  })

  it('reads the same on a dark page: it brings its own background', async () => {
    const file = join(dir, 'chart-dark.html')
    writeFileSync(
      file,
      '<!doctype html><html><body style="margin:0;padding:20px;background:#0d1117"><img src="charts/prod-db.svg"></body></html>',
    )
    const shot = await screenshot(file, 760, 340, join(dir, 'chart-dark.png'))
    const card = { x: 20, y: 20, width: 720, height: 300 }
    // Mostly the card's white, with the text and the points on it.
    expect(countColour(shot, '#ffffff', 4, card)).toBeGreaterThan(0.6 * card.width * card.height)
    expect(countColour(shot, '#1f2328', 40, card)).toBeGreaterThan(100)
    expect(countColour(shot, OUTCOME_COLOUR.failed, 16, card)).toBeGreaterThan(50)
    expect(countColour(shot, '#0d1117', 4, { x: 0, y: 0, width: 760, height: 18 })).toBeGreaterThan(
      10_000,
    )
  })
})

function readChart(slug: string): string {
  const plan = planWrite(new Map(), fleet(), { historySize: 500, now: NOW, runUrl: null })
  return plan.files.get(`charts/${slug}.svg`) as string
}

function distinctColours(shot: Shot): number {
  const seen = new Set<number>()
  for (let i = 0; i < shot.pixels.length; i += 4) seen.add(shot.pixels.readUInt32BE(i))
  return seen.size
}
