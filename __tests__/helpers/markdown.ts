// Reading Markdown as GitHub renders it, for the docs tests: the headings a link's `#anchor` may
// name, the links a page holds, and its sections. Fenced code is not Markdown, so a `# comment`
// in a YAML block is no heading and a `](` in a shell line is no link.

/** The text without its fenced code blocks (each replaced by an empty line). */
export function withoutCode(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\S\n]*$/gm, '')
}

/**
 * The anchor GitHub gives a heading: lower case, every character that is not a letter, a digit,
 * a space, `-` or `_` dropped (backticks and colons too), each space a `-`.
 */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** The anchors of a page's headings; a repeated heading gets `-1`, `-2` as on GitHub. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>()
  const found = new Set<string>()
  for (const [, title = ''] of withoutCode(text).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const base = slug(title)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    found.add(count === 0 ? base : `${base}-${count}`)
  }
  return found
}

/** Every link and image target of a page outside code, as written. */
export function linkTargets(text: string): string[] {
  const prose = withoutCode(text).replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/\]\(<?([^)\s>]+)>?(?: +"[^"]*")?\)/g)].map(([, target = '']) => target)
}

/** The targets that point into the repository: neither a URL with a scheme nor a mail address. */
export function relativeTargets(text: string): string[] {
  return linkTargets(text).filter((target) => !/^[a-z][a-z+.-]*:/i.test(target))
}

/** The text of the `## title` section, up to the next `## ` heading (empty when absent). */
export function section(text: string, title: string): string {
  const prose = withoutCode(text)
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const start = prose.search(new RegExp(`^## ${escaped}$`, 'm'))
  if (start === -1) return ''
  const rest = prose.slice(start + 1)
  const end = rest.search(/^## /m)
  return end === -1 ? rest : rest.slice(0, end)
}
