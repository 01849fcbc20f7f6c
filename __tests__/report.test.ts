import { describe, expect, it } from '@jest/globals'
import type { Settings } from '../src/inputs/settings.js'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { outputsOf } from '../src/report/outputs.js'
import { leftBehind } from '../src/report/publish.js'
import { buildResult } from '../src/report/result.js'
import { escapeHtml, inline } from '../src/markdown.js'
import { renderSummary } from '../src/report/summary.js'
import { readTags } from '../src/snapshooter/tags.js'
import type { Backup, Restore } from '../src/snapshooter/types.js'

const BACKUP: Backup = {
  id: '596c5046-1bd8-4664-9a3f-6208526c3b87',
  jobId: '6f7c5f07-bd49-49a5-8416-27b8de037ddc',
  status: 'completed',
  createdAt: '2023-07-06T21:01:58.000000Z',
  startedAt: '2023-07-06T21:02:00.000000Z',
  completedAt: '2023-07-06T21:02:49.000000Z',
  tags: readTags({ daily: true }),
  files: [
    {
      id: '045c31f2-234c-4c12-ae69-b6188b37412d',
      name: 'snapshooter/x/2023/07/06/21-01/test.sql.gz',
      size: '744 bytes',
      sizeBytes: 744,
    },
  ],
  encrypted: false,
}

const RESTORE: Restore = {
  id: 'ed6ca4f1-6047-4deb-a69d-8c42ba7e745f',
  jobId: BACKUP.jobId,
  backupId: BACKUP.id,
  status: 'completed',
  createdAt: '2023-07-21T15:36:39.000000Z',
  startedAt: '2023-07-21T15:36:40.000000Z',
  completedAt: '2023-07-21T15:38:10.500000Z',
  compute: { type: 'server', serverId: 3, serverName: 'WordPress Blog' },
  files: [],
}

const ENV = {
  GITHUB_REPOSITORY: 'acme/backups',
  GITHUB_WORKFLOW: 'drill',
  GITHUB_RUN_ID: '99',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_ACTOR: 'octocat',
}

function evidence(overrides: Partial<Evidence>): Evidence {
  return { ...newEvidence(), ...overrides }
}

const succeeded = evidence({
  outcome: 'succeeded',
  backup: BACKUP,
  backupAgeMs: 3_723_456,
  files: BACKUP.files,
  restore: RESTORE,
  measuredDurationMs: 95_000,
  checks: [{ name: 'max_restore_duration', limitSeconds: 600, actualSeconds: 90.5, passed: true }],
})

describe('the result JSON', () => {
  it('follows the version 1 schema', () => {
    expect(buildResult(succeeded, ENV)).toEqual({
      version: 1,
      outcome: 'succeeded',
      mode: 'restore',
      status: 'completed',
      backup: {
        id: BACKUP.id,
        job_id: BACKUP.jobId,
        completed_at: BACKUP.completedAt,
        age_seconds: 3723.5,
      },
      selection: null,
      restore: {
        id: RESTORE.id,
        status: 'completed',
        created_at: RESTORE.createdAt,
        started_at: RESTORE.startedAt,
        completed_at: RESTORE.completedAt,
        duration_seconds: 90.5,
        compute: { type: 'server', server_id: 3 },
      },
      files: [{ id: BACKUP.files[0]?.id, name: BACKUP.files[0]?.name, size: '744 bytes' }],
      files_omitted: 0,
      download: null,
      checks: [
        { name: 'max_restore_duration', limit_seconds: 600, actual_seconds: 90.5, passed: true },
      ],
      error: null,
      run: {
        repository: 'acme/backups',
        workflow: 'drill',
        run_id: '99',
        run_attempt: '2',
        event: 'workflow_dispatch',
        actor: 'octocat',
      },
    })
  })

  it('uses the measured duration when SnapShooter gives no times, and the requested compute', () => {
    const settings = {
      command: 'restore',
      compute: { type: 'ss_agent', serverId: 9362 },
    } as unknown as Settings
    const result = buildResult(
      evidence({
        settings,
        restore: { ...RESTORE, startedAt: null, compute: null },
        measuredDurationMs: 95_040,
      }),
      {},
    )
    expect(result.restore.duration_seconds).toBe(95)
    expect(result.restore.compute).toEqual({ type: 'ss_agent', server_id: 9362 })
    expect(result.run.repository).toBeNull()
  })

  it('stands on its own for a run that knew nothing: failed, with the error', () => {
    const result = buildResult(evidence({ error: 'Invalid inputs: `backup_id` is required.' }), {})
    expect(result).toMatchObject({
      outcome: 'failed',
      status: null,
      backup: { id: null, job_id: null, completed_at: null, age_seconds: null },
      restore: { id: null, duration_seconds: null, compute: null },
      files: [],
      error: { message: 'Invalid inputs: `backup_id` is required.' },
    })
  })
})

