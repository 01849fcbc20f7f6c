// `npm run bundle`: dist/ from src/, with esbuild. Each entry of ENTRIES becomes
// dist/<name>.js (an ES module for Node 24); code that several entries or lazily imported
// modules share is split into dist/chunks/ once, so a lazy `await import()` in src/ stays lazy
// in dist/ and nothing is copied into two chunks. The output is readable (not minified), with
// source maps, and the same bytes on every build: CI rebuilds dist/ and refuses a difference.
import { build, type Metafile, type Plugin } from 'esbuild'
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHUNK_DIR, dynamicImports, ENTRIES, staticImports } from './lib/dist-layout.js'
import { licensesText } from './lib/licenses.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')

// A module of the @actions packages does no more at import time than build its own exports
// (reading the environment, at most printing a warning): no global state, no listeners. None of
// them says so in its package.json, so a bundler must keep, and Node evaluate, every module of
// theirs that is imported, used or not. Marking them free of side effects lets tree-shaking
// drop a module none of whose exports the action uses (a module that is used keeps all of its
// code): above all @actions/core's OIDC client (getIDToken, never called here), whose imports
// of @actions/http-client and undici would otherwise be evaluated on every start, before a
// single input is read. Only these packages, named one by one, each read for this.
const SIDE_EFFECT_FREE = new Set([
  '@actions/core',
  '@actions/exec',
  '@actions/github',
  '@actions/http-client',
  '@actions/io',
])

const owner = (path: string): string | undefined =>
  /[\\/]node_modules[\\/](@actions[\\/][^\\/]+)[\\/]/.exec(path)?.[1]?.replace('\\', '/')

const sideEffectFree: Plugin = {
  name: 'side-effect-free',
  setup(pluginBuild) {
    const again = Symbol('resolved by side-effect-free')
    pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === again) return undefined
      // Only imports of, or from inside, an @actions package can lead into one.
      if (!args.path.startsWith('@actions/') && owner(args.importer) === undefined) return undefined
      const { kind, importer, resolveDir, with: attributes } = args
      const result = await pluginBuild.resolve(args.path, {
        kind,
        importer,
        resolveDir,
        with: attributes,
        pluginData: again,
      })
      if (result.errors.length > 0) return { errors: result.errors }
      const name = owner(result.path)
      if (name === undefined || !SIDE_EFFECT_FREE.has(name)) return undefined
      return { path: result.path, namespace: result.namespace, sideEffects: false }
    })
  },
}

/**
 * The bundle test and the bench read dist/'s import graph from the built files, by pattern.
 * Here, where esbuild's own account (the metafile) is at hand, the two must agree, or the
 * build fails: a reader that misses an import would let the start path grow unseen.
 */
function checkImportReader(metafile: Metafile): void {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue
    const local = (kind: string): string[] =>
      output.imports
        .filter((entry) => entry.kind === kind && !entry.external)
        .map((entry) => entry.path)
        .sort()
    const code = readFileSync(join(ROOT, file), 'utf8')
    const read = (specs: string[]): string[] =>
      specs.map((spec) => relative(ROOT, join(ROOT, dirname(file), spec))).sort()
    const pairs = [
      [read(staticImports(code)), local('import-statement')],
      [read(dynamicImports(code)), local('dynamic-import')],
    ]
    for (const [found, expected] of pairs) {
      if (JSON.stringify(found) !== JSON.stringify(expected)) {
        throw new Error(
          `${file}: read imports ${JSON.stringify(found)} but esbuild wrote ${JSON.stringify(expected)}`,
        )
      }
    }
  }
}

async function bundle(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true })
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: DIST,
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: true,
    minify: false,
    metafile: true,
    logLevel: 'warning',
    // ES modules have no `require`; the CommonJS packages bundled here (axios's dependencies,
    // the proxy agents) call require('http') and the like, which esbuild leaves to a runtime
    // `require`. Each output file gets one, made for its own location.
    banner: {
      js: [
        "import { createRequire as __bundleCreateRequire } from 'node:module'",
        'const require = __bundleCreateRequire(import.meta.url)',
      ].join('\n'),
    },
    plugins: [sideEffectFree],
  })
  checkImportReader(result.metafile)
  // The repository's package.json says "type": "module" already; this keeps dist/ an ES module
  // tree wherever it is copied to.
  writeFileSync(join(DIST, 'package.json'), '{\n  "type": "module"\n}\n')
  const bundled = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input),
  )
  writeFileSync(join(DIST, 'licenses.txt'), licensesText(ROOT, bundled))
  for (const file of Object.keys(result.metafile.outputs).sort()) {
    if (!file.endsWith('.map')) console.log(`${file}  ${kib(statSync(join(ROOT, file)).size)}`)
  }
  console.log(
    `${relative(ROOT, join(DIST, 'licenses.txt'))}  ${kib(statSync(join(DIST, 'licenses.txt')).size)}`,
  )
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

await bundle()
