// Headless Chromium for the tests that look at what a page really renders: a screenshot (PNG,
// decoded here to pixels) or the DOM after the page's scripts ran. Debian's package (`apt-get
// install chromium`; CI installs it), or the binary named in CHROMIUM, run with the flags of
// `npm run screenshot` (scripts/lib/chromium.ts).
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { inflateSync } from 'node:zlib'
import { CHROMIUM, chromiumFailed, chromiumFlags } from '../../scripts/lib/chromium.js'

const run = promisify(execFile)

export { CHROMIUM }

export interface Shot {
  width: number
  height: number
  /** RGBA, row by row. */
  pixels: Buffer
}

async function chromium(width: number, height: number, args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'history-chromium-'))
  try {
    const { stdout } = await run(CHROMIUM, [...chromiumFlags(profile, width, height), ...args], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    })
    return stdout
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(chromiumFailed(why), { cause: error })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The page at `file`, photographed at the window's size. */
export async function screenshot(
  file: string,
  width: number,
  height: number,
  out: string,
): Promise<Shot> {
  await chromium(width, height, [`--screenshot=${out}`, `file://${file}`])
  return decodePng(readFileSync(out))
}

/** The page's DOM as serialised after its scripts ran. */
export async function renderedDom(file: string, width = 1000, height = 800): Promise<string> {
  return chromium(width, height, ['--dump-dom', `file://${file}`])
}

/** Decodes an 8-bit RGB or RGBA PNG, not interlaced, as Chromium writes them. */
export function decodePng(png: Buffer): Shot {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG')
  let width = 0
  let height = 0
  let channels = 0
  const data: Buffer[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('latin1')
    const body = png.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]]
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(`PNG of depth ${depth}, colour type ${colour}: not decoded here`)
      channels = colour === 6 ? 4 : 3
    }
    if (type === 'IDAT') data.push(body)
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(data))
  const stride = width * channels
  const rows = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number
      const left = x >= channels ? (rows[y * stride + x - channels] as number) : 0
      const up = y > 0 ? (rows[(y - 1) * stride + x] as number) : 0
      const corner = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] as number) : 0
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, corner)][filter as number]
      if (predicted === undefined) throw new Error(`PNG filter ${filter}`)
      rows[y * stride + x] = (value + predicted) & 0xff
    }
  }
  const pixels = Buffer.alloc(width * height * 4, 0xff)
  for (let i = 0; i < width * height; i++) rows.copy(pixels, i * 4, i * channels, i * channels + 3)
  return { width, height, pixels }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)]
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Pixels within `tolerance` (per channel) of the colour `#rrggbb`, inside an optional box. */
export function countColour(
  shot: Shot,
  hex: string,
  tolerance = 24,
  box = { x: 0, y: 0, width: shot.width, height: shot.height },
): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  let count = 0
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const at = (y * shot.width + x) * 4
      if (
        want.every((channel, i) => Math.abs((shot.pixels[at + i] as number) - channel) <= tolerance)
      )
        count++
    }
  }
  return count
}
