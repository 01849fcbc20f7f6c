import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { DownloadRefused, downloadDir, planTargets, safePath } from '../src/download/targets.js'
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
})
