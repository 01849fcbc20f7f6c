// Choosing the recovery point, through dist/index.js against the simulator's retention job:
// hourlies for 30 days, then dailies, weeklies and monthlies, the newest monthly failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { Simulator } from '../simulator/index.js'
import { retentionBackupId } from '../simulator/seed.js'
import { FAST, SEED, drill, startLab, type DrillRun } from './helpers/drill.js'

jest.setTimeout(30_000)

const DAY_MS = 86_400_000
/** Completed monthlies: every 30 days from day 11, the one of day 11 failed. */
const MONTHLY_DAYS = Array.from({ length: 11 }, (_, index) => 41 + 30 * index)

let sim: Simulator
beforeAll(async () => {
  sim = await startLab()
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.configure({ ...FAST, restoreFinalStatus: 'completed', statusEndpoint: true })
  sim.clearFaults()
})

const retention = (inputs: Record<string, string>): Promise<DrillRun> =>
  drill(sim, { job_id: SEED.jobs.retention, ...inputs })
const selectionOf = (run: DrillRun): unknown => JSON.parse(run.outputs.selection ?? 'null')
const posts = (): number => sim.count('createRestore', 'POST')

describe('choosing the recovery point', () => {
  it('says a backup given by id was given, and walks no listing', async () => {
    const lists = sim.count('listBackups')
    const run = await drill(sim, { backup_id: SEED.backups.latest })
    expect(run.outputs.outcome).toBe('succeeded')
    const byId = {
      rule: 'id',
      tag: null,
      window_seconds: null,
      completed_before: null,
      candidates: null,
    }
    expect(selectionOf(run)).toEqual(byId)
    expect(run.resultFile).toMatchObject({ selection: byId })
    expect(sim.count('listBackups')).toBe(lists)
    expect(run.summary).not.toContain('- **chosen:**')
  })

  it('restores the latest backup of a tag, reaching past the failed one', async () => {
    const run = await retention({ backup_tag: 'monthly' })
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({
      outcome: 'succeeded',
      backup_id: SEED.backups.retentionMonthly,
    })
    expect(sim.restores.at(-1)?.backupId).toBe(SEED.backups.retentionMonthly)
    const selection = selectionOf(run) as { rule: string; tag: string; candidates: number }
    expect(selection).toMatchObject({ rule: 'latest', tag: 'monthly', window_seconds: null })
    expect(selection.candidates).toBeGreaterThanOrEqual(1)
    expect(run.summary).toContain('- **chosen:** the latest monthly backup\n')
  })

  it('restores the newest backup of a tag before `completed_before`', async () => {
    const before = new Date(Date.now() - 100 * DAY_MS).toISOString()
    const run = await retention({ backup_tag: 'monthly', completed_before: before })
    expect(run.errors).toEqual([])
    expect(run.outputs.backup_id).toBe(retentionBackupId(101 * 24))
    expect(selectionOf(run)).toMatchObject({ rule: 'latest', completed_before: before })
  })

  it('restores the latest backup within `backup_window`', async () => {
    const run = await retention({ backup_tag: 'weekly', backup_window: '30d' })
    expect(run.errors).toEqual([])
    // Weeklies are the midnight runs of every 7th day; that of day 7 is the newest.
    expect(run.outputs.backup_id).toBe(retentionBackupId(7 * 24))
    expect(selectionOf(run)).toMatchObject({ tag: 'weekly', window_seconds: 30 * 86_400 })
  })

  it('restores one backup drawn among every candidate with `random`', async () => {
    const run = await retention({
      backup_id: 'random',
      backup_tag: 'monthly',
      backup_window: '365d',
    })
    expect(run.errors).toEqual([])
    const monthlies = MONTHLY_DAYS.map((day) => retentionBackupId(day * 24))
    expect(monthlies).toContain(run.outputs.backup_id)
    expect(sim.restores.at(-1)?.backupId).toBe(run.outputs.backup_id)
    const selection = {
      rule: 'random',
      tag: 'monthly',
      window_seconds: 365 * 86_400,
      completed_before: null,
      candidates: 11,
    }
    expect(selectionOf(run)).toEqual(selection)
    expect(run.resultFile).toMatchObject({ selection })
    expect(run.summary).toContain(
      '- **chosen:** random among 11 monthly backups of the last 365d\n',
    )
  })

  it('fails clearly when a filter leaves no candidate, with the selection and no POST', async () => {
    const before = posts()
    const run = await retention({ backup_tag: 'monthly', backup_window: '30d' })
    expect(run.code).toBe(1)
    expect(posts()).toBe(before)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(
      `Job ${SEED.jobs.retention} has no completed monthly backup in the last 30d`,
    )
    expect(run.errors[0]).toContain('the newest monthly one completed 41d ago')
    expect(run.errors[0]).toContain('widen `backup_window`')
    expect(run.outputs.outcome).toBe('failed')
    expect(selectionOf(run)).toEqual({
      rule: 'latest',
      tag: 'monthly',
      window_seconds: 30 * 86_400,
      completed_before: null,
      candidates: 0,
    })
  })

  it('refuses a filter with a backup UUID before any request', async () => {
    const requests = sim.requests.length
    const run = await drill(sim, {
      backup_id: SEED.backups.latest,
      backup_tag: 'daily',
      backup_window: 'a week',
    })
    expect(run.code).toBe(1)
    expect(sim.requests.length).toBe(requests)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(
      '`backup_tag` applies only when `backup_id` is `latest` or `random`',
    )
    expect(run.errors[0]).toContain('`backup_window` must be a duration such as')
    expect(run.errors[0]).toContain('`30d`')
  })
})
