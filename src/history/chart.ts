// The chart of a target's restore durations over time, as SVG for the dashboard. GitHub shows a
// README's SVG as an image from its own domain, so the chart is self-contained: no script, no
// link, no external font or image, every text escaped. It draws its own background: the same
// card reads the same on GitHub's light and dark themes.
import { seconds, utcDay, utcMinute } from './format.js'
import {
  checkLimit,
  durationSeconds,
  endedAt,
  type DrillRecord,
  type RecordedOutcome,
} from './record.js'
import { durationTicks, timeTicks } from './scale.js'
import { byTime } from './stats.js'
import { shorten, xmlText } from './xml.js'

/** Drills in a chart: the newest. More would crowd the points into a smear. */
export const CHART_DRILLS = 100

const WIDTH = 720
const HEIGHT = 300
// The right margin holds the RTO line's label, where no drill's point can cover it.
const PLOT = { left: 72, right: 636, top: 56, bottom: 222 }
/** Room between the plot's edge and the first and last drill. */
const INSET = 14
const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
const INK = '#1f2328'
const MUTED = '#59636e'
const GRID = '#d8dee4'
const LINE = '#8c959f'
const RTO = '#cf222e'
const DASHED = ' stroke-width="1.5" stroke-dasharray="6 4"'

export const OUTCOME_COLOUR: Record<RecordedOutcome, string> = {
  succeeded: '#1a7f37',
  failed: '#cf222e',
  timed_out: '#9a6700',
  cancelled: '#6e7781',
}
const OUTCOME_LABEL: Record<RecordedOutcome, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  timed_out: 'timed out',
  cancelled: 'cancelled',
}

export interface ChartOptions {
  /** The RTO limit in seconds; by default the newest drill's `max_restore_duration`. */
  rtoSeconds?: number | null
}

interface Point {
  x: number
  y: number
  record: DrillRecord
  seconds: number | null
}

/** The SVG of `records` (one target's drills), as text. */
export function durationChart(
  target: string,
  records: readonly DrillRecord[],
  options: ChartOptions = {},
): string {
  const drills = byTime(records).slice(-CHART_DRILLS)
  const newest = drills.at(-1)
  const rto =
    options.rtoSeconds !== undefined
      ? options.rtoSeconds
      : newest
        ? checkLimit(newest, 'max_restore_duration')
        : null
  const name = shorten(target, 48)
  const label = `Restore duration of ${name}`
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${xmlText(label)}" font-family="${FONT}" font-size="12">`,
    `<title>${xmlText(label)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="8" fill="#ffffff" stroke="${GRID}"/>`,
  ]
  if (drills.length === 0) {
    parts.push(...heading(name, ''))
    parts.push(
      text(WIDTH / 2, HEIGHT / 2, 'No drills recorded yet.', { anchor: 'middle', fill: MUTED }),
    )
    return `${[...parts, '</svg>'].join('\n')}\n`
  }
  const first = endedAt(drills[0] as DrillRecord)
  const last = endedAt(newest as DrillRecord)
  const range = `${drills.length} drill${drills.length === 1 ? '' : 's'}, ${span(first, last)}`
  parts.push(...heading(name, range))

  const durations = drills.map(durationSeconds)
  const yTicks = durationTicks(Math.max(rto ?? 0, ...durations.map((value) => value ?? 0)) * 1.05)
  const top = (yTicks.at(-1) as { value: number }).value
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top)
  const x = (at: number) =>
    last === first
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + INSET + ((at - first) / (last - first)) * (PLOT.right - PLOT.left - 2 * INSET)

  parts.push('<g class="axis-y">')
  for (const tick of yTicks) {
    parts.push(line(PLOT.left, y(tick.value), PLOT.right, y(tick.value), GRID))
    parts.push(text(PLOT.left - 8, y(tick.value) + 4, tick.label, { anchor: 'end', fill: MUTED }))
  }
  parts.push('</g>')
  parts.push('<g class="axis-x">', line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, MUTED))
  for (const tick of timeTicks(first, last)) {
    const at = x(tick.value)
    parts.push(line(at, PLOT.bottom, at, PLOT.bottom + 5, MUTED))
    parts.push(text(at, PLOT.bottom + 20, tick.label, { anchor: 'middle', fill: MUTED }))
  }
  parts.push(
    text(PLOT.right, PLOT.bottom + 38, 'drill ended (UTC)', {
      anchor: 'end',
      fill: MUTED,
      size: 11,
    }),
  )
  parts.push('</g>')

  if (rto !== null) {
    parts.push(
      `<g class="rto-limit">`,
      line(PLOT.left, y(rto), PLOT.right, y(rto), RTO, DASHED),
      text(PLOT.right + 6, y(rto) + 4, `RTO ${seconds(rto)}`, { fill: RTO, weight: 600 }),
      '</g>',
    )
  }
  const points: Point[] = drills.map((record, i) => {
    const value = durations[i] ?? null
    return {
      x: x(endedAt(record)),
      y: value === null ? PLOT.bottom - 6 : y(value),
      record,
      seconds: value,
    }
  })
  const measured = points.filter((point) => point.seconds !== null)
  if (measured.length > 1) {
    const path = measured.map((point) => `${num(point.x)},${num(point.y)}`).join(' ')
    parts.push(
      `<polyline class="trend" points="${path}" fill="none" stroke="${LINE}" stroke-width="1.5"/>`,
    )
  }
  parts.push('<g class="drills">', ...points.map(marker), '</g>')
  parts.push(legend(rto))
  return `${[...parts, '</svg>'].join('\n')}\n`
}

