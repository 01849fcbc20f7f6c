// Which target a leg's record goes under, and when its drill ended, from the leg's result alone.
import { describe, expect, it } from '@jest/globals'
import { legEndedAt, legTarget } from '../src/fleet/report-history.js'

const JOB = '6f7c5f07-bd49-49a5-8416-27b8de037ddc'
const BACKUP = '2c8f5d03-4e69-4b17-8a32-9d6f1b8e4c75'
const RESTORE = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d'

const result = (fields: Record<string, unknown>) => ({
  drill: { name: null },
  selection: { rule: 'latest' },
  backup: { id: BACKUP, job_id: JOB },
  restore: { id: RESTORE, completed_at: null },
  ...fields,
})

describe('the target of a leg in the history', () => {
  it('is the drill_name when given', () => {
    expect(legTarget(result({ drill: { name: ' prod-db ' } }))).toBe('prod-db')
    // Text from a file: one line, cut short, as the drill makes its own drill_name.
    expect(legTarget(result({ drill: { name: 'prod\n## db' } }))).toBe('prod ## db')
    expect(legTarget(result({ drill: { name: 'x'.repeat(500) } }))?.length).toBe(200)
  })

  it('is named as the drill itself names it, by the rule that chose the backup', () => {
    expect(legTarget(result({}))).toBe(`job ${JOB}`)
    expect(legTarget(result({ selection: { rule: 'random' } }))).toBe(`job ${JOB}`)
    expect(legTarget(result({ selection: { rule: 'id' } }))).toBe(`backup ${BACKUP}`)
    expect(legTarget(result({ selection: { rule: 'restore_id' } }))).toBe(`restore ${RESTORE}`)
  })

  it('is none for a leg whose inputs were bad, which the drill records neither', () => {
    expect(legTarget(result({ selection: null, drill: { name: 'prod-db' } }))).toBeNull()
    expect(legTarget(result({ selection: { rule: 'id' }, backup: { id: null } }))).toBeNull()
  })
})

describe('when a leg ended', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')

  it("is the restore's end, else the download's, else now", () => {
    const restored = result({ restore: { completed_at: '2026-12-01T10:00:00Z' } })
    expect(legEndedAt(restored, now)).toBe(Date.parse('2026-12-01T10:00:00Z'))
    const downloaded = result({
      download: { started_at: '2026-12-01T11:00:00Z', duration_seconds: 90 },
    })
    expect(legEndedAt(downloaded, now)).toBe(Date.parse('2026-12-01T11:01:30Z'))
    expect(legEndedAt(result({ restore: { completed_at: 'soon' } }), now)).toBe(now)
  })
})
