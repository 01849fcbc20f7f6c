// The RPO and RTO checks of a drill, as pure functions: times as SnapShooter writes them, the
// backup's age and the restore's duration, each limit check, and the one-line reason it fails.
import { describe, expect, it } from '@jest/globals'
import {
  backupAgeMs,
  limitCheck,
  parseTime,
  restoreDurationMs,
  seconds,
  type Check,
} from '../src/drill/checks.js'
import { checkFailure, refuseOnFailedChecks } from '../src/drill/preflight.js'
import { DrillRefusal } from '../src/drill/refusal.js'
import { HOUR } from './fixtures/listed.js'
import { BACKUP_ID, restore } from './fixtures/values.js'
import { thrown } from './helpers/thrown.js'

const COMPLETED_AT = '2023-07-06T21:02:49.000000Z'
const COMPLETED = Date.parse(COMPLETED_AT)
/** How far ahead of the runner's clock a completion may be and still count as now. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000

describe('parseTime', () => {
  it('reads SnapShooter timestamps with microseconds as UTC', () => {
    expect(parseTime('2023-07-06T21:02:49.000000Z')).toBe(Date.UTC(2023, 6, 6, 21, 2, 49))
  })

  it('is null for no time or a text that is not a time', () => {
    expect(parseTime(null)).toBeNull()
    expect(parseTime('')).toBeNull()
    expect(parseTime('yesterday')).toBeNull()
  })
})

describe('backupAgeMs', () => {
  it('is the time since the backup completed', () => {
    expect(backupAgeMs(COMPLETED_AT, COMPLETED + 2 * HOUR)).toBe(2 * HOUR)
  })

  it('is never negative when the backup’s clock is ahead of ours', () => {
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - 5000)).toBe(0)
  })

  it('is null when SnapShooter gave no completion time', () => {
    expect(backupAgeMs(null, COMPLETED)).toBeNull()
    expect(backupAgeMs('not a time', COMPLETED)).toBeNull()
  })

  it('counts a completion up to five minutes ahead as age 0, and one further ahead as negative', () => {
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - MAX_CLOCK_SKEW_MS)).toBe(0)
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - MAX_CLOCK_SKEW_MS - 1)).toBe(
      -MAX_CLOCK_SKEW_MS - 1,
    )
    expect(backupAgeMs(COMPLETED_AT, COMPLETED - 2 * HOUR)).toBe(-2 * HOUR)
  })

  it('reads only ISO 8601 times with a zone', () => {
    expect(backupAgeMs('1', COMPLETED)).toBeNull()
    expect(backupAgeMs('2023-07-06T21:02:49', COMPLETED)).toBeNull()
  })
})

describe('restoreDurationMs', () => {
  const started = '2023-07-21T15:36:40.000000Z'
  const done = '2023-07-21T15:38:10.500000Z'

  it('prefers SnapShooter’s own start and completion times over the measured time', () => {
    expect(restoreDurationMs(restore({ startedAt: started, completedAt: done }), 120_000)).toBe(
      90_500,
    )
  })

  it('falls back to the measured time when the start time is missing', () => {
    expect(restoreDurationMs(restore({ startedAt: null, completedAt: done }), 120_000)).toBe(
      120_000,
    )
  })

  it('falls back to the measured time when the completion time is missing', () => {
    expect(restoreDurationMs(restore({ startedAt: started, completedAt: null }), 120_000)).toBe(
      120_000,
    )
  })

  it('falls back to the measured time when SnapShooter says it completed before it started', () => {
    expect(restoreDurationMs(restore({ startedAt: done, completedAt: started }), 120_000)).toBe(
      120_000,
    )
  })

  it('is zero when the restore started and completed at the same instant', () => {
    expect(restoreDurationMs(restore({ startedAt: started, completedAt: started }), 120_000)).toBe(
      0,
    )
  })

  it('uses the measured time when there is no restore, and is null when nothing was measured', () => {
    expect(restoreDurationMs(null, 4_000)).toBe(4_000)
    expect(restoreDurationMs(null, null)).toBeNull()
    expect(restoreDurationMs(restore(), null)).toBeNull()
  })
})

describe('limitCheck', () => {
  it('passes when the actual value is within the limit, the limit included', () => {
    expect(limitCheck('max_backup_age', 2 * HOUR, 2 * HOUR)).toEqual({
      name: 'max_backup_age',
      limitSeconds: 7200,
      actualSeconds: 7200,
      passed: true,
    })
  })

  it('fails when the actual value is over the limit, even by less than the rounding', () => {
    expect(limitCheck('max_restore_duration', 60_000, 60_001)).toEqual({
      name: 'max_restore_duration',
      limitSeconds: 60,
      actualSeconds: 60,
      passed: false,
    })
  })

  it('cannot decide when nothing was measured', () => {
    expect(limitCheck('max_restore_duration', 60_000, null)).toEqual({
      name: 'max_restore_duration',
      limitSeconds: 60,
      actualSeconds: null,
      passed: null,
    })
  })
})

describe('seconds', () => {
  it('rounds milliseconds to a tenth of a second', () => {
    expect(seconds(0)).toBe(0)
    expect(seconds(1234)).toBe(1.2)
    expect(seconds(1250)).toBe(1.3)
    expect(seconds(90_500)).toBe(90.5)
    expect(seconds(49)).toBe(0)
  })
})

describe('checkFailure', () => {
  it('shows tenths of a second when the rounded figures would read the same', () => {
    const reason = checkFailure(
      { name: 'max_restore_duration', limitSeconds: 60, actualSeconds: 60.4, passed: false },
      'Restore r',
    )
    expect(reason).toContain('took 60.4s, longer than `max_restore_duration` (60s)')
  })

  const check = (overrides: Partial<Check>): Check => ({
    name: 'max_backup_age',
    limitSeconds: 3600,
    actualSeconds: 10_800,
    passed: false,
    ...overrides,
  })

  it('explains a backup older than `max_backup_age`, and that nothing was restored', () => {
    expect(checkFailure(check({}), `Backup ${BACKUP_ID}`)).toBe(
      `Backup ${BACKUP_ID} completed 3h ago, older than \`max_backup_age\` (1h): ` +
        'the job may have stopped backing up; check it in SnapShooter. Nothing was restored.',
    )
  })

  it('explains a restore slower than `max_restore_duration` as a missed RTO', () => {
    const slow = check({ name: 'max_restore_duration', limitSeconds: 300, actualSeconds: 330 })
    expect(checkFailure(slow, 'Restore ed6ca4f1')).toBe(
      'Restore ed6ca4f1 completed but took 5m 30s, longer than `max_restore_duration` (5m): ' +
        'the recovery time objective was missed.',
    )
  })

  it('is null for a check that passed', () => {
    expect(checkFailure(check({ passed: true, actualSeconds: 60 }), 'Backup x')).toBeNull()
  })

  it('is null for a check that could not be measured', () => {
    expect(checkFailure(check({ passed: null, actualSeconds: null }), 'Backup x')).toBeNull()
  })
})

describe('refuseOnFailedChecks', () => {
  const passed: Check = {
    name: 'max_backup_age',
    limitSeconds: 3600,
    actualSeconds: 60,
    passed: true,
  }
  const undecided: Check = {
    name: 'max_backup_age',
    limitSeconds: 3600,
    actualSeconds: null,
    passed: null,
  }
  const tooOld: Check = { ...passed, actualSeconds: 7200, passed: false }

  it('lets the drill go on when every check passed or could not be measured', () => {
    expect(() => refuseOnFailedChecks([], `Backup ${BACKUP_ID}`)).not.toThrow()
    expect(() => refuseOnFailedChecks([passed, undecided], `Backup ${BACKUP_ID}`)).not.toThrow()
  })

  it('refuses the drill with the reason of the failed check', () => {
    const error = thrown(DrillRefusal, () =>
      refuseOnFailedChecks([passed, tooOld], `Backup ${BACKUP_ID}`),
    )
    expect(error.message).toBe(checkFailure(tooOld, `Backup ${BACKUP_ID}`))
    expect(error.name).toBe('DrillRefusal')
  })
})
