import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { cannotWrite, diskProblem, shownName } from '../src/download/disk.js'
import {
  DownloadRefused,
  downloadDir,
  isInside,
  planTargets,
  safePath,
} from '../src/download/targets.js'
import { BACKUP_ID, DIR, file } from './fixtures/values.js'

const OUT = '/runner/temp/out'

describe('downloadDir', () => {
  it('is a folder named after the backup under RUNNER_TEMP when `download_to` is empty', () => {
    expect(downloadDir(null, BACKUP_ID, '/runner/temp')).toBe(
      `/runner/temp/snapshooter-${BACKUP_ID}`,
    )
  })

  it('is `download_to` made absolute when given', () => {
    expect(downloadDir('backups/', BACKUP_ID, '/t')).toBe(join(process.cwd(), 'backups'))
    expect(downloadDir('/data/x', BACKUP_ID, '/t')).toBe('/data/x')
  })
})

describe('safePath', () => {
  it.each([
    ['db.sql.gz', `${OUT}/db.sql.gz`],
    ['..hidden', `${OUT}/..hidden`],
    ['nested/run.sh', `${OUT}/nested/run.sh`],
    ['a/../b.sql', `${OUT}/b.sql`],
  ])('keeps %j inside the folder', (name, path) => {
    expect(safePath(OUT, name, BACKUP_ID)).toBe(path)
  })

  it.each([
    ['../../evil.sh', 'outside `download_to`'],
    ['..', 'outside `download_to`'],
    ['.', 'outside `download_to`'],
    ['a/../../x', 'outside `download_to`'],
    ['/etc/cron.d/evil', 'absolute path'],
    ['C:evil.bat', 'Windows path'],
    ['c:\\Windows\\evil.dll', 'Windows path'],
    ['..\\..\\evil.sh', 'Windows path'],
    ['evil\nname', 'control characters'],
  ])('refuses %j: it %s', (name, why) => {
    expect(() => safePath(OUT, name, BACKUP_ID)).toThrow(DownloadRefused)
    expect(() => safePath(OUT, name, BACKUP_ID)).toThrow(why)
    expect(() => safePath(OUT, name, BACKUP_ID)).toThrow(`Backup ${BACKUP_ID}`)
  })
})

describe('planTargets', () => {
  const db = file('db.sql.gz')
  const run = file('run.sh')

  it('matches each file by its base name, as SnapShooter keys the links', () => {
    const links = {
      'db.sql.gz': 'https://s3/db?sig',
      'run.sh': 'https://s3/run?sig',
      x: 'https://s3/x',
    }
    expect(planTargets(BACKUP_ID, [db, run], links, OUT)).toEqual([
      { file: db, name: 'db.sql.gz', url: 'https://s3/db?sig', path: `${OUT}/db.sql.gz` },
      { file: run, name: 'run.sh', url: 'https://s3/run?sig', path: `${OUT}/run.sh` },
    ])
  })

  it('falls back to the full object key, and still keeps it inside the folder', () => {
    const links = { [`${DIR}/db.sql.gz`]: 'https://s3/db?sig' }
    const [target] = planTargets(BACKUP_ID, [db], links, OUT)
    expect(target?.path).toBe(`${OUT}/${DIR}/db.sql.gz`)
  })

  it('does not take a key inherited from Object.prototype for a link', () => {
    const odd = file('constructor')
    expect(() => planTargets(BACKUP_ID, [odd], {}, OUT)).toThrow('no download link for file')
  })

  it('refuses a plain http:// link to anything but a loopback host', () => {
    expect(() =>
      planTargets(BACKUP_ID, [db], { 'db.sql.gz': 'http://s3.example/db' }, OUT),
    ).toThrow('plain http:// link for file db.sql.gz')
    const local = planTargets(BACKUP_ID, [db], { 'db.sql.gz': 'http://127.0.0.1:9/db' }, OUT)
    expect(local).toHaveLength(1)
  })

  it('refuses a selected file SnapShooter gave no link for, naming it', () => {
    expect(() => planTargets(BACKUP_ID, [db, run], { 'db.sql.gz': 'https://s3/u' }, OUT)).toThrow(
      `no download link for file run.sh (${run.id}) of backup ${BACKUP_ID}`,
    )
  })

  it('refuses two files that would be written to the same name', () => {
    const twin = file('snapshooter/other/db.sql.gz')
    expect(() => planTargets(BACKUP_ID, [db, twin], { 'db.sql.gz': 'https://s3/u' }, OUT)).toThrow(
      `Files ${db.id} and ${twin.id}`,
    )
  })

  it.each([
    ['a file first, then one inside it', ['sub', 'sub/x.sql']],
    ['a file inside first, then its folder', ['sub/deep/x.sql', 'sub']],
  ])('refuses a file that would be the folder of another: %s', (_, names) => {
    const files = names.map((name) => file(name))
    const links = Object.fromEntries(names.map((name) => [name, 'https://s3/u']))
    const [first, second] = files
    const refuse = (): unknown => planTargets(BACKUP_ID, files, links, OUT)
    expect(refuse).toThrow(DownloadRefused)
    expect(refuse).toThrow('would be written as "sub", the folder that file')
    expect(refuse).toThrow(first?.id)
    expect(refuse).toThrow(second?.id)
  })

  it('keeps files that share a folder', () => {
    const names = ['sub/x.sql', 'sub/deep/y.sql', 'subx']
    const links = Object.fromEntries(names.map((name) => [name, 'https://s3/u']))
    const targets = planTargets(
      BACKUP_ID,
      names.map((name) => file(name)),
      links,
      OUT,
    )
    expect(targets.map((target) => target.path)).toEqual(names.map((name) => `${OUT}/${name}`))
  })
})

