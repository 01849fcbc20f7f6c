// Renders a job summary (GitHub-flavoured Markdown with some HTML) for a terminal: what the
// run's summary page would show, without a browser.
import { displayWidth, padEnd, padStart, type Style } from './style.js'

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** One pass, so that an escaped entity (&amp;lt;) comes out as text (&lt;), not as '<'. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X'
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return NAMED[body.toLowerCase()] ?? entity
  })
}

// Code spans first, so that nothing inside them is read as Markdown or HTML.
const CODE_SPAN = /<code>([\s\S]*?)<\/code>|`([^`]+)`/g

export function renderInline(text: string, style: Style): string {
  let out = ''
  let at = 0
  for (const match of text.matchAll(CODE_SPAN)) {
    out += prose(text.slice(at, match.index), style)
    // HTML code holds entities; a backtick span is literal.
    out += style.cyan(
      match[1] !== undefined ? decodeEntities(stripTags(match[1])) : (match[2] ?? ''),
    )
    at = match.index + match[0].length
  }
  return out + prose(text.slice(at), style)
}

function stripTags(text: string): string {
  return text.replace(/<\/?[a-z][^>]*>/gi, '')
}

function prose(text: string, style: Style): string {
  const marked = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<(sub|sup|small)>([\s\S]*?)<\/\1>/gi, (_, _tag, inner: string) => style.dim(inner))
    .replace(/<(strong|b)>([\s\S]*?)<\/\1>/gi, (_, _tag, inner: string) => style.bold(inner))
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 ($1)')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_, a?: string, b?: string) =>
      style.bold(a ?? b ?? ''),
    )
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
  return decodeEntities(stripTags(marked))
}

type Align = 'left' | 'right' | 'center'

function cells(row: string): string[] {
  // A '|' inside a cell arrives as \| or &#124;, so an unescaped one always splits.
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

function renderTable(rows: string[], style: Style): string[] {
  const parsed = rows.map(cells)
  const delimiter = parsed[1]?.every((cell) => /^:?-+:?$/.test(cell)) === true
  const align: Align[] = (delimiter ? (parsed[1] ?? []) : []).map((cell) =>
    cell.endsWith(':') ? (cell.startsWith(':') ? 'center' : 'right') : 'left',
  )
  const header = delimiter ? (parsed[0] ?? []) : null
  const body = delimiter ? parsed.slice(2) : parsed
  // A key/value table has an empty header row, which GitHub shows as nothing.
  const showHeader = header !== null && header.some((cell) => cell !== '')
  const grid = [...(showHeader && header ? [header] : []), ...body].map((row) =>
    row.map((cell) => renderInline(cell, style)),
  )
  const columns = Math.max(0, ...grid.map((row) => row.length))
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...grid.map((row) => displayWidth(row[c] ?? ''))),
  )
  const line = (row: string[], bold: boolean): string =>
    `  ${widths
      .map((width, c) => {
        const cell = row[c] ?? ''
        const last = c === columns - 1
        const fitted =
          align[c] === 'right'
            ? padStart(cell, width)
            : align[c] === 'center'
              ? padEnd(padStart(cell, width - Math.floor((width - displayWidth(cell)) / 2)), width)
              : last
                ? cell
                : padEnd(cell, width)
        return bold ? style.bold(fitted) : fitted
      })
      .join('  ')}`.trimEnd()
  const out = grid.map((row, r) => line(row, showHeader && r === 0))
  if (showHeader) out.splice(1, 0, style.dim(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`))
  return out
}

function heading(level: number, text: string, style: Style): string[] {
  const title = style.bold(renderInline(text, style))
  return level <= 2 ? [style.underline(title)] : [title]
}

/** The summary as terminal lines: headings bold, tables aligned, code and quotes indented. */
export function renderMarkdown(markdown: string, style: Style): string[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  const out: string[] = []
  const blank = (): void => {
    if (out.length > 0 && out.at(-1) !== '') out.push('')
  }
  const codeBlock = (text: string): void => {
    blank()
    out.push(...text.split('\n').map((code) => style.dim(`    ${code}`)), '')
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/<pre[\s>]/i.test(line)) {
      const block = [line]
      while (!/<\/pre>/i.test(block.at(-1) ?? '') && i + 1 < lines.length)
        block.push(lines[++i] ?? '')
      codeBlock(decodeEntities(stripTags(block.join('\n'))))
      continue
    }
    const fence = /^\s*(```+|~~~+)/.exec(line)?.[1]
    if (fence) {
      // Unlike <pre>, a fenced block is literal: no tags, no entities.
      const block: string[] = []
      while (i + 1 < lines.length && !(lines[i + 1] ?? '').trim().startsWith(fence))
        block.push(lines[++i] ?? '')
      i++
      codeBlock(block.join('\n'))
      continue
    }
    const title = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line)
    if (title) {
      blank()
      out.push(...heading(title[1]?.length ?? 1, title[2] ?? '', style))
      continue
    }
    if (/^\s*\|/.test(line)) {
      const rows = [line]
      while (/^\s*\|/.test(lines[i + 1] ?? '')) rows.push(lines[++i] ?? '')
      out.push(...renderTable(rows, style))
      continue
    }
    const quote = /^\s*>\s?(.*)$/.exec(line)
    if (quote) {
      out.push(`  ${style.dim('│')} ${renderInline(quote[1] ?? '', style)}`)
      continue
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push(style.dim('─'.repeat(40)))
      continue
    }
    const item = /^(\s*)[-*+]\s+(.*)$/.exec(line)
    if (item) {
      out.push(`${item[1] ?? ''}  • ${renderInline(item[2] ?? '', style)}`)
      continue
    }
    if (line.trim() === '') blank()
    else out.push(renderInline(line, style))
  }
  while (out.at(-1) === '') out.pop()
  return out
}
