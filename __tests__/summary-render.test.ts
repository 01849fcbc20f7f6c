// The job summary of every outcome as GitHub shows it: GitHub-flavoured Markdown, GitHub's
// sanitising (rehype-sanitize's default schema) and GitHub's stylesheet (github-markdown-css),
// read back as HTML, then laid out by headless Chromium. SUMMARY_RENDER_DIR names a folder to
// keep each page and a PNG of it, to look at them.
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gfmPage, renderGfm } from '../scripts/lib/gfm-page.js'
import { renderSummary, summaryFooter } from '../src/report/summary.js'
import { summaryCases, type SummaryCase } from './fixtures/summary-cases.js'
import { CHROMIUM, renderedDom, screenshot } from './helpers/chromium.js'

jest.setTimeout(120_000)

const keep = process.env.SUMMARY_RENDER_DIR
const dir = keep ?? mkdtempSync(join(tmpdir(), 'summary-render-'))
mkdirSync(dir, { recursive: true })
afterAll(() => {
  if (keep === undefined) rmSync(dir, { recursive: true, force: true })
})

const cases = summaryCases()
const markdownOf = ({ result, extras }: SummaryCase): string =>
  `${renderSummary(result, extras)}${summaryFooter(result)}`
const slug = (name: string): string => name.replace(/\W+/g, '-')

/** What a reader sees: tags dropped, character references resolved. */
function visible(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[\da-f]+|[a-z]+);/gi, (ref, body: string) =>
      body.startsWith('#x')
        ? String.fromCodePoint(parseInt(body.slice(2), 16))
        : body.startsWith('#')
          ? String.fromCodePoint(Number(body.slice(1)))
          : (named[body] ?? ref),
    )
}

describe.each(cases)('the job summary of a run: $name', (run) => {
  const html = renderGfm(markdownOf(run))
  const shown = visible(html)

  it('opens with one headline carrying the verdict and the numbers', () => {
    const first = /^<h2>(.*?)<\/h2>/.exec(html)
    expect(first).not.toBeNull()
    expect(first?.[1]).toMatch(/^(✅|❌|⏱️|🚫|⏩|🧪) /)
    expect(first?.[1]).toMatch(run.headline)
    expect(html.match(/<h2>/g)).toHaveLength(1)
  })

  it('draws no table with an empty header row', () => {
    for (const [, head] of html.matchAll(/<thead>([\s\S]*?)<\/thead>/g))
      for (const [, cell] of (head ?? '').matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g))
        expect(visible(cell ?? '').trim()).not.toBe('')
  })

  it('shows human times and durations: no microseconds, no 0ms, limits as written', () => {
    expect(shown).not.toMatch(/\d{6}Z|T\d\d:\d\d/)
    expect(shown).not.toMatch(/\b0ms\b/)
    expect(shown).not.toContain('1d2h')
    if (run.result.backup.completed_at)
      expect(shown).toContain('01 Dec 2026, 07:05 UTC, 1h 3m 4s old')
  })

  it('puts the error and the checks before the details, and folds every long list', () => {
    const at = (needle: string): number => html.indexOf(needle)
    if (run.result.error) {
      expect(at('<blockquote>')).toBeGreaterThan(at('</h2>'))
      expect(at('<blockquote>')).toBeLessThan(at('<h3>'))
    }
    if (run.result.checks.length > 0) expect(at('<h3>Checks</h3>')).toBe(at('<h3>'))
    expect(at('<details>')).toBeGreaterThan(at('<h3>Checks</h3>'))
    // Every list of files and the request are inside a <details>, which sanitising kept.
    const outside = html.replace(/<details>[\s\S]*?<\/details>/g, '')
    expect(outside).not.toMatch(/<pre>|\.tar\.gz|\.sql\.gz/)
    expect(html.match(/<details>/g)?.length).toBe(markdownOf(run).match(/<details>/g)?.length)
    expect(html).toMatch(/<details><summary>[^<]*(<code>[^<]*<\/code>)?[^<]*\(?\d*\)?<\/summary>/)
  })

  it('says a failure’s duration as its details do, and a timeout’s cause once', () => {
    const duration = /duration:<\/strong> ([^<]+)</.exec(html)?.[1]
    const after = /after ([\dhms ]+):/.exec(run.result.error?.message ?? '')?.[1]
    if (after !== undefined) expect(after).toBe(duration)
    expect(shown.match(/goes on at SnapShooter/g)?.length ?? 0).toBeLessThanOrEqual(1)
  })

  it('ends with the footer', () => {
    expect(html.trimEnd()).toMatch(/<p><sub>Restore drill · run 7 · schedule<\/sub><\/p>$/)
  })
})

const chromium = existsSync(CHROMIUM) || CHROMIUM === 'chromium' ? CHROMIUM : null
const browser = existsSync('/usr/bin/chromium') || process.env.CHROMIUM ? describe : describe.skip
if (browser === describe.skip)
  console.warn(
    `No Chromium (${chromium ?? CHROMIUM}): the summaries are not laid out in a browser.`,
  )

browser('the job summaries in a browser', () => {
  it.each(cases)('$name: headline on top, checks next, the lists folded and short', async (run) => {
    const page = join(dir, `${slug(run.name)}.html`)
    const measure = `<script>addEventListener('load', () => {
      const top = (el) => el ? el.getBoundingClientRect().top : null;
      const body = document.querySelector('.markdown-body');
      const out = document.createElement('pre'); out.id = 'measured';
      out.textContent = JSON.stringify({
        first: body.firstElementChild.tagName, h2: top(body.querySelector('h2')),
        checks: top([...body.querySelectorAll('h3')].find((h) => h.textContent === 'Checks')),
        details: top(body.querySelector('details')),
        open: [...body.querySelectorAll('details')].some((d) => d.open),
        hiddenRows: [...body.querySelectorAll('details li, details tr')].every((el) => !el.checkVisibility()),
        height: body.getBoundingClientRect().height });
      document.body.append(out) })</script>`
    writeFileSync(
      page,
      gfmPage(markdownOf(run), 'Restore drill', run.name).replace('</body>', `${measure}</body>`),
    )
    const dom = await renderedDom(page, 900, 1000)
    const json = /<pre id="measured">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? 'null'
    const got = JSON.parse(json.replace(/&quot;/g, '"')) as Record<string, number | string | null>
    expect(got.first).toBe('H2')
    if (got.checks !== null) expect(got.checks).toBeGreaterThan(got.h2 as number)
    expect(got.details).toBeGreaterThan((got.checks ?? got.h2) as number)
    expect(got.open).toBe(false)
    expect(got.hiddenRows).toBe(true)
    // Sixty files or none: folded, a summary stays within a screen or so.
    expect(got.height).toBeLessThan(1300)
    if (keep !== undefined) {
      writeFileSync(page, gfmPage(markdownOf(run), 'Restore drill', run.name))
      await screenshot(
        page,
        900,
        Math.ceil((got.height as number) + 120),
        join(dir, `${slug(run.name)}.png`),
      )
    }
  })
})
