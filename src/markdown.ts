// Text made safe for the job summary and the history dashboard, which GitHub renders as
// GitHub-flavoured Markdown: text from the API must break no table and become no link or markup.
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** A message as `inline`, with its short back-ticked names (`timeout`) shown as code again. */
export function prose(value: string): string {
  return inline(value).replace(/&#96;([\w .:-]{1,40})&#96;/g, '<code>$1</code>')
}

/**
 * Escaped, with line breaks made spaces, and Markdown's punctuation, the table pipe and the start
 * of a bare URL made character references: text from the API can break no table and become no
 * link, image or emphasis (GitHub renders the summary as GitHub-flavoured Markdown).
 */
export function inline(value: string): string {
  return (
    escapeHtml(value)
      .replace(/[\\`*[\]|~]/g, (char) => `&#${char.charCodeAt(0)};`)
      // Inside a word (ss_agent) an underscore cannot start emphasis, and stays readable.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '&#95;')
      .replace(/:\/\//g, '&#58;//')
      .replace(/\b(www)\./gi, '$1&#46;')
      .replace(/\s*\r?\n\s*/g, ' ')
  )
}
