// The account's jobs listed by the real client from the simulator: page after page with the same
// parameters, never by following `links.next`, and every name read as safe API text.
import { describe, expect, it } from '@jest/globals'
import { listAllJobs } from '../src/fleet/jobs.js'
import { FLEET } from '../simulator/seed.js'
import { SEED } from '../simulator/index.js'
import { failure, useClientLab } from './helpers/client.js'

const lab = useClientLab()

const generated = (i: number): { id: string; name: string } => ({
  id: `f1ee7000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
  name: `fleet-${String(i).padStart(3, '0')}`,
})

describe('GET /v1/jobs through the client', () => {
  it('reads every page with the same parameters, asking each by its number', async () => {
    const api = lab.client()
    const seededCount = (await listAllJobs((page) => api.listJobs(page))).length
    lab.sim.requests.length = 0
    for (let i = 0; i < 250; i++) lab.sim.addJob(generated(i))
    const jobs = await listAllJobs((page) => api.listJobs(page))

    const asked = lab.sim.requests.filter((r) => r.route === 'listJobs')
    expect(jobs).toHaveLength(seededCount + 250)
    expect(asked.map((r) => r.query)).toEqual(
      [1, 2, 3].map((page) => ({ page_size: '100', page: String(page) })),
    )
    expect(jobs).toContainEqual({ id: SEED.jobs.main, name: 'docker-mysql-ssh' })
    for (const { jobId, name } of FLEET) expect(jobs).toContainEqual({ id: jobId, name })
    expect(jobs).toContainEqual(generated(249))
    expect(new Set(jobs.map((job) => job.id)).size).toBe(jobs.length)
  })

  it('makes a hostile job name one safe, short line', async () => {
    const id = 'a0000000-0000-4000-8000-00000000beef'
    lab.sim.addJob({ id, name: `prod\n::error::forged ##[warning]x ${'y'.repeat(500)}` })
    const { jobs } = await lab.client().listJobs(1)
    const name = jobs.find((job) => job.id === id)?.name ?? ''
    expect(name.startsWith('prod : :error: :forged # #[warning]x y')).toBe(true)
    expect(name).not.toMatch(/[\n\r]/)
    expect(name.length).toBeLessThanOrEqual(200)
  })

  it('refuses a listing whose job id is not a UUID, naming the field', async () => {
    lab.sim.addJob({ id: 'job-42', name: 'legacy' })
    const error = await failure(lab.client().listJobs(1))
    expect(error.kind).toBe('malformed')
    expect(error.message).toContain('GET jobs (page 1)')
    expect(error.message).toMatch(/`data\[\d+\]\.id` is "job-42", not a UUID/)
  })
})
