// What a release and the Marketplace listing rest on: one version, a licence, a changelog,
// dependency updates, and workflows that pin what they run and ask for little.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { USER_AGENT, VERSION } from '../src/inputs/names.js'
import { ROOT, actionYml, workflowFiles } from './helpers/action-yml.js'
import { allSteps, readWorkflow, type Permissions } from './helpers/workflow.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const pkg = JSON.parse(read('package.json')) as { version: string; license: string }

describe('a release', () => {
  it('has one version: package.json, VERSION and the user agent agree', () => {
    expect(VERSION).toBe(pkg.version)
    expect(USER_AGENT).toBe(`snapshooter-restore/${pkg.version}`)
  })

  it('is under the licence package.json names', () => {
    expect(pkg.license).toBe('MIT')
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /)
  })

  it('has a changelog with an Unreleased section and a link for every version heading', () => {
    const changelog = read('CHANGELOG.md')
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)]
    expect(headings[0]?.[1]).toBe('Unreleased')
    for (const [, version, rest] of headings.slice(1)) {
      expect(version).toMatch(/^1\.\d+\.\d+$/)
      expect(rest).toMatch(/^ - \d{4}-\d\d-\d\d$/)
    }
    for (const [, version] of headings) expect(changelog).toContain(`\n[${version}]: https://`)
  })

  it('names one Node version, in .node-version, that everything else follows', () => {
    const major = read('.node-version').trim()
    expect(major).toMatch(/^\d+$/)
    expect(actionYml().runs.using).toBe(`node${major}`)
    expect((pkg as { engines?: { node?: string } }).engines?.node).toBe(`>=${major}`)
    expect(read('.ci/run')).toContain('.node-version')
    for (const file of workflowFiles().filter((f) => f.startsWith('.github/'))) {
      const text = read(file)
      if (!text.includes('actions/setup-node@')) continue
      expect(text).not.toMatch(/^\s*node-version:/m)
      expect(text).toMatch(/^\s*node-version-file: \.node-version$/m)
    }
  })

  it('gets weekly dependency updates for npm and the workflows', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      updates: { 'package-ecosystem': string; schedule: { interval: string } }[]
    }
    expect(config.updates.map((u) => [u['package-ecosystem'], u.schedule.interval])).toEqual([
      ['npm', 'weekly'],
      ['github-actions', 'weekly'],
    ])
  })
})

/** What each job's token may do where it differs from read-only contents: a write only where a
 * job's steps use it. Every other job of every workflow reads contents and nothing more. */
const READ_ONLY: Permissions = { contents: 'read' }
const JOB_PERMISSIONS: Record<string, Record<string, Permissions>> = {
  // Pushes the major tag; its steps are git alone.
  '.github/workflows/release.yml': { 'major-tag': { contents: 'write' } },
  // Uploads the results to code scanning.
  '.github/workflows/codeql.yml': {
    analyze: { actions: 'read', contents: 'read', 'security-events': 'write' },
  },
  // Opens, comments on and closes the drill issue; it checks out no code.
  'examples/restore-drill.yml': { drill: { issues: 'write' } },
  'examples/restore-drill-monthly.yml': { drill: { issues: 'write' } },
  // Writes the fleet's drill history (history_branch); the legs write nothing.
  'examples/fleet-drill.yml': { report: { contents: 'write' } },
}

describe('the pins', () => {
  it('name one commit and version per action across every workflow', () => {
    const pins = new Map<string, Set<string>>()
    const uses = /^\s*(?:- )?uses: ([^@\s]+)@(\S+.*)$/gm
    for (const file of workflowFiles())
      for (const [, action = '', pin = ''] of read(file).matchAll(uses))
        pins.set(action, new Set([...(pins.get(action) ?? []), pin]))
    for (const [action, seen] of pins) expect([action, seen.size]).toEqual([action, 1])
  })
})

describe.each(workflowFiles())('%s', (file) => {
  const text = read(file)
  const workflow = readWorkflow(file)

  it('pins every third-party action by full commit SHA, with its version in a comment', () => {
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)]
    for (const [, ref = '', comment] of uses) {
      // This action and its sub-actions (jobs, report), which live in its repository at its tag.
      if (
        ['./', './jobs', './report'].includes(ref) ||
        /^snapshooter-restore\/snapshooter-restore(\/(jobs|report))?@/.test(ref)
      )
        continue
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/)
    }
  })

  it('gives each job read-only contents, and a write only where its steps use it', () => {
    // Set at the top, so that no job falls back to the repository's default token, and
    // read-only there but for a drill's issues, so that a new job inherits no write.
    const alerting = /^\s*issue_on_failure: true\b/m.test(text)
    const writes = Object.entries(workflow.permissions ?? { unset: 'write' }).filter(
      ([scope, level]) => level !== 'read' && !(alerting && scope === 'issues'),
    )
    expect(writes).toEqual([])
    for (const [id, job] of Object.entries(workflow.jobs))
      expect([id, job.permissions ?? workflow.permissions]).toEqual([
        id,
        JOB_PERMISSIONS[file]?.[id] ?? READ_ONLY,
      ])
  })

  it('asks for issues: write exactly where a drill opens issues', () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const alerting = (job.steps ?? []).some((s) => s.with?.issue_on_failure === true)
      const granted = (job.permissions ?? workflow.permissions)?.issues === 'write'
      expect([id, granted]).toEqual([id, alerting])
    }
  })

  it('keeps no git credentials after a checkout, except in a job that pushes', () => {
    const checkouts = allSteps(workflow).filter((s) => s.uses?.startsWith('actions/checkout@'))
    for (const checkout of checkouts) {
      const steps = workflow.jobs[checkout.job]?.steps ?? []
      const pushes = steps.some((s) => /\bgit push\b/.test(s.run ?? ''))
      expect(checkout.with?.['persist-credentials']).toBe(pushes ? undefined : false)
    }
  })

  it('splices no expression into a run: script: values come in through env:', () => {
    for (const { run } of allSteps(workflow)) expect(run ?? '').not.toContain('${{')
  })

  if (file.startsWith('.github/') && 'pull_request' in workflow.on)
    it('cancels superseded runs of a pull request, and only those', () => {
      expect(workflow.concurrency?.group).toContain('${{ github.ref }}')
      expect(workflow.concurrency?.['cancel-in-progress']).toBe(
        "${{ github.event_name == 'pull_request' }}",
      )
    })
})
