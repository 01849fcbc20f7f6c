// How the backup was chosen, in one line a person reads in the log and the job summary:
// "random among 23 monthly backups of the last 365d".
import { formatDuration } from '../duration.js'
import type { Selection } from './choose.js'

const plural = (n: number, word: string): string =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

/** The filters, as words after "backup(s)": ` of the last 30d, completed before <time>`. */
function filters(selection: Selection): string {
  const window =
    selection.window_seconds === null
      ? ''
      : ` of the last ${formatDuration(selection.window_seconds * 1000)}`
  const before =
    selection.completed_before === null ? '' : ` completed before ${selection.completed_before}`
  return `${window}${before}`
}

export function describeSelection(selection: Selection): string {
  const tag = selection.tag === null ? '' : `${selection.tag} `
  const candidates = selection.candidates ?? 0
  switch (selection.rule) {
    case 'id':
      return 'the backup given as `backup_id`'
    case 'restore_id':
      return 'the backup of the restore given as `restore_id`'
    case 'random':
      if (selection.candidates === null)
        return `random among the ${tag}backups${filters(selection)}`
      return `random among ${plural(candidates, `${tag}backup`)}${filters(selection)}`
    case 'latest':
      if (selection.candidates === 0) return `latest: no ${tag}backup${filters(selection)}`
      return `the latest ${tag}backup${filters(selection)}`
  }
}
