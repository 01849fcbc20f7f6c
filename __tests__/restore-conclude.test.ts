import { describe, expect, it } from '@jest/globals'
import type { Check } from '../src/drill/checks.js'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { cancelledReason, concludeWait } from '../src/report/record.js'
import { buildResult } from '../src/report/result.js'
import { renderSummary } from '../src/report/summary.js'
import { describeWaitEvent } from '../src/restore/log.js'
import type { WaitEnd } from '../src/restore/wait.js'
import { RESTORE_ID, restore } from './fixtures/values.js'

const MINUTE = 60_000
const settings = (
  maxRestoreDurationMs: number | null = null,
  onTimeout: 'fail' | 'warn' = 'fail',
) => ({
  timeoutMs: 30 * MINUTE,
  maxRestoreDurationMs,
  onTimeout,
})

/** Evidence as it stands when the wait begins: the restore was created, still pending. */
function waiting(): Evidence {
  const evidence = newEvidence()
  evidence.restore = restore({ status: 'pending' })
  return evidence
}

const done = restore({
  status: 'completed',
  startedAt: '2023-07-21T15:36:40.000000Z',
  completedAt: '2023-07-21T15:38:10.000000Z',
})

describe('concludeWait', () => {
  it('ends succeeded when the restore completed, keeping the restore and the measured time', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      { kind: 'succeeded', restore: done, elapsedMs: 95_000, checks: 6 },
      settings(),
    )
    expect(evidence.outcome).toBe('succeeded')
    expect(evidence.error).toBeNull()
    expect(evidence.restore).toBe(done)
    expect(evidence.measuredDurationMs).toBe(95_000)
    expect(evidence.checks).toEqual([])
  })

  it('passes the RTO check on SnapShooter’s own times when the restore was fast enough', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      { kind: 'succeeded', restore: done, elapsedMs: 95_000, checks: 6 },
      settings(2 * MINUTE),
    )
    expect(evidence.outcome).toBe('succeeded')
    expect(evidence.checks).toEqual([
      { name: 'max_restore_duration', limitSeconds: 120, actualSeconds: 90, passed: true },
    ])
  })

  it('measures the RTO by the action’s own clock when SnapShooter gave no times', () => {
    const evidence = waiting()
    const bare = restore({ status: 'completed' })
    concludeWait(
      evidence,
      { kind: 'succeeded', restore: bare, elapsedMs: 95_000, checks: 6 },
      settings(2 * MINUTE),
    )
    expect(evidence.checks[0]?.actualSeconds).toBe(95)
    expect(evidence.outcome).toBe('succeeded')
  })

  it('fails a restore that completed but took longer than `max_restore_duration`', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      { kind: 'succeeded', restore: done, elapsedMs: 95_000, checks: 6 },
      settings(MINUTE),
    )
    expect(evidence.outcome).toBe('failed')
    expect(evidence.error).toBe(
      `Restore ${RESTORE_ID} completed but took 1m 30s, longer than \`max_restore_duration\` (1m): ` +
        'the recovery time objective was missed.',
    )
    expect(evidence.checks).toEqual([
      { name: 'max_restore_duration', limitSeconds: 60, actualSeconds: 90, passed: false },
    ])
    expect(evidence.measuredDurationMs).toBe(95_000)
  })

  it('keeps the RPO check of the pre-flight next to the RTO check', () => {
    const evidence = waiting()
    const rpo: Check = {
      name: 'max_backup_age',
      limitSeconds: 86_400,
      actualSeconds: 3600,
      passed: true,
    }
    evidence.checks.push(rpo)
    concludeWait(
      evidence,
      { kind: 'succeeded', restore: done, elapsedMs: 95_000, checks: 6 },
      settings(2 * MINUTE),
    )
    expect(evidence.outcome).toBe('succeeded')
    expect(evidence.checks.map((check) => check.name)).toEqual([
      'max_backup_age',
      'max_restore_duration',
    ])
  })

  it('fails a restore SnapShooter could not do, naming its status and how long it ran', () => {
    const evidence = waiting()
    const broken = restore({ status: 'failed' })
    concludeWait(
      evidence,
      { kind: 'failed', restore: broken, elapsedMs: 125_000, checks: 9 },
      settings(),
    )
    expect(evidence.outcome).toBe('failed')
    expect(evidence.restore).toBe(broken)
    expect(evidence.error).toBe(
      `Restore ${RESTORE_ID} ended with status "failed" after 2m 5s: SnapShooter could not ` +
        "restore the backup; see the restore's log in SnapShooter.",
    )
    expect(evidence.measuredDurationMs).toBe(125_000)
  })

  it('gives a failed restore one duration: the error line says what the result and summary say', () => {
    const evidence = waiting()
    // SnapShooter ran it 4 s; the action saw the end 5.2 s after creating it.
    const broken = restore({
      status: 'failed',
      startedAt: '2026-12-01T08:08:39.554000Z',
      completedAt: '2026-12-01T08:08:43.554000Z',
    })
    concludeWait(
      evidence,
      { kind: 'failed', restore: broken, elapsedMs: 5200, checks: 2 },
      settings(),
    )
    const result = buildResult(evidence, {})
    expect(result.restore.duration_seconds).toBe(4)
    expect(evidence.error).toContain('ended with status "failed" after 4s:')
    expect(renderSummary(result)).toContain('- **duration:** 4s')
  })

  it('quotes `timeout` and `max_restore_duration` as the workflow wrote them', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      { kind: 'timed_out', restore: restore({ status: 'running' }), elapsedMs: 0, checks: 1 },
      {
        ...settings(26 * 60 * MINUTE),
        timeoutMs: 26 * 60 * MINUTE,
        written: { timeout: '26h', max_restore_duration: '1560m' },
      },
    )
    expect(evidence.error).toContain('`timeout` (26h) ran out')
    expect(evidence.checks[0]?.limit).toBe('1560m')
    expect(buildResult(evidence, {}).checks[0]).toMatchObject({ limit: '1560m' })
  })

  it('does not measure the RTO of a restore that failed', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      { kind: 'failed', restore: restore({ status: 'error' }), elapsedMs: 10_000, checks: 3 },
      settings(MINUTE),
    )
    expect(evidence.checks).toEqual([
      { name: 'max_restore_duration', limitSeconds: 60, actualSeconds: null, passed: null },
    ])
    expect(evidence.error).toContain('status "error"')
  })

  it('times out naming the last status, the timeout and `on_timeout: warn`', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      {
        kind: 'timed_out',
        restore: restore({ status: 'running' }),
        elapsedMs: 30 * MINUTE,
        checks: 80,
      },
      settings(MINUTE),
    )
    expect(evidence.outcome).toBe('timed_out')
    expect(evidence.error).toBe(
      `Restore ${RESTORE_ID} was still running when \`timeout\` (30m) ran out; it goes on at ` +
        'SnapShooter. Raise `timeout`, or set `on_timeout: warn`.',
    )
    expect(evidence.checks).toEqual([
      { name: 'max_restore_duration', limitSeconds: 60, actualSeconds: null, passed: null },
    ])
    expect(evidence.measuredDurationMs).toBeNull()
  })

  it('does not suggest `on_timeout: warn` when it is already set', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      {
        kind: 'timed_out',
        restore: restore({ status: 'running' }),
        elapsedMs: 30 * MINUTE,
        checks: 80,
      },
      settings(null, 'warn'),
    )
    expect(evidence.error).toContain('Raise `timeout` to wait for it.')
    expect(evidence.error).not.toContain('on_timeout')
  })

  it('keeps the last restore it knew when the wait ended without a new status', () => {
    const evidence = waiting()
    const known = evidence.restore
    concludeWait(
      evidence,
      { kind: 'timed_out', restore: null, elapsedMs: 30 * MINUTE, checks: 0 },
      settings(),
    )
    expect(evidence.restore).toBe(known)
    expect(evidence.error).toContain(`Restore ${RESTORE_ID} was still pending`)
  })

  it('says `unknown` when it never knew the restore', () => {
    const evidence = newEvidence()
    concludeWait(
      evidence,
      { kind: 'timed_out', restore: null, elapsedMs: 1000, checks: 0 },
      settings(),
    )
    expect(evidence.restore).toBeNull()
    expect(evidence.error).toMatch(/^Restore unknown was still unknown when/)
  })

  it('ends cancelled, saying the restore goes on at SnapShooter', () => {
    const evidence = waiting()
    concludeWait(
      evidence,
      {
        kind: 'cancelled',
        restore: restore({ status: 'restoring' }),
        elapsedMs: 40_000,
        checks: 5,
      },
      settings(),
    )
    expect(evidence.outcome).toBe('cancelled')
    expect(evidence.error).toBe(
      `The run was cancelled while waiting for restore ${RESTORE_ID} (last status restoring); ` +
        'the restore goes on at SnapShooter.',
    )
  })

  it('fails with the error that ended the wait, as its message', () => {
    const evidence = waiting()
    const end: WaitEnd = {
      kind: 'error',
      error: new Error(`Restore ${RESTORE_ID}: 10 status checks in a row failed.`),
      restore: null,
      elapsedMs: 150_000,
      checks: 10,
    }
    concludeWait(evidence, end, settings(MINUTE))
    expect(evidence.outcome).toBe('failed')
    expect(evidence.error).toBe(`Restore ${RESTORE_ID}: 10 status checks in a row failed.`)
    expect(evidence.checks[0]?.passed).toBeNull()
    expect(evidence.restore?.status).toBe('pending')
  })
})

