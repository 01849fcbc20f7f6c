import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { matchGlob, parseGlob, type Glob, type GlobMeter } from '../src/inputs/glob.js'
import { DIR } from './fixtures/values.js'

function globOf(pattern: string): Glob {
  const parsed = parseGlob(pattern)
  if ('problem' in parsed) throw new Error(`not a pattern: ${parsed.problem}`)
  return parsed.glob
}

const matches = (pattern: string, name: string, meter?: GlobMeter): boolean =>
  matchGlob(globOf(pattern), name, meter)

const problemOf = (pattern: string): string | null => {
  const parsed = parseGlob(pattern)
  return 'problem' in parsed ? parsed.problem : null
}

describe('matchGlob, on the patterns `files` has always read', () => {
  it('negates a class that starts with ] after !', () => {
    expect(matches('[!]]', 'a')).toBe(true)
    expect(matches('[!]]', ']')).toBe(false)
  })

  it('reads a ] right after [ as a member of the class', () => {
    expect(matches('[]a]', ']')).toBe(true)
    expect(matches('[]a]', 'a')).toBe(true)
    expect(matches('[]a]', 'b')).toBe(false)
  })

  it('keeps a [...] class within one path segment', () => {
    expect(matches('a[!x]b', 'a/b')).toBe(false)
    expect(matches('a[/x]b', 'a/b')).toBe(false)
    expect(matches('a[!x]b', 'a-b')).toBe(true)
  })

  it('takes ^ inside a class literally', () => {
    expect(matches('[^a]', '^')).toBe(true)
    expect(matches('[^a]', 'b')).toBe(false)
  })

  it('keeps `*` within one path segment', () => {
    expect(matches('snapshooter/*/test.sql.gz', `snapshooter/abc/test.sql.gz`)).toBe(true)
    expect(matches('snapshooter/*/test.sql.gz', `${DIR}/test.sql.gz`)).toBe(false)
    expect(matches('*.sql.gz', 'test.sql.gz')).toBe(true)
    expect(matches('*.sql.gz', 'dir/test.sql.gz')).toBe(false)
  })

  it('lets `**/` match no folder at all, and only whole folders', () => {
    expect(matches('results/**/*.json', 'results/a.json')).toBe(true)
    expect(matches('results/**/*.json', 'results/x/y/a.json')).toBe(true)
    expect(matches('a/**/b', 'a/xb')).toBe(false)
    expect(matches('**/*.json', 'a.json')).toBe(true)
  })

  it('lets `**` cross path segments', () => {
    expect(matches('snapshooter/**/test.sql.gz', `${DIR}/test.sql.gz`)).toBe(true)
    expect(matches('**.gz', 'a/b/c.gz')).toBe(true)
  })

  it('matches exactly one character, not `/`, with `?`', () => {
    expect(matches('part-?.sql', 'part-1.sql')).toBe(true)
    expect(matches('part-?.sql', 'part-12.sql')).toBe(false)
    expect(matches('a?b', 'a/b')).toBe(false)
  })

  it('reads `[...]` as a character class, with ranges', () => {
    expect(matches('part-[0-9].sql', 'part-7.sql')).toBe(true)
    expect(matches('part-[0-9].sql', 'part-x.sql')).toBe(false)
    expect(matches('[abc].txt', 'b.txt')).toBe(true)
  })

  it('negates a class written `[!...]`', () => {
    expect(matches('part-[!0-9].sql', 'part-x.sql')).toBe(true)
    expect(matches('part-[!0-9].sql', 'part-7.sql')).toBe(false)
  })

  it('reads a `]` right after `[` as part of the class', () => {
    expect(matches('[]x].txt', '].txt')).toBe(true)
    expect(matches('[]x].txt', 'x.txt')).toBe(true)
    expect(matches('[]x].txt', 'y.txt')).toBe(false)
  })

  it('escapes a backslash inside a class', () => {
    expect(matches('a[\\]b', 'a\\b')).toBe(true)
    expect(matches('a[\\]b', 'ab')).toBe(false)
  })

  it('reads a `[` without a closing `]` literally', () => {
    expect(matches('backup[1.sql', 'backup[1.sql')).toBe(true)
    expect(matches('[]', '[]')).toBe(true)
  })

  it('reads regex characters literally', () => {
    expect(matches('db.(1).sql+gz', 'db.(1).sql+gz')).toBe(true)
    expect(matches('db.(1).sql+gz', 'dbx(1)xsqlgz')).toBe(false)
    expect(matches('a|b^$c{2}', 'a|b^$c{2}')).toBe(true)
    expect(matches('a|b^$c{2}', 'a')).toBe(false)
  })

  it('matches the whole name, not a part of it', () => {
    expect(matches('test.sql', 'test.sql.gz')).toBe(false)
    expect(matches('sql', 'test.sql')).toBe(false)
  })
})

describe('matchGlob, where a RegExp used to go wrong', () => {
  it('reads a `-` right after `[!` as a member, not as a range from `/`', () => {
    expect(matches('x[!-a]', 'x-')).toBe(false)
    expect(matches('x[!-a]', 'xa')).toBe(false)
    expect(matches('x[!-a]', 'x/')).toBe(false)
    expect(matches('x[!-a]', 'x5')).toBe(true)
    expect(matches('x[!-a]', 'xB')).toBe(true)
    expect(matches('[!-.]', 'b')).toBe(true)
    expect(matches('[!-.]', '.')).toBe(false)
  })

  it('lets `**` cross any character, a new line in an object key included', () => {
    expect(matches('**.gz', 'a\nb/c.gz')).toBe(true)
    expect(matches('a/**/c', 'a/x\u2028y/c')).toBe(true)
  })
})

