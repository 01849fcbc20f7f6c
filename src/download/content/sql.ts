// An SQL dump is complete when it ends as its tool ends it. mysqldump's last line is
// `-- Dump completed on <date>` (the hour padded with a space: `2026-01-01  4:00:00`), or
// `-- Dump completed` with --skip-dump-date. pg_dump closes with a comment block,
// `--` / `-- PostgreSQL database dump complete` / `--`, and pg_dumpall with `... cluster dump
// complete`. Since the fix for CVE-2025-8714 (17.6, 16.10, 15.14, 14.19, 13.22) pg_dump opens
// with `\restrict <key>` and writes `\unrestrict <key>` after its comment block, so the completion
// line is then not the last one. Blank lines may follow.
//
// A dump that died halfway still gzips cleanly, so this is the check that sees it. Only trailing
// blank lines may be missing for a dump to pass: the last line must end with a line break, and a
// `\restrict` must be lifted by its `\unrestrict`, which a cut just after the comment block loses.
// Memory stays bounded: the last few KiB are kept, and the counted lines are found by a search
// that sees across chunk boundaries.
import { Needle } from './needle.js'
import { quoteEnd } from './text.js'
import type { ContentChecker, FileCheck } from './types.js'

/** Far more than the completion block needs, and enough to quote a long last line's end. */
const TAIL_BYTES = 4096
/** pg_dump's keys are 63 letters and digits: a meta-command's line is read this far. */
const MAX_LINE = 256
/** White space between lines is kept up to this much, enough for the line breaks in it. */
const MAX_SPACE = 64

const MYSQL_DONE = /^-- Dump completed(?: on \d{4}-\d\d-\d\d [ \d]\d:\d\d:\d\d)?$/
const PG_DONE = /^-- PostgreSQL database (cluster )?dump complete$/
const UNRESTRICT = /^\\unrestrict \S+$/
const RESTRICT = /^(un)?restrict (\S+)$/
const CLUSTER = /^--\r?\n-- PostgreSQL database cluster dump\r?\n/
/** Enough of the start to see a cluster dump's heading. */
const HEAD_BYTES = 64

const INCOMPLETE =
  'the dump is incomplete: no mysqldump or pg_dump completion line at its end, so it was cut ' +
  'short or written without comments (`mysqldump --skip-comments`: choose `verify: integrity` ' +
  'for such dumps)'

interface Command {
  /** Where in the stream its key starts: what orders the commands. */
  at: number
  key: string
}

const isSpace = (byte: number): boolean => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)

export class SqlChecker implements ContentChecker {
  readonly name = 'sql'
  private seen = 0
  private tables = 0
  /** Searched for without its line break, which is what makes the search fast. */
  private readonly createTable = new Needle('CREATE TABLE ', '\n')
  /** Lines that start with a backslash: psql's meta-commands, rare in a dump but for `\.`. */
  private readonly metaCommand = new Needle('\n\\', '\n')
  private restrict: Command | null = null
  private unrestrict: Command | null = null
  /** The meta-command line being read; it may run on into the next chunk. */
  private reading: { at: number; text: string } | null = null
  /** The content's first bytes: a cluster dump says so there. */
  private head = Buffer.alloc(0)
  /** The content's last bytes up to its last one that is not white space. */
  private tail = Buffer.alloc(0)
  /** The white space that came after them. */
  private space = Buffer.alloc(0)
  /** Whether a line break came after the tail: whether the last line is whole. */
  private lineEnded = false

