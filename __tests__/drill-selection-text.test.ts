// The one line that says how the backup was chosen, in the log and the job summary.
import { describe, expect, it } from '@jest/globals'
import type { Selection } from '../src/drill/choose.js'
import { describeSelection } from '../src/drill/selection-text.js'

const none = { tag: null, window_seconds: null, completed_before: null }

describe('describeSelection', () => {
  it.each<[Selection, string]>([
    [{ rule: 'id', ...none, candidates: null }, 'the backup given as `backup_id`'],
    [
      { rule: 'restore_id', ...none, candidates: null },
      'the backup of the restore given as `restore_id`',
    ],
    [{ rule: 'latest', ...none, candidates: 3 }, 'the latest backup'],
    [
      { rule: 'random', ...none, tag: 'monthly', window_seconds: 365 * 86_400, candidates: 23 },
      'random among 23 monthly backups of the last 365d',
    ],
    [{ rule: 'random', ...none, candidates: 1 }, 'random among 1 backup'],
    [
      { rule: 'latest', ...none, completed_before: '2026-11-20T04:00:00.000Z', candidates: 1 },
      'the latest backup completed before 2026-11-20T04:00:00.000Z',
    ],
    [
      { rule: 'latest', ...none, tag: 'daily', window_seconds: 86_400, candidates: 0 },
      'latest: no daily backup of the last 1d',
    ],
    [{ rule: 'random', ...none, candidates: null }, 'random among the backups'],
  ])('%j reads %s', (selection, line) => {
    expect(describeSelection(selection)).toBe(line)
  })
})
