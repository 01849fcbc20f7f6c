// Headless Chromium photographing a local page, for `npm run screenshot`, the history demo and
// the tests that look at what a page renders: Debian's package (`apt-get install chromium`), or
// the binary named in CHROMIUM. A fresh profile and no background traffic: the page is a local
// file and needs nothing else.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CHROMIUM = process.env.CHROMIUM ?? 'chromium'

/** The flags of every run: headless, a profile of its own, and a window of the size given. */
export function chromiumFlags(
  profile: string,
  width: number | string,
  height: number | string,
): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`,
    // Time for the page's images (the history's SVG charts) to load and its scripts to run
    // before the picture or the DOM is taken.
    '--virtual-time-budget=5000',
  ]
}

/** The one line that says Chromium could not run, and how to get it. */
export function chromiumFailed(why: string): string {
  return `${CHROMIUM} failed (${why}). Install it with \`apt-get install chromium\`, or name it in CHROMIUM.`
}

/** Writes the PNG of `page` (a file) to `out`; the error to print when it could not. */
export function photograph(
  page: string,
  out: string,
  { width, height }: { width: number | string; height: number | string },
): string | null {
  const profile = mkdtempSync(join(tmpdir(), 'snapshooter-chromium-'))
  try {
    const shot = spawnSync(
      CHROMIUM,
      [...chromiumFlags(profile, width, height), `--screenshot=${out}`, `file://${page}`],
      { encoding: 'utf8', timeout: 60_000 },
    )
    if (shot.error === undefined && shot.status === 0) return null
    return chromiumFailed(shot.error?.message ?? shot.stderr)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}
