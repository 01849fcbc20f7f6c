// The SnapShooter API simulator: a real loopback HTTP server for tests, the demo and benchmarks.
// Never imported by src/: it must stay out of the action bundle.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildAccount } from './account.js'
import { type Context, resolveSettings } from './context.js'
import { FaultQueue } from './faults.js'
import { buildBackup } from './hostile.js'
import { RateLimiter } from './ratelimit.js'
import { DEMO_TOKEN } from './seed.js'
import { createHandler } from './server.js'
import { Signer } from './storage.js'
import type { SimRestore, Simulator, SimulatorOptions } from './types.js'

export { SEED, DEMO_TOKEN, READ_ONLY_TOKEN } from './seed.js'
export { restoreView } from './payloads.js'
export {
  startFakeGitHub,
  type FakeGitHub,
  type FakeIssue,
  type GitHubFault,
  type GitHubFaultRule,
  type GitHubRequest,
} from './github.js'
export type { FakeGit } from './github-git.js'
export type {
  BackupSpec,
  Fault,
  RateLimitOptions,
  RecordedRequest,
  RouteName,
  SimCompute,
  SimRestore,
  Simulator,
  SimulatorOptions,
} from './types.js'

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let current: SimulatorOptions = { ...options }
  const now = (): number => (current.now ?? Date.now)()
  let url = ''

  const restores: SimRestore[] = []
  const freshAccount = (): Context['account'] =>
    buildAccount(now(), { bigFileBytes: options.bigFileBytes })
  const freshSigner = (): Signer => new Signer(() => current.storageUrl ?? url, now)
  const ctx: Context = {
    account: freshAccount(),
    signer: freshSigner(),
    restores,
    restoreById: new Map(),
    url: () => url,
    now,
    settings: () => resolveSettings(current),
  }
  const limiter = new RateLimiter()
  limiter.reset(ctx.settings().rateLimit)
  const faults = new FaultQueue()
  const timers = new Set<NodeJS.Timeout>()
  const requests: Simulator['requests'] = []

  const server = createServer(
    createHandler({ ctx, limiter, faults, requests, timers, onRequest: () => current.onRequest }),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  url = `http://${host}:${address.port}`

  let closing: Promise<void> | undefined
  return {
    url,
    token: DEMO_TOKEN,
    requests,
    restores,
    inject: (fault) => faults.add(fault),
    addBackup(spec) {
      if (!ctx.account.jobs.has(spec.jobId)) throw new Error(`no job ${spec.jobId} in the account`)
      const backup = buildBackup(spec, now())
      ctx.account.backups.set(backup.id, backup)
      return backup.id
    },
    addJob(job) {
      ctx.account.jobs.set(job.id, { ...job })
      return job.id
    },
    clearFaults: () => faults.clear(),
    reset() {
      current = { ...options }
      limiter.reset(ctx.settings().rateLimit)
      faults.clear()
      requests.length = 0
      restores.length = 0
      ctx.restoreById.clear()
      ctx.account = freshAccount()
      ctx.signer = freshSigner()
    },
    configure(changes) {
      current = { ...current, ...changes }
      if ('rateLimit' in changes) limiter.reset(ctx.settings().rateLimit)
    },
    count: (route, method) =>
      requests.filter(
        (r) => r.route === route && (method === undefined || r.method === method.toUpperCase()),
      ).length,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        // Keep-alive sockets would hold close() open, and the test process with it.
        server.closeAllConnections()
      })
      return closing
    },
  }
}
