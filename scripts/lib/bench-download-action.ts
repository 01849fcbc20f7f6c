// The download benchmark's end-to-end run: dist/index.js downloads the simulator's big generated
// file (big.bin, not gzipped) as the runner would run it, and the figures come back: throughput
// and the peak resident memory of the action's process.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_TOKEN, SEED, startSimulator } from '../../simulator/index.js'
import { inputVariable, readActionYml } from './action-yml.js'
import { parseOutputFile } from './runner.js'

export interface ActionRun {
  bytes: number
  downloadS: number
  wholeS: number
  peakRssKib: number | null
}

/** The kernel's high-water mark of a process's resident memory, in KiB; null off Linux. */
export function peakRssKib(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

export async function runAction(root: string, entry: string, bytes: number): Promise<ActionRun> {
  const sim = await startSimulator({ bigFileBytes: bytes })
  const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-bench-'))
  try {
    const outputFile = join(workDir, 'github_output')
    writeFileSync(outputFile, '')
    const inputs: Record<string, string> = {}
    for (const [name, input] of Object.entries(readActionYml(root).inputs))
      inputs[inputVariable(name)] = String(input.default ?? '')
    Object.assign(inputs, {
      [inputVariable('api_token')]: DEMO_TOKEN,
      [inputVariable('api_url')]: sim.url,
      [inputVariable('backup_id')]: SEED.backups.big,
      [inputVariable('mode')]: 'download',
      [inputVariable('timeout')]: '30m',
    })
    const env = { PATH: process.env.PATH ?? '', HOME: workDir, RUNNER_TEMP: workDir, ...inputs }
    const started = Date.now()
    const child = spawn(process.execPath, [entry], {
      cwd: workDir,
      env: { ...env, GITHUB_OUTPUT: outputFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    // VmHWM only grows, so the last reading before the exit is the peak, give or take 20 ms.
    let peak: number | null = null
    const sampler = setInterval(() => {
      const now = child.pid === undefined ? null : peakRssKib(child.pid)
      if (now !== null) peak = Math.max(peak ?? 0, now)
    }, 20)
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    clearInterval(sampler)
    const wholeS = (Date.now() - started) / 1000
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
    const result = JSON.parse(outputs.result ?? '{}') as {
      download?: { duration_seconds: number | null; files: { bytes: number }[] }
    }
    if (code !== 0 || outputs.outcome !== 'succeeded')
      throw new Error(`the action ended ${outputs.outcome ?? 'without an outcome'} (exit ${code})`)
    const got = result.download?.files.reduce((sum, file) => sum + file.bytes, 0) ?? 0
    return {
      bytes: got,
      downloadS: result.download?.duration_seconds ?? wholeS,
      wholeS,
      peakRssKib: peak,
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true })
    await sim.close()
  }
}
