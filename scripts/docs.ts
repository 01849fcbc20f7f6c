// Writes the inputs and outputs tables of README.md from action.yml, so the two cannot
// disagree. `npm run docs` rewrites them; the docs test fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()

export function renderTables(actionYmlText: string): { inputs: string; outputs: string } {
  const action = parse(actionYmlText) as ActionYml
  const inputs = Object.entries(action.inputs).map(([name, input]) => {
    const fallback = input.required
      ? '**required**'
      : input.default === ''
        ? '`""`'
        : `\`${input.default}\``
    return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`
  })
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  )
  return {
    inputs: ['| input | default | description |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| output | description |', '| --- | --- |', ...outputs].join('\n'),
  }
}

/** A sub-action's tables are marked with its folder (`report-inputs`), the root action's not. */
export const SUB_ACTIONS = ['report'] as const

/**
 * README text with the marked tables replaced, formatted as prettier keeps it; `sub` names the
 * sub-action whose action.yml is given, when it is not the root one.
 */
export async function updateReadme(
  readme: string,
  actionYmlText: string,
  sub?: string,
): Promise<string> {
  const tables = renderTables(actionYmlText)
  const source = sub === undefined ? 'action.yml' : `${sub}/action.yml`
  let text = readme
  for (const [kind, table] of Object.entries(tables)) {
    const name = sub === undefined ? kind : `${sub}-${kind}`
    const start = `<!-- ${name}:start (generated from ${source} by npm run docs) -->`
    const end = `<!-- ${name}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to < from) throw new Error(`README.md has no ${start} ... ${end} block`)
    text = `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`
  }
  const options = await resolveConfig('README.md')
  return format(text, { ...options, parser: 'markdown' })
}

if (process.argv[1]?.endsWith('docs.ts')) {
  const readme = readFileSync('README.md', 'utf8')
  let updated = await updateReadme(readme, readFileSync('action.yml', 'utf8'))
  for (const sub of SUB_ACTIONS)
    updated = await updateReadme(updated, readFileSync(`${sub}/action.yml`, 'utf8'), sub)
  writeFileSync('README.md', updated)
  console.log(
    updated === readme ? 'README.md tables are up to date.' : 'README.md tables rewritten.',
  )
}
