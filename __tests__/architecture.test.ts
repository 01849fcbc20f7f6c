// The shape of src/ (docs/architecture.md): folders that import each other in no circle, files
// that stay short, one reader of the inputs and one writer of the evidence. Each rule is a pure
// check over source text, shown failing on a small example before it is run over src/.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import ts from 'typescript'
import { ROOT } from './helpers/action-yml.js'

interface Source {
  /** Relative to src/, with `/`. */
  path: string
  text: string
}

const MAX_LINES = 250
const INPUT_READER = 'inputs/read.ts'
const EVIDENCE_WRITER = 'report/record.ts'

function sources(dir = join(ROOT, 'src')): Source[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    if (!entry.name.endsWith('.ts')) return []
    const text = readFileSync(path, 'utf8')
    return [{ path: relative(join(ROOT, 'src'), path).split('\\').join('/'), text }]
  })
}

/** A folder of src/, or a file at its top (`main`, `failure`): the nodes of the import graph. */
function nodeOf(path: string): string {
  const [first = '', ...rest] = path.split('/')
  return rest.length > 0 ? first : first.replace(/\.[jt]s$/, '')
}

/**
 * Which nodes each node imports: static imports, `import type`, re-exports and `import()`, as
 * TypeScript's own pre-processor reads them (no comment or string is taken for an import).
 */
function importGraph(files: readonly Source[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const { path, text } of files) {
    const from = nodeOf(path)
    const edges = graph.get(from) ?? new Set<string>()
    graph.set(from, edges)
    const { importedFiles } = ts.preProcessFile(text, true, true)
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue
      const target = posix.normalize(posix.join(posix.dirname(path), fileName))
      if (target.startsWith('..')) continue
      const to = nodeOf(target)
      if (to !== from) edges.add(to)
    }
  }
  return graph
}

/** A circle of imports, as the nodes on it with the first repeated at the end; null when none. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const done = new Set<string>()
  const visit = (node: string, path: string[]): string[] | null => {
    const at = path.indexOf(node)
    if (at !== -1) return [...path.slice(at), node]
    if (done.has(node)) return null
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next, [...path, node])
      if (cycle !== null) return cycle
    }
    done.add(node)
    return null
  }
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node, [])
    if (cycle !== null) return cycle
  }
  return null
}

function overlong(files: readonly Source[]): { path: string; lines: number }[] {
  return files
    .map(({ path, text }) => ({ path, lines: text.split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
}

function parse({ path, text }: Source): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
}

function each(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node)
  ts.forEachChild(node, (child) => each(child, visit))
}

/** Files that name an input reader of @actions/core in code (not in a comment or a string). */
function inputReaders(files: readonly Source[]): string[] {
  const READERS = new Set(['getInput', 'getBooleanInput', 'getMultilineInput'])
  return files
    .filter((file) => {
      let found = false
      each(parse(file), (node) => (found ||= ts.isIdentifier(node) && READERS.has(node.text)))
      return found
    })
    .map(({ path }) => path)
}

/** The name an access chain starts from: `evidence` for `evidence.download.files`, `this.evidence.x`. */
function rootName(node: ts.Node): string | null {
  let at = node
  for (;;) {
    if (ts.isParenthesizedExpression(at) || ts.isNonNullExpression(at)) at = at.expression
    else if (ts.isPropertyAccessExpression(at) && at.expression.kind === ts.SyntaxKind.ThisKeyword)
      return at.name.text
    else if (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at))
      at = at.expression
    else return ts.isIdentifier(at) ? at.text : null
  }
}

const isAccess = (node: ts.Node): boolean =>
  ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)
const isEvidenceType = (type: ts.TypeNode | undefined): boolean =>
  type !== undefined && /^(Readonly<\s*)?(Download)?Evidence\b/.test(type.getText())
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill'])

/**
 * Where code writes to the evidence: an assignment to, `++` or `delete` of, a mutating call on,
 * or Object.assign into anything reached from a name for the evidence, and every newEvidence().
 * The names are `evidence`, whatever is declared as Evidence or DownloadEvidence, and what is
 * taken out of one of those (`const { download } = evidence`); an alias made any other way (a
 * function's return value) goes unseen.
 */
