// The download folder on a real file system, in a temporary folder: the action's own folder for
// files on their way, and the checks made again when a verified file takes its name, since the
// folder may have changed during the download.
import { describe, expect, it } from '@jest/globals'
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { partialPath, placeFile, prepareWorkspace, removeWorkspace } from '../src/download/place.js'
import { DownloadRefused, type Target } from '../src/download/targets.js'
import { file } from './fixtures/values.js'
import { PRECIOUS, useScratch } from './helpers/download.js'

const at = useScratch('snapshooter-place-')

const target = (name: string): Target => ({
  file: file(name),
  name,
  url: 'https://s3/u',
  path: join(at.dir, name),
})

describe('prepareWorkspace', () => {
  it('makes a new folder of its own inside `download_to`, and the targets’ folders', async () => {
    const workspace = await prepareWorkspace(at.dir, [target('a/b/db.sql'), target('run.sh')])
    expect(workspace.dir).toBe(at.dir)
    expect(basename(workspace.work)).toMatch(/^\.snapshooter-download-.{6}$/)
    expect(readdirSync(at.dir).sort()).toEqual([basename(workspace.work), 'a'].sort())
    expect(readdirSync(workspace.work)).toEqual([])
    expect(partialPath(workspace, 3)).toBe(join(workspace.work, '3.partial'))
    await removeWorkspace(workspace)
    expect(readdirSync(at.dir)).toEqual(['a'])
  })

  it('gives two runs into one folder two folders of their own', async () => {
    const first = await prepareWorkspace(at.dir, [target('run.sh')])
    const second = await prepareWorkspace(at.dir, [target('run.sh')])
    expect(first.work).not.toBe(second.work)
  })

  it('refuses a file standing where a folder is needed, naming both', async () => {
    mkdirSync(at.dir)
    writeFileSync(join(at.dir, 'a'), 'in the way')
    await expect(prepareWorkspace(at.dir, [target('a/db.sql')])).rejects.toThrow(
      /^a\/db\.sql \(file .*\) could not be written to .*: a is a file, where its path needs a folder: remove it/,
    )
  })

  it('says a folder name too long for the file system is too long', async () => {
    const long = `${'f'.repeat(300)}/db.sql`
    await expect(prepareWorkspace(at.dir, [target(long)])).rejects.toThrow(
      'its name is too long for the file system',
    )
  })
})

describe('placeFile', () => {
  async function ready(name: string) {
    const each = target(name)
    const workspace = await prepareWorkspace(at.dir, [each])
    const partial = partialPath(workspace, 0)
    writeFileSync(partial, 'verified bytes')
    return { each, workspace, partial }
  }

  it('gives the verified file its name', async () => {
    const { each, workspace, partial } = await ready('sub/db.sql')
    await placeFile(partial, each, workspace)
    expect(readFileSync(each.path, 'utf8')).toBe('verified bytes')
    expect(existsSync(partial)).toBe(false)
  })

  it('refuses a link that appeared at the name during the download', async () => {
    const { each, workspace, partial } = await ready('db.sql')
    symlinkSync(join(at.outside, 'victim'), each.path)
    const placing = placeFile(partial, each, workspace)
    await expect(placing).rejects.toThrow(DownloadRefused)
    await expect(placing).rejects.toThrow('db.sql is a symbolic link')
    expect(lstatSync(each.path).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(at.outside, 'victim'), 'utf8')).toBe(PRECIOUS)
  })

  it('refuses a folder that was swapped for a link outside during the download', async () => {
    const { each, workspace, partial } = await ready('sub/db.sql')
    rmSync(join(at.dir, 'sub'), { recursive: true })
    symlinkSync(at.outside, join(at.dir, 'sub'))
    await expect(placeFile(partial, each, workspace)).rejects.toThrow(
      `sub is a link to ${at.outside}, outside \`download_to\``,
    )
    expect(readdirSync(at.outside)).toEqual(['victim'])
  })

  it('refuses a folder that appeared at the name, in one line naming the file', async () => {
    const { each, workspace, partial } = await ready('db.sql')
    mkdirSync(each.path)
    await expect(placeFile(partial, each, workspace)).rejects.toThrow(
      /^db\.sql \(file .*\) could not be written to .*: db\.sql is a folder: remove it, or choose another `download_to`\.$/,
    )
  })

  it('refuses a name the file system takes for one this run has just written', async () => {
    const [first, second] = [target('db.sql'), target('DB.SQL')]
    const workspace = await prepareWorkspace(at.dir, [first, second])
    const partials = [partialPath(workspace, 0), partialPath(workspace, 1)] as const
    writeFileSync(partials[0], 'first bytes')
    writeFileSync(partials[1], 'second bytes')
    await placeFile(partials[0], first, workspace)
    // Where case is ignored, DB.SQL is db.sql; a hard link makes it so on any file system.
    linkSync(first.path, second.path)
    await expect(placeFile(partials[1], second, workspace)).rejects.toThrow('DB.SQL (file')
    await expect(placeFile(partials[1], second, workspace)).rejects.toThrow(
      'the file system takes its name for that of db.sql, written just before',
    )
    expect(readFileSync(first.path, 'utf8')).toBe('first bytes')
  })

  it('replaces a regular file left by an earlier run', async () => {
    const { each, workspace, partial } = await ready('db.sql')
    writeFileSync(each.path, 'old bytes')
    await placeFile(partial, each, workspace)
    expect(readFileSync(each.path, 'utf8')).toBe('verified bytes')
  })
})
