// Terminal styling for the demo, and the display width that aligning columns needs.

export interface Style {
  bold(text: string): string
  dim(text: string): string
  underline(text: string): string
  red(text: string): string
  yellow(text: string): string
  green(text: string): string
  cyan(text: string): string
}

/** Colour only for a person at a terminal; NO_COLOR (https://no-color.org) wins over a TTY. */
export function colourWanted(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '')
}

export function makeStyle(enabled: boolean): Style {
  // Each style closes with its own reset code, so a styled piece can sit inside another.
  const sgr =
    (open: number, close: number) =>
    (text: string): string =>
      enabled && text !== '' ? `\x1b[${open}m${text}\x1b[${close}m` : text
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

// Code points a terminal draws two cells wide: East Asian wide ranges, and the emoji that
// default to emoji presentation (the summary's ✅ ❌ ➖ among them).
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
]

const isWide = (code: number): boolean => WIDE.some(([from, to]) => code >= from && code <= to)
const isZeroWidth = (code: number): boolean =>
  code === 0x200d || (code >= 0x0300 && code <= 0x036f) || (code >= 0xfe00 && code <= 0xfe0e)

/** Cells the text takes in a terminal, so that table columns line up around emoji. */
export function displayWidth(text: string): number {
  let width = 0
  let last = 0
  for (const char of stripAnsi(text)) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0xfe0f) {
      // Emoji presentation selector: a narrow symbol before it (⏱️) is drawn two cells wide.
      if (last === 1) width += 1
      last = 0
    } else if (isZeroWidth(code)) {
      continue
    } else {
      last = isWide(code) ? 2 : 1
      width += last
    }
  }
  return width
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text
}
