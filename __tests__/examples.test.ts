// The examples users copy are safe as copied: a restore by hand is a dry run unless asked, a
// real one waits for a reviewer, and the machine a backup came from is overwritten only on
// purpose. The form's checks run in bash as the runner runs them.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { readWorkflow, runScript, type ScriptRun } from './helpers/workflow.js'

interface DispatchInput {
  type?: string
  default?: unknown
  required?: boolean
  options?: string[]
}

describe('examples/restore-on-demand.yml', () => {
  const workflow = readWorkflow('examples/restore-on-demand.yml')
  const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, DispatchInput> }).inputs
  const restore = workflow.jobs.restore
  const action = restore?.steps?.find((s) => s.uses?.startsWith('snapshooter-restore/'))

  it('is a dry run unless the form says otherwise', () => {
    expect(inputs.dry_run).toMatchObject({ type: 'boolean', default: true })
    expect(action?.with?.dry_run).toBe('${{ inputs.dry_run }}')
  })

  it('sends a real restore through the environment with reviewers, a dry run around it', () => {
    expect(restore?.environment).toBe(
      "${{ inputs.dry_run && 'restore-dry-run' || 'production-restore' }}",
    )
    // The form is checked first, so that no reviewer is asked to approve a refused restore.
    expect(restore?.needs).toBe('check')
    expect(workflow.jobs.check?.environment).toBeUndefined()
  })

  it('names the backup, the target and a dry run in the run list', () => {
    const runName = workflow['run-name'] ?? ''
    for (const part of [
      'inputs.dry_run',
      'inputs.backup_id',
      'inputs.compute_type',
      'inputs.server_id',
    ])
      expect(runName).toContain(part)
  })

  it('restores onto a server by default; origin is one choice among them', () => {
    expect(inputs.compute_type).toMatchObject({ type: 'choice', default: 'server' })
    expect(inputs.compute_type?.options).toEqual(['server', 'ss_agent', 'origin'])
    expect(inputs.restore_onto_origin).toMatchObject({ type: 'boolean', default: false })
    // origin is the action's own default: no compute_type and no server_id at all.
    expect(action?.with).toMatchObject({
      compute_type: "${{ inputs.compute_type != 'origin' && inputs.compute_type || '' }}",
      server_id: "${{ inputs.compute_type != 'origin' && inputs.server_id || '' }}",
    })
  })

  describe('the form check', () => {
    const check = workflow.jobs.check?.steps?.[0]
    const run = (form: {
      compute_type: string
      server_id?: string
      onto_origin?: boolean
    }): ScriptRun => {
      // The step's env: maps the form's inputs to these names.
      expect(check?.env).toEqual({
        COMPUTE_TYPE: '${{ inputs.compute_type }}',
        SERVER_ID: '${{ inputs.server_id }}',
        ONTO_ORIGIN: '${{ inputs.restore_onto_origin }}',
      })
      return runScript(check?.run ?? 'exit 99', {
        COMPUTE_TYPE: form.compute_type,
        SERVER_ID: form.server_id ?? '',
        ONTO_ORIGIN: String(form.onto_origin ?? false),
      })
    }
    const errors = (r: ScriptRun): string[] => r.commands.filter((c) => c.startsWith('::error::'))

    it.each([
      [{ compute_type: 'server', server_id: '9362' }],
      [{ compute_type: 'ss_agent', server_id: '12' }],
      [{ compute_type: 'origin', onto_origin: true }],
    ])('lets %j through', (form) => {
      expect(run(form)).toMatchObject({ status: 0, commands: [] })
    })

    it('refuses origin unless restore_onto_origin is ticked, on one line', () => {
      const r = run({ compute_type: 'origin' })
      expect(r.status).toBe(1)
      expect(errors(r)).toEqual([expect.stringContaining('tick restore_onto_origin')])
    })

    it('refuses origin with a server id, which would say two things at once', () => {
      const r = run({ compute_type: 'origin', server_id: '9362', onto_origin: true })
      expect(r.status).toBe(1)
      expect(errors(r)).toEqual([expect.stringContaining('origin takes no server_id')])
    })
  })
})

describe('examples/restore-drill.yml', () => {
  const workflow = readWorkflow('examples/restore-drill.yml')

  it('keeps its evidence for a set time', () => {
    const upload = workflow.jobs.drill?.steps?.find((s) =>
      s.uses?.startsWith('actions/upload-artifact@'),
    )
    expect(upload?.with?.['retention-days']).toEqual(expect.any(Number))
  })
})

