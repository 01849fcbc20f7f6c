// The simulator's download side: signed links and the bytes behind them, the hostile backups,
// the damaged-body faults and the big generated file the benchmark reads.
import { describe, expect, it } from '@jest/globals'
import { gunzipSync } from 'node:zlib'
import { SEED } from '../simulator/index.js'
import { downloadLinks, json, listPath, useSimulator, type Json } from './helpers/sim-api.js'

const BIG = 3 * 1024 * 1024 + 17
const lab = useSimulator({ bigFileBytes: BIG })

const links = (backupId: string): Promise<Json> => downloadLinks(lab.sim, backupId)

async function listedFiles(backupId: string): Promise<{ name: string; size: string }[]> {
  return (await json(lab.sim, `/v1/backups/${backupId}`))[1].data.files
}

const bytesOf = async (url: string): Promise<Buffer> =>
  Buffer.from(await (await fetch(url)).arrayBuffer())

describe('signed links', () => {
  const latest = (): Promise<Json> => links(SEED.backups.latest)

  it('serves real bytes, matching size, without asking for Authorization', async () => {
    const urls = await latest()
    expect(Object.keys(urls)).toEqual(['db.sql.gz', 'site.tar.gz', 'run.sh'])
    expect(urls['run.sh']).not.toBe((await latest())['run.sh'])
    const [, { data }] = await json(lab.sim, `/v1/backups/${SEED.backups.latest}`)
    for (const file of data.files as Json[]) {
      const base = file.name.split('/').at(-1)
      for (const url of [urls[base] as string, file.url as string]) {
        const res = await fetch(url)
        expect(res.status).toBe(200)
        const bytes = Buffer.from(await res.arrayBuffer())
        expect(`${bytes.length} bytes`).toBe(file.size)
        expect(res.headers.get('content-length')).toBe(String(bytes.length))
        const text = base.endsWith('.gz') ? gunzipSync(bytes).toString() : bytes.toString()
        expect(text.length).toBeGreaterThan(200)
      }
    }
    const last = lab.sim.requests.at(-1)
    expect([last?.route, last?.headers.authorization]).toEqual(['storage', undefined])
  })

  it('answers 403 for an unknown signature or another file’s signature', async () => {
    const urls = await latest()
    const forged = (urls['run.sh'] as string).replace(
      /Signature=[0-9a-f]+/,
      `Signature=${'0'.repeat(64)}`,
    )
    expect((await fetch(forged)).status).toBe(403)
    const signature = (urls['run.sh'] as string).split('Signature=')[1]
    const swapped = (urls['db.sql.gz'] as string).replace(
      /Signature=[0-9a-f]+/,
      `Signature=${signature}`,
    )
    expect((await fetch(swapped)).status).toBe(403)
  })

  it('truncates a download: full Content-Length, half the body', async () => {
    const urls = await latest()
    lab.sim.inject({ route: 'storage', kind: 'truncate' })
    const res = await fetch(urls['db.sql.gz'] as string)
    expect(res.status).toBe(200)
    await expect(res.arrayBuffer()).rejects.toThrow()
  })
})

describe('the download-quirks job', () => {
  it('is never the latest of the main job', async () => {
    const [, listed] = await json(
      lab.sim,
      listPath(SEED.jobs.main, 'sort=-completed_at&page_size=100'),
    )
    const ids = (listed.data as { id: string }[]).map((b) => b.id)
    expect(ids).not.toContain(SEED.backups.wrongSize)
  })

  it('has a backup whose listed size is 512 bytes more than it serves', async () => {
    const [file] = await listedFiles(SEED.backups.wrongSize)
    const bytes = await bytesOf((await links(SEED.backups.wrongSize))['db.sql.gz'] as string)
    expect(file?.size).toBe(`${bytes.length + 512} bytes`)
    expect(gunzipSync(bytes).toString()).toContain('INSERT INTO')
  })

  it('has a backup whose one file POST download keys as `../../evil.sh`', async () => {
    const [file] = await listedFiles(SEED.backups.traversal)
    const map = await links(SEED.backups.traversal)
    expect([file?.name, Object.keys(map)]).toEqual(['../../evil.sh', ['../../evil.sh']])
    expect((await bytesOf(map['../../evil.sh'] as string)).toString()).toContain('#!/bin/sh')
  })

  it('has a backup with `db.sql` and `.db.sql.partial`, of different bytes', async () => {
    const map = await links(SEED.backups.colliding)
    expect(Object.keys(map)).toEqual(['db.sql', '.db.sql.partial'])
    const [dump, other] = await Promise.all(Object.values(map).map(bytesOf))
    expect([dump?.length, other?.length]).toEqual([300_000, 1_000])
    expect(dump?.toString()).toMatch(/-- Dump completed on .*\n$/)
    const listed = await listedFiles(SEED.backups.colliding)
    expect(listed.map((file) => file.size)).toEqual(['300000 bytes', '1000 bytes'])
  })

  it('has a backup whose files POST download keys by their paths under `sub/`', async () => {
    const map = await links(SEED.backups.nested)
    expect(Object.keys(map)).toEqual(['sub/x.sql', 'sub/deep/y.sql'])
    expect((await bytesOf(map['sub/deep/y.sql'] as string)).length).toBe(3_000)
  })

  it('has a backup whose one file has a name of more than 255 bytes', async () => {
    const [name] = Object.keys(await links(SEED.backups.longName))
    expect(Buffer.byteLength(name ?? '')).toBeGreaterThan(255)
  })

  it('streams the big file at its configured size, from a repeating pattern', async () => {
    const [file] = await listedFiles(SEED.backups.big)
    const url = (await links(SEED.backups.big))['big.bin'] as string
    const res = await fetch(url)
    expect([file?.size, res.headers.get('content-length')]).toEqual([`${BIG} bytes`, String(BIG)])
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.length).toBe(BIG)
    expect(bytes.subarray(0, 12).toString()).toBe('snapshooter ')
  })
})

describe('storage faults that damage the bytes', () => {
  it('shortBody: half the file, with an honest Content-Length', async () => {
    const url = (await links(SEED.backups.latest))['db.sql.gz'] as string
    const whole = await bytesOf(url)
    lab.sim.inject({ route: 'storage', kind: 'shortBody' })
    const res = await fetch(url)
    expect(res.headers.get('content-length')).toBe(String(whole.length >> 1))
    expect(Buffer.from(await res.arrayBuffer())).toEqual(whole.subarray(0, whole.length >> 1))
  })

  it('corrupt: the full length, with bytes in the middle changed', async () => {
    const url = (await links(SEED.backups.latest))['db.sql.gz'] as string
    const whole = await bytesOf(url)
    lab.sim.inject({ route: 'storage', kind: 'corrupt' })
    const damaged = await bytesOf(url)
    expect(damaged.length).toBe(whole.length)
    expect(damaged.equals(whole)).toBe(false)
    expect(() => gunzipSync(damaged)).toThrow()
  })

  it('apply to the storage route only', () => {
    expect(() => lab.sim.inject({ route: 'getBackup', kind: 'corrupt' })).toThrow(/storage/)
    expect(() => lab.sim.inject({ route: 'download', kind: 'shortBody' })).toThrow(/storage/)
  })
})
