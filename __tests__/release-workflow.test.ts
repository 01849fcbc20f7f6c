// The release workflow's decisions, run: its scripts execute in bash against real files and real
// git repositories, so that a tag it should refuse is refused and v1 moves only where it should.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allSteps, readWorkflow, runScript, step, type ScriptRun } from './helpers/workflow.js'

const FILE = '.github/workflows/release.yml'
const workflow = readWorkflow(FILE)
const TAG_RULE = workflow.env?.TAG_RULE ?? ''
const script = (job: string, key: string): string => step(workflow, job, key).run ?? ''

const scratch = mkdtempSync(join(tmpdir(), 'snapshooter-release-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let dirs = 0
const newDir = (): string => {
  const dir = join(scratch, String(++dirs))
  mkdirSync(dir)
  return dir
}

/** git with an identity and nothing from the machine's configuration. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Release test', '-c', 'user.email=t@example.test', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
    },
  ).trim()
}

function commit(repo: string, file: string, text: string): string {
  writeFileSync(join(repo, file), text)
  git(repo, 'add', '-A')
  git(repo, 'commit', '--quiet', '-m', `${file}: ${text}`)
  return git(repo, 'rev-parse', 'HEAD')
}

const errors = (run: ScriptRun): string[] => run.commands.filter((c) => c.startsWith('::error::'))

describe('the release workflow', () => {
  it('runs when a release is published, one run at a time and never cut short', () => {
    expect(workflow.on).toEqual({ release: { types: ['published'] } })
    expect(workflow.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false })
  })

  it('takes the tag from the release event through the environment only', () => {
    expect(workflow.env).toMatchObject({
      TAG: '${{ github.event.release.tag_name }}',
      PRERELEASE: '${{ github.event.release.prerelease }}',
    })
    for (const { run = '' } of allSteps(workflow)) expect(run).not.toContain('${{')
  })

  it('checks the tag, then the version, then a fresh dist/, before the major tag job', () => {
    const steps = workflow.jobs.verify?.steps ?? []
    const at = (pick: (run: string) => boolean): number => steps.findIndex((s) => pick(s.run ?? ''))
    const order = [
      at((run) => run.includes('=~ $TAG_RULE')),
      steps.findIndex((s) => s.uses?.startsWith('actions/checkout@')),
      at((run) => run.includes('package.json')),
      at((run) => run.startsWith('npm ci')),
      at((run) => run === 'npm run bundle'),
      at((run) => run.includes('git status --porcelain -- dist/')),
    ]
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(order).not.toContain(-1)
    // Built from the lockfile and the registry alone, never from a cache another run wrote.
    const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))
    expect(setupNode?.with).toEqual({ 'node-version-file': '.node-version' })
    const tagJob = workflow.jobs['major-tag']
    expect(tagJob?.needs).toBe('verify')
    expect(tagJob?.env).toEqual({
      MAJOR: '${{ needs.verify.outputs.major }}',
      COMMIT: '${{ needs.verify.outputs.commit }}',
    })
    // The job that can write runs git only: no dependency's install script ever sees its token.
    for (const s of tagJob?.steps ?? []) expect(s.run ?? '').not.toMatch(/\bnpm\b|\bnode\b/)
  })
})

describe('the tag rule', () => {
  const check = (tag: string, prerelease = 'false'): ScriptRun =>
    runScript(script('verify', 'tag'), { TAG: tag, PRERELEASE: prerelease, TAG_RULE })

  it.each([
    'v1',
    'v1.2',
    '1.2.3',
    'v1.2.3-rc.1',
    'v01.2.3',
    'v1.2.3.4',
    'release-v1.2.3',
    'v1.2.3 ',
  ])('refuses %j on one error line, and moves nothing', (tag) => {
    const run = check(tag)
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([expect.stringMatching(/is not vX\.Y\.Z .*no major tag was moved/)])
    expect(run.outputs).toEqual({})
  })

  it.each([
    ['v1.2.3', 'v1'],
    ['v1.0.0', 'v1'],
    ['v10.20.30', 'v10'],
  ])('accepts %s, whose major tag is %s', (tag, major) => {
    const run = check(tag)
    expect({ status: run.status, commands: run.commands }).toEqual({ status: 0, commands: [] })
    expect(run.outputs).toEqual({ major })
  })

  it('refuses a pre-release: @v1 only ever reaches full releases', () => {
    const run = check('v1.3.0', 'true')
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining('v1.3.0 is marked as a pre-release')])
    expect(run.outputs).toEqual({})
  })

  it('shows a hostile tag name without its escapes', () => {
    const run = check('v1%0A::warning::x')
    expect(errors(run)).toEqual([expect.stringContaining('Release tag v1?0A??warning??x is not')])
  })
})

describe('the version check', () => {
  const dir = newDir()
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.2.3', type: 'module' }))
  const check = (tag: string): ScriptRun =>
    runScript(script('verify', "The tag is package.json's version"), { TAG: tag }, dir)

  it("passes the tag that is v + package.json's version", () => {
    expect(check('v1.2.3')).toMatchObject({ status: 0, commands: [] })
  })

  it('refuses any other on one line that names both', () => {
    const run = check('v1.2.4')
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([
      expect.stringContaining("Release v1.2.4 is not package.json's version v1.2.3"),
    ])
  })
})

describe('the dist/ check', () => {
  const repo = newDir()
  git(repo, 'init', '--quiet', '-b', 'main')
  mkdirSync(join(repo, 'dist'))
  const head = commit(repo, 'dist/index.js', 'built')
  const check = (): ScriptRun => runScript(script('verify', 'dist'), { TAG: 'v1.2.3' }, repo)

  it('passes a dist/ that the rebuild left as committed, and hands on the commit', () => {
    const run = check()
    expect({ status: run.status, commands: run.commands }).toEqual({ status: 0, commands: [] })
    expect(run.outputs).toEqual({ commit: head })
  })

  it.each([
    ['a changed file', 'index.js'],
    ['a new chunk', 'chunk-new.js'],
  ])('refuses %s', (_, file) => {
    writeFileSync(join(repo, 'dist', file), 'rebuilt differently')
    const run = check()
    git(repo, 'checkout', '--quiet', '--', 'dist')
    git(repo, 'clean', '--quiet', '-fd', '--', 'dist')
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining('dist/ at v1.2.3 differs')])
    expect(run.outputs).toEqual({})
  })
})

describe('the major tag move', () => {
  // A repository with releases, pushed to a bare origin; the job runs in a clone of it.
  const origin = join(newDir(), 'origin.git')
  git(scratch, 'init', '--quiet', '--bare', '-b', 'main', origin)
  const work = newDir()
  git(work, 'init', '--quiet', '-b', 'main')
  git(work, 'remote', 'add', 'origin', origin)
  const v100 = commit(work, 'a', '1.0.0')
  git(work, 'tag', 'v1.0.0')
  const v110 = commit(work, 'a', '1.1.0')
  git(work, 'tag', 'v1.1.0')
  commit(work, 'a', '1.2.0-rc.1')
  git(work, 'tag', 'v1.2.0-rc.1')
  git(work, 'push', '--quiet', 'origin', 'main', '--tags')
  const runner = newDir()
  git(runner, 'clone', '--quiet', origin, '.')

  const move = (tag: string, commitSha: string): ScriptRun => {
    // As the job's checkout of the verified commit does.
    git(runner, 'fetch', '--quiet', 'origin', commitSha)
    return runScript(
      script('major-tag', 'Move the major tag'),
      { TAG: tag, TAG_RULE, MAJOR: 'v1', COMMIT: commitSha },
      runner,
    )
  }
  const v1AtOrigin = (): string => git(origin, 'rev-parse', 'refs/tags/v1')

  it('moves v1 to the newest v1.x.y release, past a pre-release tag', () => {
    const run = move('v1.1.0', v110)
    expect(run.status).toBe(0)
    expect(run.commands).toEqual([`::notice::v1 now points to v1.1.0 (${v110}).`])
    expect(v1AtOrigin()).toBe(v110)
  })

  it('leaves v1 where it is for a patch to an older minor', () => {
    git(work, 'checkout', '--quiet', '-b', 'release-1.0', v100)
    const v101 = commit(work, 'b', '1.0.1')
    git(work, 'tag', 'v1.0.1')
    git(work, 'push', '--quiet', 'origin', 'v1.0.1')
    const run = move('v1.0.1', v101)
    expect(run.status).toBe(0)
    expect(run.commands).toEqual([
      '::notice::v1 stays at v1.1.0: v1.0.1 is not the newest v1 release.',
    ])
    expect(v1AtOrigin()).toBe(v110)
  })

  it('says on one line how to move it by hand when the push is refused', () => {
    git(work, 'checkout', '--quiet', 'main')
    const v111 = commit(work, 'a', '1.1.1')
    git(work, 'tag', 'v1.1.1')
    git(work, 'push', '--quiet', 'origin', 'main', 'v1.1.1')
    writeFileSync(join(origin, 'hooks', 'pre-receive'), '#!/bin/sh\necho refused >&2\nexit 1\n', {
      mode: 0o755,
    })
    const run = move('v1.1.1', v111)
    expect(run.status).toBe(1)
    expect(errors(run)).toEqual([
      '::error::v1 could not be moved to v1.1.1: the push was refused (see above). Move it by hand: git tag -f v1 v1.1.1^{} && git push -f origin refs/tags/v1',
    ])
    expect(v1AtOrigin()).toBe(v110)
  })
})