describe('the outputs', () => {
  it('are strings, with unknowns empty and the result on one line', () => {
    const outputs = outputsOf(buildResult(succeeded, ENV))
    expect(outputs).toMatchObject({
      outcome: 'succeeded',
      restore_id: RESTORE.id,
      file_ids: `["${BACKUP.files[0]?.id}"]`,
      file_count: '1',
      duration_seconds: '90.5',
      backup_age_seconds: '3723.5',
    })
    expect(outputs.result).not.toContain('\n')
    const empty = outputsOf(buildResult(newEvidence(), {}))
    expect(empty).toMatchObject({
      status: '',
      restore_id: '',
      started_at: '',
      file_ids: '[]',
      file_count: '0',
    })
  })
})

describe('the job summary', () => {
  it('heads with the outcome and tabulates backup, restore, timing and checks', () => {
    const markdown = renderSummary(buildResult(succeeded, ENV))
    expect(markdown.split('\n')[0]).toBe('## ✅ Restore drill succeeded')
    expect(markdown).toContain(`| id | <code>${BACKUP.id}</code> |`)
    expect(markdown).toContain('| age | 1h2m4s |')
    expect(markdown).toContain('| compute | server <code>3</code> |')
    expect(markdown).toContain('| files | 1: <code>test.sql.gz</code> |')
    expect(markdown).toContain('| duration | 1m31s |')
    expect(markdown).toContain(
      '| RTO: restore duration (`max_restore_duration`) | 10m | 1m31s | ✅ passed |',
    )
    expect(markdown).toContain('<sub>drill · run 99 · workflow_dispatch</sub>')
    expect(markdown).not.toContain('Error')
  })

  it.each([
    ['failed', '## ❌ Restore drill failed'],
    ['timed_out', '## ⏱️ Restore drill timed out'],
    ['cancelled', '## 🚫 Restore drill cancelled'],
    ['not_waited', '## ⏩ Restore started (not waited for)'],
    ['dry_run', '## 🧪 Dry run: nothing was restored'],
  ] as const)('heads a %s run as %j', (outcome, headline) => {
    expect(renderSummary(buildResult(evidence({ outcome }), {})).split('\n')[0]).toBe(headline)
  })

  it('escapes text from the API so it cannot inject HTML or break a table', () => {
    const hostile = '<img src=x onerror=alert(1)> | "quoted" & \'single\'\nsecond line'
    const markdown = renderSummary(
      buildResult(
        evidence({
          outcome: 'failed',
          error: hostile,
          restore: { ...RESTORE, status: hostile },
          files: [{ id: 'f', name: `dir/${hostile}`, size: null, sizeBytes: null }],
        }),
        {},
      ),
      { leftBehind: hostile },
    )
    expect(markdown).not.toContain('<img')
    expect(markdown).not.toMatch(/\| "quoted"/)
    expect(markdown).toContain(
      '&lt;img src=x onerror=alert(1)&gt; &#124; &quot;quoted&quot; &amp; &#39;single&#39; second line',
    )
    for (const line of markdown.split('\n').filter((row) => row.startsWith('| status'))) {
      expect(line.split('|')).toHaveLength(4)
    }
  })

  it('shows the request of a dry run, escaped, in a preformatted block', () => {
    const markdown = renderSummary(
      buildResult(evidence({ outcome: 'dry_run', backup: BACKUP }), {}),
      {
        request: { files: ['<id>'], compute: { type: 'server', server_id: 3 } },
      },
    )
    expect(markdown).toContain(
      `<pre><code>POST /v1/backups/${BACKUP.id}/restore\n{\n  &quot;files&quot;: [\n    &quot;&lt;id&gt;&quot;`,
    )
  })

  it('lists at most five file names', () => {
    const files = Array.from({ length: 8 }, (_, i) => ({
      id: `${i}`,
      name: `a/file-${i}.gz`,
      size: null,
      sizeBytes: null,
    }))
    const markdown = renderSummary(buildResult(evidence({ files }), {}))
    expect(markdown).toContain('| files | 8: <code>file-0.gz</code>, ')
    expect(markdown).toContain('<code>file-4.gz</code> and 3 more |')
  })

  it('escapes for HTML, and inline text stays on one line', () => {
    expect(escapeHtml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;')
    expect(inline('a |\n  b')).toBe('a &#124; b')
  })
})

describe('what a run left behind', () => {
  it('names a restore still running when the run did not finish cleanly', () => {
    const running = { ...RESTORE, status: 'running' }
    expect(leftBehind(evidence({ outcome: 'cancelled', restore: running }))).toContain(
      `Restore ${RESTORE.id} (last status running) goes on`,
    )
    expect(leftBehind(evidence({ outcome: 'timed_out', restore: running }))).toContain(
      'goes on at SnapShooter',
    )
  })

  it('warns of a request that was in flight', () => {
    expect(leftBehind(evidence({ outcome: 'failed', requestInFlight: true }))).toContain(
      'a restore may have started',
    )
  })

  it('is nothing for a run that ended as planned', () => {
    expect(
      leftBehind(evidence({ outcome: 'not_waited', restore: { ...RESTORE, status: 'pending' } })),
    ).toBeNull()
    expect(
      leftBehind(evidence({ outcome: 'failed', restore: { ...RESTORE, status: 'failed' } })),
    ).toBeNull()
  })
})