describe('examples/fleet-drill.yml', () => {
  const workflow = readWorkflow('examples/fleet-drill.yml')
  const { jobs, drill, report } = workflow.jobs
  const uses = (job: typeof drill, prefix: string) =>
    job?.steps?.find((s) => s.uses?.startsWith(prefix))
  const leg = uses(drill, 'snapshooter-restore/snapshooter-restore@')
  const reportStep = uses(report, 'snapshooter-restore/snapshooter-restore/report@')

  it('drills each job the jobs sub-action lists, one leg per job, none cancelling the others', () => {
    const list = uses(jobs, 'snapshooter-restore/snapshooter-restore/jobs@')
    expect(list?.id).toBeDefined()
    expect(jobs?.outputs?.matrix).toBe(`\${{ steps.${list?.id}.outputs.matrix }}`)
    expect(drill?.needs).toBe('jobs')
    expect(drill?.strategy?.matrix).toBe('${{ fromJSON(needs.jobs.outputs.matrix) }}')
    expect(drill?.strategy?.['fail-fast']).toBe(false)
    expect(leg?.with).toMatchObject({
      job_id: '${{ matrix.job_id }}',
      drill_name: '${{ matrix.job_name }}',
    })
  })

  it('gives each leg a result file and an artifact of its own, kept for a set time', () => {
    expect(leg?.with?.result_file).toContain('${{ matrix.job_id }}')
    const upload = uses(drill, 'actions/upload-artifact@')
    expect(upload?.with?.name).toContain('${{ matrix.job_id }}')
    expect(upload?.with?.path).toBe(leg?.with?.result_file)
    expect(upload?.with?.['retention-days']).toEqual(expect.any(Number))
  })

  it('reports always, over every leg, expecting the jobs the matrix listed', () => {
    expect((report as { if?: string } | undefined)?.if).toBe('always()')
    expect(report?.needs).toEqual(['jobs', 'drill'])
    const download = uses(report, 'actions/download-artifact@')
    expect(download?.with).toMatchObject({ pattern: 'drill-result-*', 'merge-multiple': true })
    expect(reportStep?.with?.expected).toBe('${{ needs.jobs.outputs.matrix }}')
  })

  it('writes the history from the report alone, the legs leaving history_branch empty', () => {
    expect(reportStep?.with?.history_branch).toEqual(expect.stringMatching(/./))
    expect(leg?.with?.history_branch ?? '').toBe('')
  })

  it('asks for contents: write on the report job only, and for nothing else anywhere', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(report?.permissions).toEqual({ contents: 'write' })
    expect(jobs?.permissions).toBeUndefined()
    expect(drill?.permissions).toBeUndefined()
  })

  it('pins the actions of others by commit', () => {
    const others = Object.values(workflow.jobs)
      .flatMap((job) => job.steps ?? [])
      .filter((s) => s.uses !== undefined && !s.uses.startsWith('snapshooter-restore/'))
    expect(others.length).toBeGreaterThan(0)
    for (const s of others) expect(s.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/)
  })
})

describe('every example with a matrix', () => {
  const files = readdirSync('examples').filter((name) => name.endsWith('.yml'))
  const matrixJobs = files.flatMap((file) =>
    Object.entries(readWorkflow(`examples/${file}`).jobs)
      .filter(([, job]) => job.strategy?.matrix !== undefined)
      .map(([name, job]) => [`${file} ${name}`, job] as const),
  )

  it('has matrix jobs to check', () => {
    expect(matrixJobs.length).toBeGreaterThan(0)
  })

  // GitHub keeps one running and one pending job of a concurrency group and cancels the rest, so
  // a fixed group on a matrix job makes every leg past the second vanish.
  it.each(matrixJobs)('%s gives each leg its own concurrency group, or none', (_, job) => {
    if (job.concurrency !== undefined) expect(job.concurrency.group).toContain('matrix.')
  })

  it.each(matrixJobs)('%s runs legs that share a server one at a time', (_, job) => {
    const restore = job.steps?.find((s) => s.uses?.startsWith('snapshooter-restore/'))
    const server = restore?.with?.server_id
    if (typeof server === 'string' && !server.includes('matrix.'))
      expect(job.strategy?.['max-parallel']).toBe(1)
  })
})
