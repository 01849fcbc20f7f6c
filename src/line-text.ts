// Text made fit for one line of a log, an annotation, an output or a title, whatever it came
// from (the API, a result file, a workflow input). The runner reads a step's stdout line by line
// and executes a line that starts with `::` as a workflow command, and one that holds `##[`
// anywhere as the older form of one: text that kept a line break or either marker could add
// masks, stop command processing or forge annotations.

// C0 and C1 controls (line feeds and carriage returns among them), DEL, the Unicode line and
// paragraph separators, and the bidirectional controls that make a line read otherwise than it is.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * Text that can start no workflow command: each control character becomes a space, and `::`
 * and `##[` are broken apart (`: :`, `# #[`). Nothing else changes, so a name stays recognisable.
 */
export function neutralise(text: string): string {
  return text
    .replace(CONTROLS, ' ')
    .replace(/:(?=:)/g, ': ')
    .replace(/#(?=#\[)/g, '# ')
}

/** At most `max` characters, with `…` where it was cut; never half of a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - 1)
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end).trimEnd()}…`
}
