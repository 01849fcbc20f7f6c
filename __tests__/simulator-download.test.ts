// The simulator's download side: the hostile backups, the damaged-body faults and the big
// generated file the benchmark reads.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gunzipSync } from 'node:zlib'
import { DEMO_TOKEN, SEED, startSimulator, type Simulator } from '../simulator/index.js'

let sim: Simulator
const BIG = 3 * 1024 * 1024 + 17

beforeAll(async () => {
  sim = await startSimulator({ bigFileBytes: BIG })
})
afterAll(() => sim.close())

const auth = { Authorization: `Bearer ${DEMO_TOKEN}` }

async function links(backupId: string): Promise<Record<string, string>> {
  const res = await fetch(`${sim.url}/v1/backups/${backupId}/download`, {
    method: 'POST',
    headers: auth,
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { data: Record<string, string> }).data
}

async function listedFiles(backupId: string): Promise<{ name: string; size: string }[]> {
  const res = await fetch(`${sim.url}/v1/backups/${backupId}`, { headers: auth })
  return ((await res.json()) as { data: { files: { name: string; size: string }[] } }).data.files
}

const bytesOf = async (url: string): Promise<Buffer> =>
  Buffer.from(await (await fetch(url)).arrayBuffer())

describe('the download-quirks job', () => {
  it('is never the latest of the main job', async () => {
    const res = await fetch(
      `${sim.url}/v1/jobs/${SEED.jobs.main}/backups?sort=-completed_at&page_size=100`,
      { headers: auth },
    )
    const ids = ((await res.json()) as { data: { id: string }[] }).data.map((b) => b.id)
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
    sim.inject({ route: 'storage', kind: 'shortBody' })
    const res = await fetch(url)
    expect(res.headers.get('content-length')).toBe(String(whole.length >> 1))
    expect(Buffer.from(await res.arrayBuffer())).toEqual(whole.subarray(0, whole.length >> 1))
  })

  it('corrupt: the full length, with bytes in the middle changed', async () => {
    const url = (await links(SEED.backups.latest))['db.sql.gz'] as string
    const whole = await bytesOf(url)
    sim.inject({ route: 'storage', kind: 'corrupt' })
    const damaged = await bytesOf(url)
    expect(damaged.length).toBe(whole.length)
    expect(damaged.equals(whole)).toBe(false)
    expect(() => gunzipSync(damaged)).toThrow()
  })

  it('apply to the storage route only', () => {
    expect(() => sim.inject({ route: 'getBackup', kind: 'corrupt' })).toThrow(/storage/)
    expect(() => sim.inject({ route: 'download', kind: 'shortBody' })).toThrow(/storage/)
  })
})
