// Text for SVG (XML 1.0). Escaping is not enough there: XML 1.0 has no way at all to write most
// control characters, or half of a surrogate pair, even as a character reference, and one of them
// in a target's name would make the whole chart a broken image. They are dropped.

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text for an XML element or a quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** At most `max` characters (whole code points), with `…` when cut. */
export function shorten(value: string, max: number): string {
  const points = [...value.replace(/\s+/g, ' ').trim()]
  return points.length <= max ? points.join('') : `${points.slice(0, max - 1).join('')}…`
}
