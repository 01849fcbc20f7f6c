// The `jobs` step's job summary: which jobs the fleet drill runs, or why it runs none. Pure:
// names came from the API, so each is escaped as inline text.
import { escapeHtml, inline, prose } from '../markdown.js'
import type { JobsSettings } from '../inputs/settings.js'
import { describeFilters } from './select.js'
import type { JobsEnd } from './jobs.js'

export type JobsView =
  | { ok: true; settings: JobsSettings; end: JobsEnd }
  | { ok: false; settings: JobsSettings | null; error: string }

function filterLines(settings: JobsSettings | null): string[] {
  if (settings === null) return []
  const lines = [
    ['include', settings.include.length === 0 ? 'every job' : describeFilters(settings.include)],
    ['exclude', settings.exclude.length === 0 ? 'none' : describeFilters(settings.exclude)],
  ].map(([name, value]) => `| \`${name}\` | ${inline(value ?? '')} |`)
  return ['| filter | value |', '| --- | --- |', ...lines, '']
}

export function renderJobsSummary(view: JobsView): string {
  if (!view.ok) {
    return [
      '## ❌ No jobs to drill',
      '',
      `> **Error:** ${prose(view.error)}`,
      '',
      ...filterLines(view.settings),
    ].join('\n')
  }
  const { chosen, listed } = view.end
  const rows = chosen.map(
    (job, i) =>
      `| ${i + 1} | ${job.name === null ? '_(no name)_' : inline(job.name)} | <code>${escapeHtml(job.id)}</code> |`,
  )
  return [
    `## 🗂️ ${chosen.length} of ${listed} job(s) chosen to drill`,
    '',
    ...filterLines(view.settings),
    '| # | job | id |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}