describe('cancelledReason', () => {
  it('names the restore that goes on when one was created', () => {
    expect(cancelledReason(waiting())).toBe(
      `The run was cancelled; restore ${RESTORE_ID} goes on at SnapShooter.`,
    )
  })

  it('warns that a restore may have started when the request was in flight', () => {
    const evidence = newEvidence()
    evidence.requestInFlight = true
    expect(cancelledReason(evidence)).toBe(
      'The run was cancelled while the restore request was in flight: a restore may have ' +
        'started. Check SnapShooter before running again.',
    )
  })

  it('says nothing was restored when no restore was requested', () => {
    expect(cancelledReason(newEvidence())).toBe(
      'The run was cancelled before a restore was requested: nothing was restored.',
    )
  })
})

describe('describeWaitEvent', () => {
  it('logs the first status seen', () => {
    expect(
      describeWaitEvent({ type: 'status', from: null, to: 'pending', elapsedMs: 1000 }),
    ).toEqual({ level: 'info', text: '[1s] status pending' })
  })

  it('logs a status change with the old and new status', () => {
    expect(
      describeWaitEvent({ type: 'status', from: 'pending', to: 'completed', elapsedMs: 95_000 }),
    ).toEqual({ level: 'info', text: '[1m35s] status pending → completed' })
  })

  it('logs progress with the elapsed time and the last status', () => {
    expect(describeWaitEvent({ type: 'progress', status: 'running', elapsedMs: 120_000 })).toEqual({
      level: 'info',
      text: '[2m] still waiting (status running)',
    })
  })

  it('logs progress as `unknown` before any status was seen', () => {
    expect(describeWaitEvent({ type: 'progress', status: null, elapsedMs: 60_000 }).text).toBe(
      '[1m] still waiting (status unknown)',
    )
  })

  it('warns about a status word the action does not know, asking for a report', () => {
    expect(describeWaitEvent({ type: 'unknown_status', word: 'thawing' })).toEqual({
      level: 'warning',
      text:
        'SnapShooter answered the restore status "thawing", which this action does not know: ' +
        'it counts as still running. Please report it.',
    })
  })

  it('cuts a long unknown status word to 60 characters and quotes it as JSON', () => {
    const word = `"weird"\n${'x'.repeat(100)}`
    const { text } = describeWaitEvent({ type: 'unknown_status', word })
    const shown = JSON.stringify(word.slice(0, 60))
    expect(text).toContain(`restore status ${shown}, which`)
    expect(text).toContain('\\"weird\\"\\n')
    expect(text).not.toContain('\n')
    expect(text).not.toContain('x'.repeat(53))
  })

  it('logs a failed status check with how many failed in a row', () => {
    expect(
      describeWaitEvent({
        type: 'check_failed',
        message: 'SnapShooter answered 503 for GET restore.',
        inARow: 3,
      }),
    ).toEqual({
      level: 'info',
      text: 'status check failed (3 in a row): SnapShooter answered 503 for GET restore.',
    })
  })
})
