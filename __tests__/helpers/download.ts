// Download mode's side of the tests: a fresh download folder for each test, what a run says it
// downloaded (to be checked against what is on disk), and files beside the folder as a victim.
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One entry of the `downloaded_files` output. */
export interface Downloaded {
  name: string
  path: string
  bytes: number
  sha256: string
}

export const downloaded = (run: { outputs: Record<string, string> }): Downloaded[] =>
  JSON.parse(run.outputs.downloaded_files ?? '') as Downloaded[]

export const sha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

/**
 * A scratch folder for the enclosing describe block, removed after it, and in it a download
 * folder of each test's own (`run-N/<under>`, not made yet), so that no test sees another's files.
 */
export function useDownloadDirs(prefix: string, under = ''): { scratch: string; dir: string } {
  const dirs = { scratch: '', dir: '' }
  let count = 0
  beforeAll(() => {
    dirs.scratch = mkdtempSync(join(tmpdir(), prefix))
  })
  beforeEach(() => {
    dirs.dir = join(dirs.scratch, `run-${++count}`, under)
  })
  afterAll(() => rmSync(dirs.scratch, { recursive: true, force: true }))
  return dirs
}

/** The content of the files beside the download folder, that no download may touch. */
export const PRECIOUS = 'a file outside download_to that no download may touch\n'

export interface Scratch {
  scratch: string
  /** The download folder, `<scratch>/out`: not made yet. */
  dir: string
  /** `<scratch>/elsewhere`, beside it, holding `victim` (PRECIOUS), which nothing may touch. */
  outside: string
}

/** A scratch folder of each test's own, removed after it, with a download folder and a victim. */
export function useScratch(prefix: string): Scratch {
  const at: Scratch = { scratch: '', dir: '', outside: '' }
  beforeEach(() => {
    at.scratch = mkdtempSync(join(tmpdir(), prefix))
    at.dir = join(at.scratch, 'out')
    at.outside = join(at.scratch, 'elsewhere')
    mkdirSync(at.outside)
    writeFileSync(join(at.outside, 'victim'), PRECIOUS)
  })
  afterEach(() => rmSync(at.scratch, { recursive: true, force: true }))
  return at
}
