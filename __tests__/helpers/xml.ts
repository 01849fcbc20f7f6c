// A strict XML 1.0 reader for the tests: it parses the chart into elements, or throws on anything
// an XML parser would refuse (an unclosed or mismatched tag, an unquoted or repeated attribute, an
// undeclared entity, a raw `<` or `&`, a character XML cannot hold), so "it parses" means the
// SVG shows on GitHub instead of a broken image. No DTDs, no processing instructions beyond the
// XML declaration: the chart has no need of them, and a test would want to know if it grew one.

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** The text directly inside, entities resolved. */
  text: string
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

export function parseXml(source: string): XmlElement {
  const bad = NOT_XML.exec(source)
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} is not XML`)
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(source))
    throw new Error('a lone surrogate is not XML')
  let at = 0
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`)
  }
  const name = (): string => {
    NAME.lastIndex = at
    const match = NAME.exec(source)
    if (!match) return fail('a name was expected')
    at = NAME.lastIndex
    return match[0]
  }
  const space = () => {
    while (/\s/.test(source[at] ?? '')) at++
  }
  const decode = (text: string): string =>
    text.replace(/&([^;]*);|&/g, (whole, entity: string | undefined) => {
      if (entity === undefined) return fail('a bare & is not XML')
      if (/^#x[0-9a-fA-F]+$/.test(entity))
        return String.fromCodePoint(parseInt(entity.slice(2), 16))
      if (/^#[0-9]+$/.test(entity)) return String.fromCodePoint(Number(entity.slice(1)))
      const known = ENTITIES[entity]
      return known ?? fail(`undeclared entity ${whole}`)
    })

  const element = (): XmlElement => {
    if (source[at] !== '<') fail('a tag was expected')
    at++
    const node: XmlElement = { name: name(), attributes: {}, children: [], text: '' }
    for (;;) {
      const before = at
      space()
      if (source.startsWith('/>', at)) {
        at += 2
        return node
      }
      if (source[at] === '>') {
        at++
        break
      }
      if (at === before) fail('space before an attribute is required')
      const key = name()
      if (key in node.attributes) fail(`attribute ${key} repeated`)
      space()
      if (source[at] !== '=') fail('= expected')
      at++
      space()
      const quote = source[at]
      if (quote !== '"' && quote !== "'") fail('an attribute value must be quoted')
      const end = source.indexOf(quote as string, at + 1)
      if (end < 0) fail('unterminated attribute')
      const raw = source.slice(at + 1, end)
      if (raw.includes('<')) fail('< inside an attribute')
      node.attributes[key] = decode(raw)
      at = end + 1
    }
    for (;;) {
      if (at >= source.length) fail(`<${node.name}> is never closed`)
      if (source.startsWith('</', at)) {
        at += 2
        const closing = name()
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`)
        space()
        if (source[at] !== '>') fail('> expected')
        at++
        return node
      }
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at + 4)
        if (end < 0) fail('unterminated comment')
        at = end + 3
        continue
      }
      if (
        source.startsWith('<![CDATA[', at) ||
        source.startsWith('<!', at) ||
        source.startsWith('<?', at)
      )
        fail('no CDATA, DTD or processing instruction expected')
      if (source[at] === '<') {
        node.children.push(element())
        continue
      }
      const next = source.indexOf('<', at)
      const raw = source.slice(at, next < 0 ? source.length : next)
      if (raw.includes(']]>')) fail(']]> in text')
      node.text += decode(raw)
      at += raw.length
    }
  }

  if (source.startsWith('<?xml')) at = source.indexOf('?>') + 2
  space()
  const root = element()
  space()
  if (at !== source.length) fail('content after the root element')
  return root
}

/** Every element of the tree, depth first, the root included. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)]
}
