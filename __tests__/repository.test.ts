// The repository around the code: code scanning, owners, issue forms that ask for the evidence
// the action leaves, a pull request checklist, and an end-to-end run on every runner OS.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { Outcomes } from '../src/inputs/names.js'
import { describeWaitEvent } from '../src/restore/log.js'
import { ROOT } from './helpers/action-yml.js'
import { allSteps, readText, readWorkflow } from './helpers/workflow.js'

interface FormField {
  type: string
  id?: string
  attributes: { label?: string; value?: string; options?: string[]; render?: string }
  validations?: { required?: boolean }
}
interface IssueForm {
  name: string
  description: string
  labels?: string[]
  body: FormField[]
}

const TEMPLATES = '.github/ISSUE_TEMPLATE'
const form = (name: string): IssueForm => parse(readText(`${TEMPLATES}/${name}`)) as IssueForm
const field = (f: IssueForm, id: string): FormField | undefined => f.body.find((b) => b.id === id)
const required = (f: IssueForm): string[] =>
  f.body.filter((b) => b.validations?.required === true).map((b) => b.id ?? '')
const oneLine = (text: string): string => text.replace(/\s+/g, ' ')

describe('code scanning', () => {
  const workflow = readWorkflow('.github/workflows/codeql.yml')
  const job = workflow.jobs.analyze

  it('runs on pushes to main, pull requests and once a week', () => {
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] }, pull_request: null })
    const schedule = workflow.on.schedule as { cron: string }[]
    expect(schedule).toHaveLength(1)
    // minute hour * * weekday: one day of the week.
    expect(schedule[0]?.cron).toMatch(/^\d+ \d+ \* \* [0-6]$/)
  })

  it('analyses the TypeScript, and the workflows, with CodeQL', () => {
    expect(job?.strategy?.matrix?.language).toEqual(['javascript-typescript', 'actions'])
    const uses = (job?.steps ?? []).map((s) => s.uses?.replace(/@.*/, ''))
    expect(uses).toEqual([
      'actions/checkout',
      'github/codeql-action/init',
      'github/codeql-action/analyze',
    ])
    const init = job?.steps?.[1]
    expect(init?.with).toMatchObject({ languages: '${{ matrix.language }}', 'build-mode': 'none' })
    expect(parse(String(init?.with?.config))).toEqual({ 'paths-ignore': ['dist', '__tests__'] })
  })
})

describe('CODEOWNERS', () => {
  const rules = readText('.github/CODEOWNERS')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))

  it('gives every path an owner', () => {
    expect(rules[0]).toMatch(/^\* @/)
    for (const rule of rules) expect(rule).toMatch(/^\S+( @[\w-]+(\/[\w-]+)?)+$/)
  })
})

describe('issue forms', () => {
  it('are every file of the template folder, and each parses', () => {
    const files = readdirSync(join(ROOT, TEMPLATES)).sort()
    expect(files).toEqual([
      'bug_report.yml',
      'config.yml',
      'feature_request.yml',
      'unknown_status.yml',
    ])
    for (const name of files.filter((f) => f !== 'config.yml')) {
      const f = form(name)
      expect(f.name).toEqual(expect.any(String))
      expect(f.description).toEqual(expect.any(String))
      const ids = f.body.filter((b) => b.type !== 'markdown').map((b) => b.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).not.toContain(undefined)
    }
  })

  it('send vulnerabilities to SECURITY.md, and allow no blank issue', () => {
    const config = parse(readText(`${TEMPLATES}/config.yml`)) as {
      blank_issues_enabled: boolean
      contact_links: { url: string }[]
    }
    expect(config.blank_issues_enabled).toBe(false)
    expect(config.contact_links.map((link) => link.url)).toContain(
      'https://github.com/snapshooter-restore/snapshooter-restore/blob/main/SECURITY.md',
    )
    expect(existsSync(join(ROOT, 'SECURITY.md'))).toBe(true)
  })

  it('ask a bug for the evidence: outcome, error line, result JSON, version, workflow', () => {
    const bug = form('bug_report.yml')
    expect(required(bug)).toEqual(
      expect.arrayContaining(['outcome', 'result', 'version', 'workflow']),
    )
    expect(field(bug, 'outcome')?.attributes.options).toEqual(expect.arrayContaining([...Outcomes]))
    expect(field(bug, 'error')?.attributes.label).toMatch(/error line/i)
    expect(field(bug, 'result')?.attributes.render).toBe('json')
    expect(field(bug, 'workflow')?.attributes.render).toBe('yaml')
  })

  it("quote the action's unknown-status warning, and ask what came next", () => {
    const unknown = form('unknown_status.yml')
    const warning = describeWaitEvent({ type: 'unknown_status', word: '…' })
    expect(warning.level).toBe('warning')
    const intro = unknown.body.find((b) => b.type === 'markdown')?.attributes.value ?? ''
    expect(oneLine(intro).replace(/\*/g, '')).toContain(warning.text)
    expect(required(unknown)).toEqual(['word', 'next', 'restore-id', 'version'])
  })
})

describe('the pull request template', () => {
  it('asks what changed, how it was tested, npm test, dist/ and docs', () => {
    const template = readText('.github/pull_request_template.md')
    for (const part of [
      '## What changed',
      '## How it was tested',
      '`npm test`',
      '`npm run bundle`',
    ])
      expect(template).toContain(part)
    expect(template).toMatch(/- \[ \] README/)
  })
})

describe('the end-to-end workflow', () => {
  const workflow = readWorkflow('.github/workflows/e2e.yml')
  const job = workflow.jobs.e2e

  it('runs on Linux, Windows and macOS, each to the end', () => {
    expect(job?.strategy).toEqual({
      'fail-fast': false,
      matrix: { os: ['ubuntu-latest', 'windows-latest', 'macos-latest'] },
    })
    expect(job?.['runs-on']).toBe('${{ matrix.os }}')
  })

  it('names the shell of every script, since Windows would pick PowerShell', () => {
    for (const s of allSteps(workflow).filter((s) => s.run !== undefined))
      expect([s.name ?? s.run, s.shell ?? job?.defaults?.run?.shell]).toEqual([
        s.name ?? s.run,
        expect.stringMatching(/^(bash|node \{0\})$/),
      ])
  })

  it('keeps the evidence of each runner under its own artifact name', () => {
    const uploads = allSteps(workflow).filter((s) => s.uses?.startsWith('actions/upload-artifact@'))
    expect(uploads.map((s) => s.with?.name)).toEqual(['e2e-evidence-${{ matrix.os }}'])
  })

  it('runs the fleet flow through both sub-actions, from their own folders', () => {
    const uses = allSteps(workflow).map((s) => s.uses)
    expect(uses).toEqual(expect.arrayContaining(['./jobs', './report']))
    expect(uses.indexOf('./jobs')).toBeLessThan(uses.indexOf('./report'))
  })

  it('downloads a backup as well, into the default folder under RUNNER_TEMP', () => {
    const download = allSteps(workflow).find((s) => s.uses === './' && s.with?.mode === 'download')
    expect(download).toBeDefined()
    expect(download?.with).not.toHaveProperty('download_to')
  })
})
