// `npm run bench:download [-- --mib N]`: dist/index.js downloads a big generated file (1 GiB
// unless told) from the simulator, as the runner would run it; prints the throughput and the
// peak resident memory of the action's process. Not a test: the figures depend on the machine.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEMO_TOKEN, SEED, startSimulator } from '../simulator/index.js'
import { actionEntry } from './lib/action-yml.js'
import { runStep } from './lib/runner.js'

const ROOT = new URL('../', import.meta.url).pathname
const ENTRY = actionEntry(ROOT)
const MIB = 1024 * 1024

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024' } } })
const bytes = Number(values.mib) * MIB
if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`--mib needs a whole number`)
if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run bundle first`)

/** The kernel's high-water mark of the process's resident memory, in KiB; null off Linux. */
function peakRssKib(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status)
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

const sim = await startSimulator({ bigFileBytes: bytes })
const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-bench-'))
try {
  // VmHWM only grows, so the last reading before the exit is the peak, give or take 20 ms.
  let peak: number | null = null
  let sampler: NodeJS.Timeout | undefined
  const step = await runStep({
    action: ROOT,
    inputs: {
      api_token: DEMO_TOKEN,
      api_url: sim.url,
      backup_id: SEED.backups.big,
      mode: 'download',
      timeout: '30m',
    },
    workDir,
    killAfterMs: 60 * 60_000,
    // The action's own complaints, if any, as they come; its log is not the point here.
    onLine: (line, stream) => {
      if (stream === 'stderr') console.error(line)
    },
    onSpawn: (child) => {
      sampler = setInterval(() => {
        const now = child.pid === undefined ? null : peakRssKib(child.pid)
        if (now !== null) peak = Math.max(peak ?? 0, now)
      }, 20)
    },
  })
  clearInterval(sampler)
  const elapsedS = step.elapsedMs / 1000
  const { code, outputs } = step
  const result = JSON.parse(outputs.result ?? '{}') as {
    download?: { duration_seconds: number | null; files: { bytes: number }[] }
  }
  if (code !== 0 || outputs.outcome !== 'succeeded') {
    throw new Error(`the action ended ${outputs.outcome ?? 'without an outcome'} (exit ${code})`)
  }
  const got = result.download?.files.reduce((sum, file) => sum + file.bytes, 0) ?? 0
  const seconds = result.download?.duration_seconds ?? elapsedS
  console.log(`file:        big.bin, ${got / MIB} MiB, verified (size, SHA-256)`)
  console.log(`download:    ${seconds.toFixed(1)} s, ${(got / 1e6 / seconds).toFixed(0)} MB/s`)
  console.log(`whole step:  ${elapsedS.toFixed(1)} s (node ${process.version})`)
  console.log(
    `peak RSS:    ${peak === null ? 'unknown (needs /proc)' : `${(peak / 1024).toFixed(0)} MiB`} (VmHWM of the action's process)`,
  )
} finally {
  rmSync(workDir, { recursive: true, force: true })
  await sim.close()
}