describe('isInside', () => {
  it.each([
    [OUT, true],
    [`${OUT}/a`, true],
    [`${OUT}/a/b`, true],
    [`${OUT}/..a`, true],
    ['/runner/temp', false],
    ['/runner/temp/outside', false],
    ['/runner/temp/out2', false],
    ['/etc', false],
  ])('%s is inside the folder: %s', (path, inside) => {
    expect(isInside(OUT, path)).toBe(inside)
  })
})

describe('the line for a file that cannot be written', () => {
  const target = { name: 'db.sql', file: file('db.sql') }

  it.each([
    ['ENAMETOOLONG', 'its name is too long for the file system', 'leave it out with `files`'],
    ['ENOSPC', 'the disk is full', 'free some space'],
    ['EDQUOT', 'quota', 'free some space'],
    ['EFBIG', 'file size limit', 'raise that limit'],
    ['EACCES', 'may not be written', 'fix its permissions'],
    ['EROFS', 'read-only', 'choose another `download_to`'],
    ['EISDIR', 'a folder stands at its name', 'remove it'],
    ['ENOTDIR', 'a file stands where its path needs a folder', 'remove it'],
  ])('explains %s in words and says what to do', (code, why, todo) => {
    const problem = diskProblem(Object.assign(new Error(`${code}: raw`), { code }))
    expect(problem.why).toContain(why)
    expect(problem.why).toContain(`(${code})`)
    expect(problem.todo).toContain(todo)
    expect(problem.why).not.toContain('raw')
  })

  it('shows any other error as the system gave it', () => {
    const problem = diskProblem(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }))
    expect(problem).toEqual({
      why: 'EIO: i/o error, write',
      todo: 'choose another `download_to`',
    })
  })

  it('is one line naming the file, its id and the folder', () => {
    const line = cannotWrite(target, OUT, { why: 'the disk is full (ENOSPC)', todo: 'free some' })
    expect(line).toBe(
      `db.sql (file ${target.file.id}) could not be written to ${OUT}: the disk is full (ENOSPC): free some.`,
    )
  })

  it('cuts a very long name, since the system repeats it in its own words', () => {
    const long = 'x'.repeat(300)
    expect(shownName(long)).toBe(`${'x'.repeat(60)}…`)
    expect(shownName('x'.repeat(80))).toBe('x'.repeat(80))
  })
})
