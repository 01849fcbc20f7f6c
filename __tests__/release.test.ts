// What a release and the Marketplace listing rest on: one version, a licence, a changelog,
// dependency updates, and workflows that pin what they run and ask for little.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { USER_AGENT, VERSION } from '../src/inputs/names.js'
import { ROOT, actionYml, workflowFiles } from './helpers/action-yml.js'

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

interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': unknown }
  jobs: Record<string, { steps?: { uses?: string }[] }>
}

describe.each(workflowFiles())('%s', (file) => {
  const text = read(file)
  const workflow = parse(text) as Workflow

  it('pins every third-party action by full commit SHA, with its version in a comment', () => {
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)]
    for (const [, ref = '', comment] of uses) {
      if (ref === './' || ref.startsWith('snapshooter-restore/snapshooter-restore@')) continue
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/)
    }
  })

  it('asks for read-only contents, and issues: write only where a drill opens issues', () => {
    const alerting = /^\s*issue_on_failure: true\b/m.test(text)
    expect(workflow.permissions).toEqual({
      contents: 'read',
      ...(alerting ? { issues: 'write' } : {}),
    })
  })

  if (file.startsWith('.github/'))
    it('cancels superseded runs of a pull request, and only those', () => {
      expect(workflow.concurrency?.group).toContain('${{ github.ref }}')
      expect(workflow.concurrency?.['cancel-in-progress']).toBe(
        "${{ github.event_name == 'pull_request' }}",
      )
    })
})
