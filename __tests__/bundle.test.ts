// The committed dist/ keeps the start-up path lean: what Node reads before the action's first
// line (an entry file and the chunks it imports statically) holds the action's own code and
// @actions/core, while the HTTP stacks wait behind an `import()` until the inputs are valid.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  builtFiles,
  dynamicImports,
  ENTRIES,
  packageOf,
  packagesIn,
  startFiles,
  startPath,
  staticImports,
} from '../scripts/lib/dist-layout.js'
import { ROOT } from './helpers/action-yml.js'

const DIST = join(ROOT, 'dist')

// What a fail-fast run never needs: the API client's axios and its proxy agents, Octokit, the
// @actions/http-client + undici + tunnel stack that @actions/core's OIDC client and
// @actions/github import, and @actions/exec and io, which @actions/core's platform details use.
const LAZY_ONLY = [
  '@actions/http-client',
  '@actions/exec',
  '@actions/io',
  'undici',
  'tunnel',
  'axios',
  'follow-redirects',
  'form-data',
  'http-proxy-agent',
  'https-proxy-agent',
  'agent-base',
  '@octokit/core',
  '@octokit/request',
  '@octokit/plugin-rest-endpoint-methods',
]

// About 70 KiB today (the action's own code and @actions/core); the OIDC client's undici
// alone would add some 800 KiB. The margin is for the action's own code to grow.
const START_BUDGET_BYTES = 128 * 1024

describe('the start-up path of each dist/ entry', () => {
  for (const entry of Object.keys(ENTRIES)) {
    const start = startPath(DIST, entry)

    it(`dist/${entry}.js starts without any HTTP client, proxy agent or Octokit`, () => {
      expect(start.packages.filter((name) => LAZY_ONLY.includes(name))).toEqual([])
    })

    it(`dist/${entry}.js and the chunks it imports statically stay under ${START_BUDGET_BYTES / 1024} KiB`, () => {
      expect(start.bytes).toBeLessThan(START_BUDGET_BYTES)
    })
  }

  it('still ships the lazy packages, behind an import() of a chunk off the start path', () => {
    const onStart = new Set(Object.keys(ENTRIES).flatMap((e) => startPath(DIST, e).files))
    const lazy = builtFiles(DIST)
      .filter((file) => !onStart.has(file.slice(DIST.length + 1)))
      .flatMap(packagesIn)
    // The reader sees these packages where they are, so their absence above means something.
    for (const name of ['axios', 'https-proxy-agent', 'undici', '@octokit/core']) {
      expect(lazy).toContain(name)
    }
    const entryCode = readFileSync(join(DIST, 'index.js'), 'utf8')
    expect(dynamicImports(entryCode).length).toBeGreaterThan(0)
  })

  it('has one entry per action: every runs.main is a dist/ entry that exists', () => {
    const ymls = ['action.yml', ...readdirSync(ROOT).map((dir) => join(dir, 'action.yml'))]
    const mains = ymls
      .filter((file) => existsSync(join(ROOT, file)))
      .map((file) => parse(readFileSync(join(ROOT, file), 'utf8')) as { runs: { main: string } })
      .map(({ runs }) => runs.main.replace(/^(\.\.\/)+/, ''))
    expect(mains).toContain('dist/index.js')
    for (const main of mains) {
      expect(Object.keys(ENTRIES).map((name) => `dist/${name}.js`)).toContain(main)
      expect(existsSync(join(ROOT, main))).toBe(true)
    }
  })
})

describe('reading the import graph of built files', () => {
  const code = [
    "import { createRequire as __bundleCreateRequire } from 'node:module'",
    'import {',
    '  getInput,',
    '  setFailed',
    '} from "./chunks/chunk-AAAA.js";',
    'import "./chunks/chunk-BBBB.js";',
    'import * as os from "os";',
    'const text = `import "./not-code.js"`;',
    '  const { createClient } = await import("./chunks/client-CCCC.js");',
  ].join('\n')

  it('takes static imports of sibling files, not builtins, strings or import()', () => {
    expect(staticImports(code)).toEqual(['./chunks/chunk-AAAA.js', './chunks/chunk-BBBB.js'])
  })

  it('finds each import() of a chunk, which stays off the start path', () => {
    expect(dynamicImports(code)).toEqual(['./chunks/client-CCCC.js'])
  })

  it('follows static imports transitively, once each, and never into import()', () => {
    const files: Record<string, string> = {
      'dist/index.js': 'import { a } from "./chunks/a.js";\nawait import("./chunks/lazy.js")',
      'dist/chunks/a.js': 'import "./b.js";\nimport "./a.js";',
      'dist/chunks/b.js': 'export const b = 1',
    }
    const read = (path: string): string => files[path] ?? ''
    expect(startFiles('dist/index.js', read)).toEqual([
      'dist/index.js',
      'dist/chunks/a.js',
      'dist/chunks/b.js',
    ])
  })

  it('names the innermost package of a source path, and none for the action', () => {
    expect(packageOf('../../node_modules/undici/lib/core/util.js')).toBe('undici')
    expect(packageOf('../node_modules/@actions/core/lib/core.js')).toBe('@actions/core')
    expect(packageOf('node_modules/axios/node_modules/agent-base/dist/index.js')).toBe('agent-base')
    expect(packageOf('../src/main.ts')).toBeNull()
  })
})
