// Writes the inputs and outputs tables of the reference page (docs/reference.md) from
// action.yml, and those of each sub-action from its folder's action.yml (`jobs/action.yml`: the
// `jobs-inputs` and `jobs-outputs` blocks), so that none can disagree. The README stays short and
// links there. `npm run docs` rewrites them; the docs test fails when they are out of date.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

/** The folders (under `root`) of the sub-actions: each one holding an action.yml. */
export function subActions(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'action.yml')))
    .map((entry) => entry.name)
    .sort()
}

/** The page that holds the generated tables, relative to the repository's root. */
export const REFERENCE = 'docs/reference.md'

/**
 * Reference page text with the marked tables replaced, formatted as prettier keeps it: the main action's
 * from `actionYmlText`, and each sub-action's from its action.yml text in `subs`.
 */
export async function updateReference(
  page: string,
  actionYmlText: string,
  subs: Readonly<Record<string, string>> = {},
): Promise<string> {
  let text = replaceTables(page, '', 'action.yml', actionYmlText)
  for (const [dir, yml] of Object.entries(subs))
    text = replaceTables(text, `${dir}-`, `${dir}/action.yml`, yml)
  const options = await resolveConfig(REFERENCE)
  return format(text, { ...options, parser: 'markdown' })
}

function replaceTables(page: string, prefix: string, file: string, yml: string): string {
  let text = page
  for (const [kind, table] of Object.entries(renderTables(yml))) {
    const name = `${prefix}${kind}`
    const start = `<!-- ${name}:start (generated from ${file} by npm run docs) -->`
    const end = `<!-- ${name}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to < from) throw new Error(`${REFERENCE} has no ${start} ... ${end} block`)
    text = `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`
  }
  return text
}

if (process.argv[1]?.endsWith('docs.ts')) {
  const page = readFileSync(REFERENCE, 'utf8')
  const subs = Object.fromEntries(
    subActions('.').map((dir) => [dir, readFileSync(join(dir, 'action.yml'), 'utf8')]),
  )
  const updated = await updateReference(page, readFileSync('action.yml', 'utf8'), subs)
  writeFileSync(REFERENCE, updated)
  console.log(
    updated === page ? `${REFERENCE} tables are up to date.` : `${REFERENCE} tables rewritten.`,
  )
}
