// API text made safe: no workflow command can start from it, no secret survives in it, no field
// is longer than its limit; and the one strict reader of API times.
import { describe, expect, it } from '@jest/globals'
import {
  MIN_SECRET_LENGTH,
  SCRUBBED,
  Secrets,
  cleanName,
  cleanText,
  scrubLinks,
} from '../src/snapshooter/text.js'
import { cut, neutralise } from '../src/line-text.js'
import { parseTimestamp } from '../src/snapshooter/timestamps.js'

const TOKEN = 'demo-token-7f3c9a1e5b2d4f608a9c1e3b5d7f9'
const KEY = 'LS0tLS1CRUdJTiBTSU1VTEFURUQgUFJJVkFURSBLRVktLS0tLQo='
const SIGNED = 'https://s3.example.com/b/db.sql.gz?X-Amz-Credential=AKIA&X-Amz-Signature=deadbeef'

describe('neutralise', () => {
  it('turns line breaks and other controls into spaces, so that no new line can begin', () => {
    expect(neutralise('a\nb\r\nc\u0085d\u2028e\u2029f\u0000g\u001bh')).toBe('a b  c d e f g h')
  })

  it('breaks every `::` apart, however many colons in a row', () => {
    expect(neutralise('::error::forged')).toBe(': :error: :forged')
    expect(neutralise(':::add-mask:::x')).toBe(': : :add-mask: : :x')
    expect(neutralise('a:b')).toBe('a:b')
  })

  it('breaks `##[`, which the runner reads as a command anywhere in a line', () => {
    expect(neutralise('ok ##[error]forged')).toBe('ok # #[error]forged')
    expect(neutralise('###[x]')).not.toContain('##[')
  })

  it('takes out the bidirectional controls that make a line read otherwise', () => {
    expect(neutralise('abc\u202edcba\u2066')).toBe('abc dcba ')
  })
})

describe('cut', () => {
  it('keeps text within its limit, marking the cut', () => {
    expect(cut('short', 10)).toBe('short')
    expect(cut('x'.repeat(300), 200)).toHaveLength(200)
    expect(cut('x'.repeat(300), 200).endsWith('…')).toBe(true)
  })

  it('never leaves half of a surrogate pair', () => {
    const text = `${'x'.repeat(8)}😀😀`
    const shown = cut(text, 10)
    expect(shown).toBe(`${'x'.repeat(8)}…`)
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })
})

describe('cleanText', () => {
  it('makes one short line of any text, with no workflow command in it', () => {
    const text = cleanText(`fine\n::error::forged\n::stop-commands::t0k\n${'y'.repeat(5000)}`)
    expect(text).toMatch(/^fine : :error: :forged : :stop-commands: :t0k y+…$/)
    expect(text).toHaveLength(200)
  })

  it('takes signed links out even when it knows no secret', () => {
    expect(cleanText(`see ${SIGNED} now`)).toBe(`see ${SCRUBBED} now`)
    expect(cleanText('X-Amz-Signature=abc&x=1')).toBe(SCRUBBED)
    expect(cleanText('see https://docs.example.com/restore for help')).toContain('https://')
  })

  it('takes a secret out before cutting, so that no half of it is left', () => {
    const secrets = new Secrets()
    const key = 'K'.repeat(400)
    secrets.add(key)
    const text = cleanText(`${'a'.repeat(150)} ${key}`, 200, secrets)
    expect(text).toBe(`${'a'.repeat(150)} ${SCRUBBED}`)
    expect(cleanText(`${'a'.repeat(150)} ${key}`)).toContain('KKKK')
  })
})

describe('cleanName', () => {
  it('keeps the name as it is apart from controls, markers, secrets and length', () => {
    const secrets = new Secrets()
    secrets.add(TOKEN)
    expect(cleanName('dir/db  backup.sql.gz', 1024, secrets)).toBe('dir/db  backup.sql.gz')
    expect(cleanName(`dir/${TOKEN}.sql\n::error::x`, 1024, secrets)).toBe(
      `dir/${SCRUBBED}.sql : :error: :x`,
    )
    expect(cleanName('n'.repeat(5000), 1024, secrets)).toHaveLength(1024)
  })
})

describe('Secrets', () => {
  it('scrubs the token and each key learnt, and masks a key once', () => {
    const masked: string[] = []
    const secrets = new Secrets((secret) => masked.push(secret))
    secrets.add(TOKEN, { mask: false })
    secrets.add(KEY)
    secrets.add(KEY)
    expect(masked).toEqual([KEY])
    expect(secrets.scrub(`token ${TOKEN}, key ${KEY}, link ${SIGNED}`)).toBe(
      `token ${SCRUBBED}, key ${SCRUBBED}, link ${SCRUBBED}`,
    )
  })

  it('takes a secret that holds another out whole', () => {
    const secrets = new Secrets()
    secrets.add('abcdefgh')
    secrets.add('abcdefgh-and-more')
    expect(secrets.scrub('x abcdefgh-and-more y')).toBe(`x ${SCRUBBED} y`)
  })

  it('ignores what is no secret: short strings and values that are not strings', () => {
    const masked: string[] = []
    const secrets = new Secrets((secret) => masked.push(secret))
    secrets.add('a'.repeat(MIN_SECRET_LENGTH - 1))
    secrets.add(null)
    secrets.add({ pem: KEY })
    expect(masked).toEqual([])
    expect(secrets.scrub('aaaaaaa')).toBe('aaaaaaa')
  })
})

describe('scrubLinks', () => {
  it('takes out a base64 PEM block, the shape of every encryption_key, even unknown', () => {
    expect(scrubLinks(`key "${KEY}" refused`)).toBe(`key "${SCRUBBED}" refused`)
  })

  it('stays fast on megabytes of hostile text', () => {
    const hostile = 'http://'.repeat(300_000)
    const started = Date.now()
    scrubLinks(hostile)
    scrubLinks('a'.repeat(2_000_000))
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('parseTimestamp', () => {
  it('reads ISO 8601 times with a zone, as SnapShooter writes them', () => {
    expect(parseTimestamp('2023-07-06T21:01:58.000000Z')).toBe(Date.UTC(2023, 6, 6, 21, 1, 58))
    expect(parseTimestamp('2023-07-06T21:01:58.5Z')).toBe(Date.UTC(2023, 6, 6, 21, 1, 58, 500))
    expect(parseTimestamp('2023-07-06T23:01:58+02:00')).toBe(Date.UTC(2023, 6, 6, 21, 1, 58))
    expect(parseTimestamp('2023-07-06T20:01-0100')).toBe(Date.UTC(2023, 6, 6, 21, 1))
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
  })

  it('refuses what Date.parse would guess at', () => {
    for (const text of [
      '1',
      '2023',
      '2023-07-06',
      '2023-07-06T21:01:58',
      '2023-07-06 21:01:58Z',
      'Thu, 06 Jul 2023 21:01:58 GMT',
      '2023-02-30T00:00:00Z',
      '2023-13-01T00:00:00Z',
      '2023-07-06T24:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      `2023-07-06T21:01:58.${'0'.repeat(100)}Z`,
      ' 2023-07-06T21:01:58Z',
    ]) {
      expect([text, parseTimestamp(text)]).toEqual([text, null])
    }
  })

  it('reads a year below 100 as itself, not as 19xx', () => {
    expect(new Date(parseTimestamp('0099-01-01T00:00:00Z') ?? NaN).getUTCFullYear()).toBe(99)
  })
})