  write(chunk: Buffer): void {
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)])
    if (this.reading !== null) this.readLine(chunk, 0)
    this.createTable.scan(chunk, (_, previous) => {
      if (previous === 0x0a) this.tables++
    })
    // One search for both commands: a line break then a backslash is rare, and a longer needle of
    // common letters would cost a search of its own at a fraction of the speed.
    this.metaCommand.scan(chunk, (end) => {
      this.reading = { at: this.seen + end, text: '' }
      this.readLine(chunk, end)
    })
    this.keepTail(chunk)
    this.seen += chunk.length
  }

  end(): FileCheck[] {
    return [{ name: this.name, ...this.verdict() }]
  }

  private verdict(): { passed: boolean; detail: string } {
    const lines = this.tail.toString('utf8').split('\n')
    const last = quoteEnd(Buffer.from(lines[lines.length - 1] ?? ''))
    if (this.tail.length === 0) return { passed: false, detail: `${INCOMPLETE}; it is blank` }
    if (!this.lineEnded) {
      return { passed: false, detail: `${INCOMPLETE}; its last line stops short: ${last}` }
    }
    const tool = completedBy(lines.map((line) => line.trimEnd()).filter((line) => line !== ''))
    if (tool === null) return { passed: false, detail: `${INCOMPLETE}; its last line is ${last}` }
    // A cluster dump holds a whole pg_dump per database: cut after one, it looks like one.
    if (tool !== 'pg_dumpall' && CLUSTER.test(this.head.toString('latin1')))
      return {
        passed: false,
        detail: `the dump is incomplete: a pg_dumpall dump that ends after one of its databases, without pg_dumpall's completion line`,
      }
    const { restrict, unrestrict } = this
    if (restrict !== null && (unrestrict === null || unrestrict.at < restrict.at))
      return {
        passed: false,
        detail: `the dump is incomplete: pg_dump's closing \`\\unrestrict\` line is missing, so its end was cut off`,
      }
    if (restrict !== null && unrestrict !== null && unrestrict.key !== restrict.key)
      return {
        passed: false,
        detail: `the dump is incomplete: its last \`\\unrestrict\` does not name the key of its \`\\restrict\``,
      }
    return { passed: true, detail: `${tool} complete, ${this.tables} CREATE TABLE` }
  }

  /** The rest of a meta-command's line, from `from` up to its line break. */
  private readLine(chunk: Buffer, from: number): void {
    const reading = this.reading
    if (reading === null) return
    const newline = chunk.indexOf(0x0a, from)
    const to = newline === -1 ? chunk.length : newline
    const room = MAX_LINE - reading.text.length
    if (room > 0) reading.text += chunk.toString('latin1', from, Math.min(to, from + room))
    if (newline === -1) return
    this.reading = null
    const command = RESTRICT.exec(reading.text.trimEnd())
    if (command === null) return
    const found = { at: reading.at, key: command[2] as string }
    if (command[1] === undefined) this.restrict = found
    else this.unrestrict = found
  }

  private keepTail(chunk: Buffer): void {
    let last = chunk.length - 1
    while (last >= 0 && isSpace(chunk[last] as number)) last--
    if (last === -1) return this.keepSpace(chunk)
    // Only the end of a chunk is kept: copying all of it would copy every byte of the dump.
    const text = chunk.subarray(Math.max(0, last + 1 - TAIL_BYTES), last + 1)
    const joined = Buffer.concat([this.tail, this.space, text])
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - TAIL_BYTES)))
    this.space = Buffer.alloc(0)
    this.lineEnded = false
    this.keepSpace(chunk.subarray(last + 1))
  }

  /** White space after the tail: only its line breaks matter, so a long run is kept short. */
  private keepSpace(space: Buffer): void {
    if (space.length === 0) return
    this.lineEnded ||= space.includes(0x0a)
    this.space =
      this.space.length + space.length <= MAX_SPACE
        ? Buffer.concat([this.space, space])
        : Buffer.from(this.lineEnded ? '\n' : ' ')
  }
}

/**
 * Which tool completed the dump, from its last lines that are not blank; null when none did.
 * mysqldump's line is last. pg_dump's block is `-- ...dump complete` then `--`, and then perhaps
 * `\unrestrict <key>`.
 */
export function completedBy(lines: readonly string[]): string | null {
  const end = [...lines]
  if (MYSQL_DONE.test(end[end.length - 1] ?? '')) return 'mysqldump'
  if (UNRESTRICT.test(end[end.length - 1] ?? '')) end.pop()
  if (end.pop() !== '--') return null
  const done = PG_DONE.exec(end.pop() ?? '')
  if (done === null) return null
  return done[1] === undefined ? 'pg_dump' : 'pg_dumpall'
}