describe('parseGlob', () => {
  it('refuses a class range written backwards, saying how to write it', () => {
    expect(problemOf('[z-a].sql')).toBe('its class range "z-a" runs backwards (write "a-z")')
    expect(problemOf('part-[0-9][9-0].sql')).toContain('"9-0"')
    expect(problemOf('[a--]')).toContain('"a--"')
  })

  it('accepts what it reads literally or as members: an unclosed `[`, a `-` at either end', () => {
    expect(problemOf('backup[1.sql')).toBeNull()
    expect(problemOf('[!]')).toBeNull()
    expect(problemOf('[-z]')).toBeNull()
    expect(problemOf('[z-]')).toBeNull()
    expect(problemOf('[a-c-a]')).toBeNull()
    expect(matches('[z-]', '-')).toBe(true)
    expect(matches('[a-c-a]', '-')).toBe(true)
    expect(matches('[a-c-a]', 'd')).toBe(false)
  })
})

describe('matchGlob on long, hostile names', () => {
  const hostile = ['*-*-*-*.sql.gz', '**-**-**-**.sql.gz', '*a*a*a*a*a*a*b', '[!x]*[!x]*?*?*z']

  it.each(hostile)('walks a name once per token for %s, however long the name', (pattern) => {
    const tokens = globOf(pattern).length
    for (const length of [1_500, 100_000]) {
      const name = (pattern.includes('a') ? 'a' : '-').repeat(length)
      const meter = { steps: 0 }
      const started = Date.now()
      expect(matches(pattern, name, meter)).toBe(false)
      // A backtracking RegExp takes minutes on 1,500 characters; this takes microseconds.
      expect(Date.now() - started).toBeLessThan(1000)
      expect(meter.steps).toBeGreaterThan(0)
      expect(meter.steps).toBeLessThanOrEqual(2 * (length + 1) * tokens)
    }
  })

  it('still matches a long name that does fit', () => {
    const name = `${'-'.repeat(50_000)}.sql.gz`
    expect(matches('*-*-*-*.sql.gz', name)).toBe(true)
    expect(matches('*-*-*-*.sql.gz', `dir/${name}`)).toBe(false)
    expect(matches('**-*-*-*.sql.gz', `dir/${name}`)).toBe(true)
  })
})

/**
 * The RegExp `files` patterns were compiled to before, as the reference for short inputs, with
 * two repairs: `**` matches line terminators too (dotAll), and a negated class keeps its body
 * apart from the `/` it excludes, so that a leading `-` stays a member.
 */
function referenceRegExp(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    const first = pattern[i + 1] === '!' ? i + 2 : i + 1
    const end = char === '[' ? pattern.indexOf(']', first + 1) : -1
    if (char === '*' && pattern[i + 1] === '*' && pattern[i + 2] === '/') {
      // `**/` may match no folder at all: `a/**/b` takes `a/b`, as globs do.
      source += '(?:.*/)?'
      i += 2
    } else if (char === '*' && pattern[i + 1] === '*') {
      source += '.*'
      i++
    } else if (char === '*') source += '[^/]*'
    else if (char === '?') source += '[^/]'
    else if (end !== -1) {
      const negated = pattern[i + 1] === '!'
      const body = pattern.slice(i + (negated ? 2 : 1), end).replace(/[\\\]^]/g, '\\$&')
      source += negated ? `(?!/)[^${body}]` : `(?!/)[${body}]`
      i = end
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, 's')
}

describe('matchGlob against the RegExp reference', () => {
  const patternChar = fc.constantFrom(
    ...['a', 'b', 'z', '-', '/', '.', '*', '*', '?', '[', '[', ']', ']', '!', '^', '\\', 'é'],
  )
  const nameChar = fc.constantFrom(
    ...['a', 'b', 'z', '-', '/', '.', '[', ']', '!', '^', '\\', 'é', '\n', '😀'],
  )
  const name = fc.array(nameChar, { maxLength: 10 }).map((chars) => chars.join(''))
  // Names made from the pattern itself, so that matches are common and not only refusals.
  const nameFor = (pattern: string): fc.Arbitrary<string> =>
    fc
      .tuple(
        ...[...pattern].map((char) =>
          char === '*'
            ? name.map((text) => text.slice(0, 3))
            : char === '?'
              ? nameChar
              : fc.constant(char),
        ),
      )
      .map((parts) => parts.join(''))
  const cases = fc
    .array(patternChar, { minLength: 1, maxLength: 9 })
    .map((chars) => chars.join(''))
    .chain((pattern) => fc.tuple(fc.constant(pattern), fc.oneof(name, nameFor(pattern))))

  it('refuses exactly the patterns the RegExp cannot compile, and agrees on every other', () => {
    fc.assert(
      fc.property(cases, ([pattern, candidate]) => {
        let reference: RegExp
        try {
          reference = referenceRegExp(pattern)
        } catch {
          expect(problemOf(pattern)).not.toBeNull()
          return
        }
        expect(problemOf(pattern)).toBeNull()
        expect(matches(pattern, candidate)).toBe(reference.test(candidate))
      }),
      { numRuns: 20_000 },
    )
  })
})
