// The README is the page people copy from: short, usage first, and its first snippet safe to
// paste. Its links, and those of the pages under docs/ it sends readers to, must lead somewhere.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './helpers/action-yml.js'
import { anchors, relativeTargets, section, slug, withoutCode } from './helpers/markdown.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const readme = read('README.md')

/** README.md and every page under docs/, relative to the root. */
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]

describe('README.md', () => {
  it('is at most 2,500 words, tables included (as wc -w counts)', () => {
    const words = readme.split(/\s+/).filter((word) => word !== '').length
    expect(words).toBeLessThanOrEqual(2500)
  })

  it('opens with the quick start, the overwrite warning inside it', () => {
    const headings = [...withoutCode(readme).matchAll(/^## (.+)$/gm)].map(([, title]) => title)
    expect(headings[0]).toBe('Quick start')
    const quickStart = section(readme, 'Quick start')
    expect(quickStart).toMatch(/^> \[!WARNING\]\n> \*\*A restore overwrites\.\*\*/m)
    expect(quickStart).toContain('`server_id`')
    expect(quickStart).toContain('`dry_run: true`')
    expect(quickStart).toMatch(/job's UUID[\s\S]*GET \/v1\/jobs/)
  })

  it('has a first snippet that restores nothing onto the origin: a dry run or a scratch server', () => {
    const first = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(readme.indexOf(first)).toBeLessThan(readme.indexOf('\n## Try it without an account'))
    const parsed: unknown = parse(first)
    const steps = (Array.isArray(parsed) ? parsed : []) as { uses?: string; with?: object }[]
    const ours = steps.filter((step) => step.uses?.startsWith('snapshooter-restore/'))
    expect(ours.length).toBeGreaterThan(0)
    for (const step of ours) {
      const given = (step.with ?? {}) as Record<string, unknown>
      const dryRun = given['dry_run'] === true || given['dry_run'] === 'true'
      const scratch = given['server_id'] !== undefined && given['compute_type'] !== undefined
      expect({ step: step.uses, safe: dryRun || scratch }).toEqual({ step: step.uses, safe: true })
    }
  })

  it('gives the two set-up commands, demo and tests, before the recipes', () => {
    const recipes = readme.indexOf('\n## Recipes\n')
    expect(recipes).toBeGreaterThan(0)
    for (const command of ['npm ci && npm run demo', 'npm test']) {
      const at = readme.indexOf(command)
      expect({ command, before: at !== -1 && at < recipes }).toEqual({ command, before: true })
    }
  })

  it('keeps a section on drilling every job, linking the fleet example and the reference', () => {
    const fleet = section(readme, 'Drill every job')
    expect(fleet).toContain('(examples/fleet-drill.yml)')
    expect(fleet).toContain('(docs/reference.md#the-jobs-sub-action)')
  })
})

describe('anchors as GitHub makes them', () => {
  it('drops punctuation and backticks, and joins words with hyphens', () => {
    expect(slug('The `jobs` sub-action')).toBe('the-jobs-sub-action')
    expect(slug('Evidence: the job summary and the result JSON')).toBe(
      'evidence-the-job-summary-and-the-result-json',
    )
    expect(slug('RPO/RTO checks')).toBe('rporto-checks')
    expect(slug('`max_jobs` and more')).toBe('max_jobs-and-more')
  })

  it('numbers a repeated heading, and sees no heading inside code', () => {
    const page = '# A\n\n## Inputs\n\n```yaml\n# not a heading\n```\n\n## Inputs\n'
    expect([...anchors(page)]).toEqual(['a', 'inputs', 'inputs-1'])
  })
})

describe.each(pages)('%s', (page) => {
  const text = read(page)
  const dir = dirname(join(ROOT, page))

  it('links only to files that exist, and to headings they have', () => {
    const broken = relativeTargets(text).filter((target) => {
      const [path = '', anchor] = target.split('#')
      const file = path === '' ? join(ROOT, page) : join(dir, decodeURI(path))
      if (!existsSync(file)) return true
      if (anchor === undefined || !file.endsWith('.md')) return false
      return !anchors(readFileSync(file, 'utf8')).has(anchor)
    })
    expect(broken).toEqual([])
  })
})