/** A dot at the drill's duration, or a cross on the axis for a drill without one. */
function marker(point: Point): string {
  const colour = OUTCOME_COLOUR[point.record.outcome]
  const took = point.seconds === null ? 'no duration' : seconds(point.seconds)
  const tip = `<title>${xmlText(`${utcMinute(endedAt(point.record))}: ${OUTCOME_LABEL[point.record.outcome]}, ${took}`)}</title>`
  const { x, y } = point
  if (point.seconds !== null) {
    return `<circle class="drill ${point.record.outcome}" cx="${num(x)}" cy="${num(y)}" r="4.5" fill="${colour}" stroke="#ffffff" stroke-width="1.5">${tip}</circle>`
  }
  return cross(x, y, colour, `drill ${point.record.outcome} no-duration`, tip)
}

function legend(rto: number | null): string {
  const y = HEIGHT - 20
  const items: string[] = ['<g class="legend">']
  // One row, left to right; text widths estimated for a 12 px sans-serif.
  let x = PLOT.left
  const label = (value: string, offset: number) => {
    items.push(text(x + offset, y, value, { fill: INK }))
    x += offset + 20 + value.length * 6.2
  }
  for (const outcome of ['succeeded', 'failed', 'timed_out', 'cancelled'] as const) {
    items.push(`<circle cx="${x + 5}" cy="${y - 4}" r="4.5" fill="${OUTCOME_COLOUR[outcome]}"/>`)
    label(OUTCOME_LABEL[outcome], 14)
  }
  items.push(cross(x + 5, y - 4, MUTED, 'no-duration'))
  label('no duration', 14)
  if (rto === null) label('no RTO limit set', 0)
  else {
    items.push(line(x, y - 4, x + 24, y - 4, RTO, DASHED))
    label('RTO limit', 30)
  }
  items.push('</g>')
  return items.join('\n')
}

function cross(x: number, y: number, colour: string, kind: string, tip = ''): string {
  const d = `M${num(x - 4)},${num(y - 4)} L${num(x + 4)},${num(y + 4)} M${num(x - 4)},${num(y + 4)} L${num(x + 4)},${num(y - 4)}`
  return `<path class="${kind}" d="${d}" stroke="${colour}" stroke-width="2.5" stroke-linecap="round">${tip}</path>`
}

function span(first: number, last: number): string {
  const withYear = new Date(first).getUTCFullYear() !== new Date(last).getUTCFullYear()
  const from = utcDay(first, withYear)
  const to = utcDay(last, true)
  return from === to || utcDay(first, true) === to ? to : `${from} – ${to}`
}

interface TextStyle {
  anchor?: 'start' | 'middle' | 'end'
  fill?: string
  size?: number
  weight?: number
}

/**
 * The chart's heading, and the range of its drills on the right of the same line, or under it
 * when a long target (such as `job <uuid>`) would run into it. Widths as Chromium's sans-serif
 * draws them at most: about 9.2 px a character at 15 px bold, 7 px at 12 px.
 */
function heading(name: string, range: string): string[] {
  const title = `Restore duration · ${name}`
  const shown = text(20, 30, title, { size: 15, weight: 600 })
  if (range === '') return [shown]
  const fits = 20 + title.length * 9.2 + 16 + range.length * 7 <= WIDTH - 20
  return [shown, text(WIDTH - 20, fits ? 30 : 48, range, { anchor: 'end', fill: MUTED })]
}

function text(x: number, y: number, value: string, style: TextStyle = {}): string {
  const attributes = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    `fill="${style.fill ?? INK}"`,
    style.size ? `font-size="${style.size}"` : '',
    style.weight ? `font-weight="${style.weight}"` : '',
  ]
  return `<text ${attributes.filter(Boolean).join(' ')}>${xmlText(value)}</text>`
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra}/>`
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10)
}
