// What the demo prints once the action has ended: its outputs, and whether it behaved.
import { padEnd, type Style } from './style.js'

const JSON_WIDTH = 110

/** Outputs in action.yml's order, the JSON result pretty-printed below the table. */
export function renderOutputs(
  outputs: Record<string, string>,
  declared: string[],
  style: Style,
  mask: (text: string) => string,
): string[] {
  const names = [...declared, ...Object.keys(outputs).filter((name) => !declared.includes(name))]
  const width = Math.max(...names.map((name) => name.length))
  const lines: string[] = []
  for (const name of names) {
    const value = outputs[name]
    const shown =
      value === undefined
        ? style.dim('(not set)')
        : value === ''
          ? style.dim('(empty)')
          : name === 'result'
            ? style.dim('(one line of JSON, shown below)')
            : mask(value).replace(/\n/g, `\n${' '.repeat(width + 7)}`)
    const undeclared = declared.includes(name) ? '' : style.yellow('  (not declared in action.yml)')
    lines.push(`  ${style.bold(padEnd(name, width))}  =  ${shown}${undeclared}`)
  }
  if (outputs.result) lines.push('', ...renderResult(mask(outputs.result), style))
  return lines
}

function renderResult(text: string, style: Style): string[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return [style.red('  the result output is not JSON:'), `  ${text}`]
  }
  return [`  ${style.bold('result')}`, ...compactJson(value, '    ').split('\n')]
}

/** Pretty JSON, with each object or array that fits the width kept on one line: fewer lines. */
function compactJson(value: unknown, indent: string, key = ''): string {
  const flat = `${indent}${key}${oneLine(value)}`
  if (value === null || typeof value !== 'object' || flat.length <= JSON_WIDTH) return flat
  const inner = `${indent}  `
  const [open, close, items] = Array.isArray(value)
    ? ['[', ']', value.map((item) => compactJson(item, inner))]
    : [
        '{',
        '}',
        Object.entries(value).map(([k, v]) => compactJson(v, inner, `${JSON.stringify(k)}: `)),
      ]
  return `${indent}${key}${open}\n${items.join(',\n')}\n${indent}${close}`
}

function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
}

export interface Check {
  ok: boolean
  text: string
}

export function renderChecks(checks: Check[], style: Style): string[] {
  return checks.map(({ ok, text }) =>
    ok ? `  ${style.green('✔')} ${text}` : `  ${style.red('✘')} ${style.red(text)}`,
  )
}
