// The simulator's own tests: plain HTTP calls to it, as any client of the API would make them,
// and one simulator for a describe block, as new for each test.
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals'
import {
  DEMO_TOKEN,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/index.js'

export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** A time as the API writes it: UTC with microseconds. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

export interface CallOptions {
  method?: string
  /** The bearer token; null sends none. The demo token unless told. */
  token?: string | null
  body?: unknown
  /** A body sent as it is, not as JSON. */
  raw?: string
}

export function call(sim: Simulator, path: string, options: CallOptions = {}): Promise<Response> {
  const token = options.token === undefined ? DEMO_TOKEN : options.token
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token !== null) headers.Authorization = `Bearer ${token}`
  let body = options.raw
  if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  return fetch(`${sim.url}${path}`, { method: options.method ?? 'GET', headers, body })
}

export async function json(
  sim: Simulator,
  path: string,
  options?: CallOptions,
): Promise<[number, Json]> {
  const res = await call(sim, path, options)
  return [res.status, (await res.json()) as Json]
}

export const restorePath = (backupId: string): string => `/v1/backups/${backupId}/restore`
export const listPath = (jobId: string, query: string): string =>
  `/v1/jobs/${jobId}/backups?${query}`

/** The signed links of a backup's files, by name, as POST download hands them out. */
export async function downloadLinks(sim: Simulator, backupId: string): Promise<Json> {
  const [status, body] = await json(sim, `/v1/backups/${backupId}/download`, { method: 'POST' })
  expect(status).toBe(200)
  return body.data as Json
}

export interface SimulatorLab {
  sim: Simulator
  /** Another simulator, of other options, closed with the block's. */
  start(options?: SimulatorOptions): Promise<Simulator>
}

/** One simulator for the enclosing describe block, reset before each test, closed after it. */
export function useSimulator(options: SimulatorOptions = {}): SimulatorLab {
  const others: Simulator[] = []
  const lab: SimulatorLab = {
    sim: undefined as unknown as Simulator,
    start: async (more) => {
      const sim = await startSimulator(more)
      others.push(sim)
      return sim
    },
  }
  beforeAll(async () => {
    lab.sim = await startSimulator(options)
  })
  beforeEach(() => lab.sim.reset())
  afterAll(() => Promise.all([lab.sim, ...others].map((sim) => sim.close())))
  return lab
}
