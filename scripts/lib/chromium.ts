// Headless Chromium photographing a local page, for `npm run screenshot` and the history demo:
// Debian's package (`apt-get install chromium`), or the binary named in CHROMIUM. A fresh
// profile and no background traffic: the page is a local file and needs nothing else.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Writes the PNG of `page` (a file) to `out`; the error to print when it could not. */
export function photograph(
  page: string,
  out: string,
  { width, height }: { width: number | string; height: number | string },
): string | null {
  const chromium = process.env.CHROMIUM ?? 'chromium'
  const profile = mkdtempSync(join(tmpdir(), 'snapshooter-chromium-'))
  try {
    const shot = spawnSync(
      chromium,
      [
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
        // Time for the page's images (the history's SVG charts) to load before the picture.
        '--virtual-time-budget=5000',
        `--screenshot=${out}`,
        `file://${page}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    )
    if (shot.error === undefined && shot.status === 0) return null
    return `${chromium} failed: ${shot.error?.message ?? shot.stderr}. Install it with \`apt-get install chromium\`, or name it in CHROMIUM.`
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}