function evidenceWrites(files: readonly Source[]): string[] {
  return files.flatMap((file) => {
    const tree = parse(file)
    const names = new Set(['evidence'])
    each(tree, (node) => {
      if (!ts.isParameter(node) && !ts.isVariableDeclaration(node)) return
      const fromEvidence =
        isEvidenceType(node.type) ||
        (ts.isVariableDeclaration(node) &&
          node.initializer !== undefined &&
          names.has(rootName(node.initializer) ?? ''))
      if (!fromEvidence) return
      each(node.name, (part) => {
        if (ts.isIdentifier(part)) names.add(part.text)
      })
    })
    const reached = (node: ts.Node): boolean => names.has(rootName(node) ?? '')
    const found: string[] = []
    each(tree, (node) => {
      const assigned =
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
        isAccess(node.left) &&
        reached(node.left)
      const stepped =
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator) &&
        reached(node.operand)
      const deleted = ts.isDeleteExpression(node) && reached(node.expression)
      const called =
        ts.isCallExpression(node) &&
        ((ts.isPropertyAccessExpression(node.expression) &&
          MUTATORS.has(node.expression.name.text) &&
          isAccess(node.expression.expression) &&
          reached(node.expression.expression)) ||
          (node.expression.getText() === 'Object.assign' &&
            node.arguments[0] !== undefined &&
            reached(node.arguments[0])) ||
          node.expression.getText() === 'newEvidence')
      if (!assigned && !stepped && !deleted && !called) return
      const { line } = tree.getLineAndCharacterOfPosition(node.getStart(tree))
      found.push(`${file.path}:${line + 1}: ${node.getText().split('\n')[0]}`)
    })
    return found
  })
}

const src = sources()
const others = (keep: string): Source[] => src.filter(({ path }) => path !== keep)

describe('the checks themselves', () => {
  const file = (path: string, text: string): Source => ({ path, text })

  it('find a circle of folder imports, type imports and import() included', () => {
    const files = [
      file('restore/run.ts', "import type { Evidence } from '../report/evidence.js'"),
      file('report/record.ts', "const { x } = await import('../restore/run.js')"),
      file('main.ts', "import { run } from './restore/run.js'\nimport './report/record.js'"),
    ]
    expect(findCycle(importGraph(files))).toEqual(['report', 'restore', 'report'])
    expect(findCycle(importGraph(files.slice(1)))).toBeNull()
    // Inside one folder, or from a comment, there is no edge.
    const quiet = [file('report/a.ts', "// from '../restore/x.js'\nimport './b.js'")]
    expect([...(importGraph(quiet).get('report') ?? [])]).toEqual([])
  })

  it(`find a file over ${MAX_LINES} lines`, () => {
    const long = file('drill/long.ts', 'x\n'.repeat(MAX_LINES + 1))
    const fits = file('drill/fits.ts', 'x\n'.repeat(MAX_LINES))
    expect(overlong([long, fits])).toEqual([{ path: 'drill/long.ts', lines: MAX_LINES + 1 }])
  })

  it('find an input read outside the reader, in code, not in a comment', () => {
    const files = [
      file('main.ts', "const token = core.getInput('api_token')"),
      file('restore/run.ts', 'const read = core.getBooleanInput\nread("wait")'),
      file('report/summary.ts', '// As core.getBooleanInput reads it.\nconst text = "getInput"'),
    ]
    expect(inputReaders(files)).toEqual(['main.ts', 'restore/run.ts'])
  })

  it('find a write to the evidence, under its name, a name typed so, or a part taken out', () => {
    const files = [
      file('restore/start.ts', 'evidence.requestInFlight = true'),
      file('download/backup.ts', 'function f(record: DownloadEvidence) {\n  record.files = []\n}'),
      file('report/publish.ts', 'evidence.checks.push(check)\nObject.assign(evidence, { a })'),
      file('report/outputs.ts', "const { download } = evidence\ndownload.status = 'failed'"),
      file('main.ts', 'const evidence = newEvidence()\nthis.evidence.error ??= null'),
      file('report/result.ts', "if (evidence.outcome === 'failed') return { ...evidence }"),
    ]
    expect(evidenceWrites(files)).toEqual([
      'restore/start.ts:1: evidence.requestInFlight = true',
      'download/backup.ts:2: record.files = []',
      'report/publish.ts:1: evidence.checks.push(check)',
      'report/publish.ts:2: Object.assign(evidence, { a })',
      "report/outputs.ts:2: download.status = 'failed'",
      'main.ts:1: newEvidence()',
      'main.ts:2: this.evidence.error ??= null',
    ])
  })
})

describe('src/', () => {
  it('has no circle of imports between its folders', () => {
    expect(findCycle(importGraph(src))).toBeNull()
  })

  it(`has no file over ${MAX_LINES} lines`, () => {
    expect(overlong(src)).toEqual([])
  })

  it(`reads inputs only in ${INPUT_READER}`, () => {
    expect(inputReaders(src)).toEqual([INPUT_READER])
  })

  it(`writes the evidence only in ${EVIDENCE_WRITER}`, () => {
    expect(evidenceWrites(others(EVIDENCE_WRITER))).toEqual([])
    // The check sees the writes where they are, so their absence elsewhere means something.
    expect(evidenceWrites(src.filter(({ path }) => path === EVIDENCE_WRITER))).not.toEqual([])
  })

  it('keeps the commands below the run record', () => {
    const graph = importGraph(src)
    for (const command of ['drill', 'restore', 'download'])
      expect([...(graph.get(command) ?? [])]).not.toContain('report')
    expect(dirname(join('src', EVIDENCE_WRITER))).toBe(join('src', 'report'))
  })
})
