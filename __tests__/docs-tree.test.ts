// The maps of the code that people read (CONTRIBUTING's layout, docs/architecture.md, the API
// assumptions page) must name what is really there, and leave nothing of src/ out.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers/action-yml.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

/** `src/x/` for each folder of src/, `src/x.ts` for each file at its top. */
function srcEntries(): string[] {
  return readdirSync(join(ROOT, 'src')).map((name) =>
    statSync(join(ROOT, 'src', name)).isDirectory() ? `src/${name}/` : `src/${name}`,
  )
}

/** Every `src/...` path a text names, as written (a folder ends in `/`). */
function namedPaths(text: string): string[] {
  return [...new Set([...text.matchAll(/\bsrc\/[\w./-]*[\w/]/g)].map(([path]) => path))]
}

/** The fenced block of CONTRIBUTING's Layout section. */
function contributingLayout(): string {
  const text = read('CONTRIBUTING.md')
  const section = text.slice(text.indexOf('## Layout'))
  return /```\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
}

/** The rows of the map table in docs/architecture.md: the folder and the files it names. */
function architectureRows(): { entry: string; files: string[] }[] {
  const text = read('docs/architecture.md')
  const table = text.slice(text.indexOf('## The map'), text.indexOf('```mermaid'))
  return [...table.matchAll(/^\| `(src\/[^`]+)`(?:, `(src\/[^`]+)`)? +\| (.*?) +\|$/gm)].flatMap(
    ([, first = '', second, rest = '']) =>
      [first, second]
        .filter((entry): entry is string => entry !== undefined)
        .map((entry) => ({
          entry,
          files: entry.endsWith('/')
            ? [...rest.matchAll(/`([\w-]+\.ts)`/g)].map(([, file = '']) => file)
            : [],
        })),
  )
}

describe.each([
  ['CONTRIBUTING.md', contributingLayout],
  ['docs/architecture.md', (): string => read('docs/architecture.md')],
])('%s', (_, text) => {
  it('names only paths of src/ that exist', () => {
    const missing = namedPaths(text()).filter((path) => !existsSync(join(ROOT, path)))
    expect(missing).toEqual([])
  })

  it('names every folder of src/ and every file at its top', () => {
    const named = new Set(namedPaths(text()))
    expect(srcEntries().filter((entry) => !named.has(entry))).toEqual([])
  })
})

describe('docs/architecture.md', () => {
  it('has a row for every folder of src/, naming only files that folder holds', () => {
    const rows = architectureRows()
    expect(rows.map((row) => row.entry).sort()).toEqual(srcEntries().sort())
    for (const { entry, files } of rows) {
      const missing = files.filter((file) => !existsSync(join(ROOT, entry, file)))
      expect({ entry, missing }).toEqual({ entry, missing: [] })
    }
  })

  it('has every section that comments in the code cite', () => {
    const headings = new Set(
      [...read('docs/architecture.md').matchAll(/^## (.+)$/gm)].map(([, title = '']) => title),
    )
    const cited = new Set<string>()
    for (const dir of ['src', 'scripts', 'simulator', '__tests__']) {
      for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts')) continue
        const code = read(join(dir, file)).replace(/\n\s*\/\/\s*/g, ' ')
        for (const [, title = ''] of code.matchAll(
          /docs\/architecture\.md, ([A-Z][\w ]*\w)(?=[).,;:])/g,
        ))
          cited.add(title)
      }
    }
    expect([...cited].filter((title) => !headings.has(title))).toEqual([])
    expect(cited.size).toBeGreaterThan(0)
  })
})

describe('docs/snapshooter-api.md', () => {
  const rows = [...read('docs/snapshooter-api.md').matchAll(/^\| (A\d+) +\|.*$/gm)]

  it('lists the assumptions A1 to A9 in order', () => {
    expect(rows.map(([, id]) => id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9'])
  })

  it('places each assumption in a file that declares the name it gives', () => {
    for (const [row = '', id] of rows) {
      const [file, name] = [...row.matchAll(/`(src\/[\w/.-]+\.ts)` `(\w+)`/g)][0]?.slice(1) ?? []
      expect({ id, file: file !== undefined }).toEqual({ id, file: true })
      const code = read(file ?? '')
      expect({
        id,
        name,
        declared: new RegExp(`export (const|function) ${name}\\b`).test(code),
      }).toEqual({ id, name, declared: true })
    }
  })
})
