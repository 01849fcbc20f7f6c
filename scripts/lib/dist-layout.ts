// The shape of dist/: which entry points it has, where the shared chunks go, and how to tell,
// from the built files alone, what a runner loads before the first line of the action runs.
// `npm run bundle` builds this layout; the bundle test and `npm run bench` read it back.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

/** Each action's `runs.main` is `dist/<name>.js`, built from the source file beside it. */
export const ENTRIES: Readonly<Record<string, string>> = {
  index: 'src/index.ts',
  jobs: 'src/fleet/jobs-action.ts',
  report: 'src/fleet/report-action.ts',
}

/** Chunks (shared code and lazily imported modules) live apart from the entry files. */
export const CHUNK_DIR = 'chunks'

/**
 * The files a static `import` in built code names: `import "./x.js"` and
 * `import { a } from "./x.js"`, never `import("./x.js")`. esbuild prints every import at the
 * start of a line and always with double quotes and a relative path to a sibling output.
 */
export function staticImports(code: string): string[] {
  const found: string[] = []
  const pattern = /^import\s+(?:[^;"'()]*?\s+from\s+)?"(\.{1,2}\/[^"]+)";?$/gm
  for (const match of code.matchAll(pattern)) found.push(match[1] as string)
  return found
}

/** The files a dynamic `import("./x.js")` in built code names: what loads later, if at all. */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\("(\.{1,2}\/[^"]+)"\)/g)].map((match) => match[1] as string)
}

/**
 * Every file Node reads to start `entry` (a path to a built file): the entry and, transitively,
 * what it imports statically, in the order first met.
 */
export function startFiles(entry: string, read = (path: string) => readFileSync(path, 'utf8')) {
  const seen: string[] = []
  const visit = (file: string): void => {
    if (seen.includes(file)) return
    seen.push(file)
    for (const spec of staticImports(read(file))) visit(join(dirname(file), spec))
  }
  visit(entry)
  return seen
}

/** Every built JavaScript file under `dir` (dist/), entries and chunks, in directory order. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) =>
      entry.isDirectory()
        ? builtFiles(join(dir, entry.name))
        : entry.name.endsWith('.js')
          ? [join(dir, entry.name)]
          : [],
    )
}

/** The package directory (`…node_modules/<name>`, the innermost) of a bundled path, or null. */
export function packageDir(source: string): string | null {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(
    source.replace(/\\/g, '/'),
  )
  return match ? (match[1] as string) : null
}

/** The npm package a bundled path comes from, or null for the action's own code. */
export function packageOf(source: string): string | null {
  return packageDir(source)?.replace(/^.*node_modules\//, '') ?? null
}

/** The packages whose code is in a built file, from the `sources` of its source map. */
export function packagesIn(file: string): string[] {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }
  const names = map.sources.map(packageOf).filter((name): name is string => name !== null)
  return [...new Set(names)].sort()
}

export interface StartPath {
  files: string[]
  bytes: number
  packages: string[]
}

/** What starting `dist/<entry>.js` costs: its files, their bytes and the packages in them. */
export function startPath(dist: string, entry: string): StartPath {
  const files = startFiles(join(dist, `${entry}.js`))
  return {
    files: files.map((file) => relative(dist, file)),
    bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    packages: [...new Set(files.flatMap(packagesIn))].sort(),
  }
}
