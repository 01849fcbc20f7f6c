// Renders an action's log the way a person reads it on the run's page: workflow commands
// (::group::, ::error:: ...) become headings and coloured lines, and masked secrets become ***.
import type { Style } from './style.js'

interface Command {
  name: string
  properties: Record<string, string>
  message: string
}

// Properties carry no ':' (escaped as %3A), so the first '::' after them ends the command.
const COMMAND = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/

/** @actions/core escapes these in a command's message; properties also escape ':' and ','. */
function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/gi, ':').replace(/%2C/gi, ','))
}

function parseCommand(line: string): Command | null {
  const match = COMMAND.exec(line)
  if (match === null) return null
  const [, name = '', props = '', message = ''] = match
  const properties: Record<string, string> = {}
  for (const pair of props.split(',')) {
    const equals = pair.indexOf('=')
    if (equals > 0)
      properties[pair.slice(0, equals).trim()] = unescapeProperty(pair.slice(equals + 1))
  }
  return { name: name.toLowerCase(), properties, message: unescapeData(message) }
}

export class LogRenderer {
  readonly #secrets = new Set<string>()
  #stopToken: string | null = null
  readonly #started = Date.now()

  constructor(
    private readonly style: Style,
    private readonly write: (text: string) => void,
  ) {}

  /** Replaces every registered secret with ***, as the runner does for everything it shows. */
  mask(text: string): string {
    let masked = text
    // Longest first, so a secret that contains another is not left half shown.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length))
      masked = masked.split(secret).join('***')
    return masked
  }

  line(raw: string): void {
    const text = raw.replace(/\r$/, '')
    if (this.#stopToken !== null) {
      if (text === `::${this.#stopToken}::`) {
        this.#stopToken = null
        this.#emit(this.style.dim('(workflow commands resumed)'))
      } else {
        this.#emit(this.mask(text))
      }
      return
    }
    const command = parseCommand(text)
    if (command === null) return this.#emit(this.mask(text))
    this.#command(command, text)
  }

  #command({ name, properties, message }: Command, text: string): void {
    const { style } = this
    switch (name) {
      case 'add-mask':
        if (message.trim() !== '') this.#secrets.add(message.trim())
        return this.#emit(style.dim('(a secret was masked)'))
      case 'debug':
        return
      case 'group':
        this.write('')
        return this.#emit(style.bold(style.underline(this.mask(message))))
      case 'endgroup':
        return
      case 'error':
        return this.#annotation(style.red, 'Error', properties, message)
      case 'warning':
        return this.#annotation(style.yellow, 'Warning', properties, message)
      case 'notice':
        return this.#annotation(style.cyan, 'Notice', properties, message)
      case 'stop-commands':
        // The token ends the pause; it is not worth showing, only that commands are off.
        this.#stopToken = message
        return this.#emit(style.dim('(workflow commands paused)'))
      case 'echo':
      case 'save-state':
      case 'set-output':
      case 'set-env':
      case 'add-path':
        return this.#emit(style.dim(`(::${name}:: command)`))
      default:
        // The runner shows a command it does not know as plain text.
        return this.#emit(this.mask(text))
    }
  }

  #annotation(
    colour: (text: string) => string,
    label: string,
    properties: Record<string, string>,
    message: string,
  ): void {
    const where = [properties.file, properties.line].filter(Boolean).join(':')
    const title = properties.title ? `${properties.title}: ` : ''
    const lines = this.mask(`${title}${message}`).split(/\r?\n/)
    const indent = ' '.repeat(label.length + 2)
    const body = lines.map((line, i) => colour(i === 0 ? `${label}: ${line}` : indent + line))
    this.#emit(body.join('\n') + (where ? this.style.dim(` (${where})`) : ''))
  }

  /** Prefixes the seconds since the start, so the pauses between status checks show. */
  #emit(text: string): void {
    const elapsed = `${((Date.now() - this.#started) / 1000).toFixed(1)}s`
    const stamp = this.style.dim(`${elapsed.padStart(6)} │ `)
    const gutter = this.style.dim(`${''.padStart(6)} │ `)
    this.write(text.replace(/\n/g, `\n${gutter}`).replace(/^/, stamp))
  }
}
