// dist/licenses.txt: the name, version, licence and licence text of every package whose code
// went into dist/, so the bundle carries the notices that MIT, ISC and BSD ask to be kept.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageDir } from './dist-layout.js'

interface Notice {
  name: string
  version: string
  license: string
  text: string
}

// LICENSE, LICENCE, LICENSE.md, license.txt, LICENSE-MIT, COPYING: the spellings on npm.
const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i

function notice(root: string, dir: string): Notice {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string
  }
  const file = readdirSync(join(root, dir))
    .filter((name) => LICENSE_FILE.test(name))
    .sort()[0]
  const text = file === undefined ? '' : readFileSync(join(root, dir, file), 'utf8')
  return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNKNOWN', text }
}

/**
 * The licences text for the packages that `inputs` (paths relative to `root`, as esbuild's
 * metafile names them) come from, sorted by name so that two builds write the same bytes.
 */
export function licensesText(root: string, inputs: Iterable<string>): string {
  const dirs = new Set<string>()
  for (const input of inputs) {
    const dir = packageDir(input)
    if (dir !== null && existsSync(join(root, dir, 'package.json'))) dirs.add(dir)
  }
  const notices = [...dirs].map((dir) => notice(root, dir))
  notices.sort((a, b) => (a.name === b.name ? cmp(a.version, b.version) : cmp(a.name, b.name)))
  return notices
    .map(({ name, version, license, text }) =>
      [`${name} ${version}`, license, text.trim() || '(no licence file in the package)', ''].join(
        '\n',
      ),
    )
    .join('\n')
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
