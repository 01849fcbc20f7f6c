// The Publisher's order of work, with plain evidence and real runner files: everything is on
// disk and the verdict given before the drill issue is asked for, and outputs that cannot be
// written fail the step.
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { Publisher } from '../src/report/publish.js'
import { parseOutputFile } from '../scripts/lib/runner.js'

const dir = mkdtempSync(join(tmpdir(), 'snapshooter-publish-'))
const outputFile = join(dir, 'github_output')
// @actions/core remembers the first summary path it sees, so one file serves every test.
const summaryFile = join(dir, 'step_summary')
const saved = { ...process.env }
let log: string[]

beforeEach(() => {
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  process.env.GITHUB_OUTPUT = outputFile
  process.env.GITHUB_STEP_SUMMARY = summaryFile
  log = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    log.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  process.exitCode = undefined
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ended = (outcome: Evidence['outcome'], error: string | null): Evidence => ({
  ...newEvidence(),
  outcome,
  error,
})
const errors = (): string[] =>
  log.filter((line) => line.startsWith('::error::')).map((line) => line.trim())

describe('Publisher.finish', () => {
  it('writes outputs, summary and verdict before it asks for the drill issue', async () => {
    const seen: { summary?: string; outputs?: Record<string, string>; exitCode?: unknown } = {}
    await new Publisher(process.env).finish(
      ended('failed', 'Restore r1 ended with status "failed".'),
      async () => {
        seen.summary = readFileSync(summaryFile, 'utf8')
        seen.outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
        seen.exitCode = process.exitCode
        return { action: 'open', number: 5, url: 'https://github.example/acme/backups/issues/5' }
      },
    )
    expect(seen).toMatchObject({
      summary: expect.stringContaining('## ❌ Restore drill failed'),
      outputs: { outcome: 'failed', issue_number: '', issue_url: '' },
      exitCode: 1,
    })
    // The alert's result comes after, the summary's last line and the outputs' last word.
    const summary = readFileSync(summaryFile, 'utf8')
    expect(summary.startsWith(seen.summary ?? '-')).toBe(true)
    expect(summary.trimEnd().split('\n').at(-1)).toBe(
      '> Drill issue [#5](https://github.example/acme/backups/issues/5): opened.',
    )
    expect(parseOutputFile(readFileSync(outputFile, 'utf8'))).toMatchObject({
      issue_number: '5',
      issue_url: 'https://github.example/acme/backups/issues/5',
    })
    expect(errors()).toEqual(['::error::Restore r1 ended with status "failed".'])
  })

  it('records the history after the evidence, its section after the summary, its warnings', async () => {
    const seen: { summary?: string; outputs?: Record<string, string>; outcome?: string } = {}
    await new Publisher(process.env).finish(
      ended('succeeded', null),
      async () => ({ action: 'resolve', number: 5, url: 'https://github.example/issues/5' }),
      async (result) => {
        seen.summary = readFileSync(summaryFile, 'utf8')
        seen.outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
        seen.outcome = result.outcome
        return {
          url: 'https://github.com/acme/backups/tree/drills',
          markdown: '\n### Drill history of job j\n',
          warnings: ['Restore drill job j: each of the last 3 restores took over 80 %.'],
        }
      },
    )
    expect(seen).toMatchObject({
      summary: expect.stringContaining('## ✅ Restore drill succeeded'),
      outputs: { outcome: 'succeeded', history_url: '' },
      outcome: 'succeeded',
    })
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
    expect(outputs.history_url).toBe('https://github.com/acme/backups/tree/drills')
    const summary = readFileSync(summaryFile, 'utf8')
    const history = summary.indexOf('### Drill history of job j')
    expect(history).toBeGreaterThan(summary.indexOf('## ✅ Restore drill succeeded'))
    // The history is a section of its own, after the drill's summary, its issue line and footer.
    expect(summary.indexOf('Drill issue [#5]')).toBeGreaterThan(0)
    expect(history).toBeGreaterThan(summary.indexOf('Drill issue [#5]'))
    expect(log.filter((line) => line.startsWith('::warning::'))).toEqual([
      '::warning::Restore drill job j: each of the last 3 restores took over 80 %25.\n',
    ])
    expect(process.exitCode).toBeUndefined()
  })

  it('puts the drill issue line above the footer, which closes the summary', async () => {
    const env = { ...process.env, GITHUB_REPOSITORY: 'acme/backups', GITHUB_RUN_ID: '7' }
    Object.assign(env, { GITHUB_WORKFLOW: 'Restore drill', GITHUB_EVENT_NAME: 'schedule' })
    let posted = ''
    await new Publisher(env).finish(ended('failed', 'Restore r1 failed.'), async (_, markdown) => {
      posted = markdown
      return { action: 'comment', number: 5, url: 'https://github.example/acme/backups/issues/5' }
    })
    const footer = '<sub>Restore drill · run 7 · schedule</sub>'
    const lines = readFileSync(summaryFile, 'utf8').trimEnd().split('\n')
    expect(lines.slice(-3)).toEqual([
      '> Drill issue [#5](https://github.example/acme/backups/issues/5): commented on.',
      '',
      footer,
    ])
    expect(lines.filter((line) => line === footer)).toHaveLength(1)
    // The issue gets the summary as the run page shows it, footer included.
    expect(posted.trimEnd().endsWith(footer)).toBe(true)
  })

  it('ends the summary with its footer when no drill issue is asked for', async () => {
    const env = { ...process.env, GITHUB_REPOSITORY: 'acme/backups', GITHUB_RUN_ID: '7' }
    await new Publisher(env).finish(ended('succeeded', null))
    const summary = readFileSync(summaryFile, 'utf8')
    expect(summary.trimEnd().split('\n').at(-1)).toBe('<sub>workflow · run 7 · </sub>')
    expect(summary).toContain('\n\n<sub>')
  })

  it('fails a green run whose outputs cannot be written at the end', async () => {
    process.env.GITHUB_OUTPUT = join(dir, 'gone', 'output')
    await new Publisher(process.env).finish(ended('succeeded', null))
    expect(process.exitCode).toBe(1)
    expect(errors()).toEqual([
      expect.stringContaining('::error::The step outputs could not be written to GITHUB_OUTPUT'),
    ])
    expect(readFileSync(summaryFile, 'utf8')).toContain('## ❌ Restore drill failed')
  })

  it('keeps the first cause of a failing run, and warns about the outputs', async () => {
    process.env.GITHUB_OUTPUT = join(dir, 'gone', 'output')
    await new Publisher(process.env).finish(ended('failed', 'Backup b1 was not found.'))
    expect(errors()).toEqual(['::error::Backup b1 was not found.'])
    expect(log.filter((line) => line.startsWith('::warning::'))).toEqual([
      expect.stringContaining('could not be written to GITHUB_OUTPUT'),
    ])
  })
})
