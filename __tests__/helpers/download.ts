// Download mode's side of the end-to-end tests: a fresh download folder for each test, and what
// a run says it downloaded, to be checked against what is on disk.
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
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
