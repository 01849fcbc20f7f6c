import { describe, expect, it } from '@jest/globals'
import type { Settings } from '../src/inputs/settings.js'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { outputsOf } from '../src/report/outputs.js'
import { leftBehind } from '../src/report/publish.js'
import { buildResult } from '../src/report/result.js'
import { escapeHtml, inline } from '../src/markdown.js'
import { renderSummary, summaryFooter } from '../src/report/summary.js'
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
      drill: { name: null },
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
        {
          name: 'max_restore_duration',
          limit_seconds: 600,
          limit: '10m',
          actual_seconds: 90.5,
          passed: true,
        },
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
  it('heads with the verdict and its numbers, then the checks, then the facts', () => {
    const result = buildResult(succeeded, ENV)
    const markdown = renderSummary(result)
    expect(markdown.split('\n')[0]).toBe(
      '## ✅ Restore drill succeeded — backup 1h 2m 4s old, restored in 1m 31s (RTO 10m)',
    )
    expect(markdown).toContain(`- **id:** <code>${BACKUP.id}</code>`)
    expect(markdown).toContain('- **completed:** 06 Jul 2023, 21:02 UTC, 1h 2m 4s old')
    expect(markdown).toContain('- **compute:** server <code>3</code>')
    expect(markdown).toContain('- **files:** 1')
    expect(markdown).toContain(
      `<details><summary>Files (1)</summary>\n\n- <code>${BACKUP.files[0]?.name}</code>\n`,
    )
    expect(markdown).toContain('- **duration:** 1m 31s')
    const check = '| RTO: restore duration, `max_restore_duration` | 10m | 1m 31s | ✅ passed |'
    expect(markdown).toContain(check)
    expect(markdown.indexOf(check)).toBeLessThan(markdown.indexOf('### Backup'))
    expect(markdown).not.toContain('Error')
    // The footer is written last, after the drill issue's line (see Publisher.finish).
    expect(markdown).not.toContain('<sub>')
    expect(summaryFooter(result)).toBe('\n<sub>drill · run 99 · workflow_dispatch</sub>\n')
    expect(summaryFooter(buildResult(succeeded, {}))).toBe('')
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

  it('names the drill in the headline when the workflow named it, escaped', () => {
    const named = { ...buildResult(succeeded, ENV), drill: { name: 'prod <db> | nightly' } }
    expect(renderSummary(named).split('\n')[0]).toBe(
      '## ✅ Restore drill “prod &lt;db&gt; &#124; nightly” succeeded — backup 1h 2m 4s old, restored in 1m 31s (RTO 10m)',
    )
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
    // The status stays on its own line, whole, in its list item.
    expect(markdown.split('\n').filter((row) => row.startsWith('- **status:** '))).toEqual([
      '- **status:** <code>&lt;img src=x onerror=alert(1)&gt; &#124; &quot;quoted&quot; &amp; &#39;single&#39; second line</code>',
    ])
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

  it('lists at most fifty file names, folded, and counts the rest', () => {
    const files = Array.from({ length: 60 }, (_, i) => ({
      id: `${i}`,
      name: `a/file-${i}.gz`,
      size: null,
      sizeBytes: null,
    }))
    const markdown = renderSummary(buildResult(evidence({ files }), {}))
    expect(markdown).toContain('- **files:** 60')
    expect(markdown).toContain('<details><summary>Files (60)</summary>')
    const rows = markdown.split('\n').filter((line) => line.startsWith('- <code>a/file-'))
    expect(rows).toHaveLength(50)
    expect(rows.at(-1)).toBe('- <code>a/file-49.gz</code>')
    expect(markdown).toContain('- and 10 more: see the result JSON\n\n</details>')
  })

  it('escapes for HTML, and inline text stays on one line', () => {
    expect(escapeHtml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;')
    expect(inline('a |\n  b')).toBe('a &#124; b')
  })
})

describe('what a run left behind', () => {
  it('names a restore still running after a failure', () => {
    const running = { ...RESTORE, status: 'running' }
    expect(leftBehind(evidence({ outcome: 'failed', restore: running }))).toBe(
      `Restore ${RESTORE.id} (last status running) goes on at SnapShooter; check it there before starting another.`,
    )
  })

  it('leaves a timeout and a cancellation to their error line, which names what goes on', () => {
    const running = { ...RESTORE, status: 'running' }
    expect(leftBehind(evidence({ outcome: 'cancelled', restore: running }))).toBeNull()
    expect(leftBehind(evidence({ outcome: 'timed_out', restore: running }))).toBeNull()
    expect(leftBehind(evidence({ outcome: 'cancelled', requestInFlight: true }))).toBeNull()
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
