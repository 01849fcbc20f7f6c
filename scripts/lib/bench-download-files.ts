// The big files the download benchmark verifies: a mysqldump-shaped .sql.gz and a .tar.gz of
// mixed content, of any size, written in seconds. Each is a few gzip members one after the other
// (a head, one body member repeated, a tail), which is still one valid gzip file (gunzip reads
// its members in turn) and keeps the content realistic: SQL rows of words and numbers that
// compress about 3:1, archives of text, noise and zeros.
import { createHash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { tarEnd, tarEntry } from '../../simulator/archives.js'

const WORDS = (
  'the of and to in is you that it was for on are as with his they at be this have from or one ' +
  'had by word but not what all were we when your can said there use an each which she do how ' +
  'their if will up other about out many then them these so some her would make like him into ' +
  'time has look two more write go see number no way could people my than first water been call'
).split(' ')

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

/** About `bytes` of INSERT statements, 20 rows each. */
function sqlRows(bytes: number, next: () => number): string {
  const statements: string[] = []
  let size = 0
  for (let id = 1; size < bytes; id += 20) {
    const rows = Array.from({ length: 20 }, (_, i) => {
      const words = Array.from({ length: 12 + Math.floor(next() * 30) }, () => {
        return WORDS[Math.floor(next() * WORDS.length)]
      })
      const day = String(1 + Math.floor(next() * 28)).padStart(2, '0')
      return `(${id + i},${Math.floor(next() * 1e6)},'2026-01-${day} 12:00:00','${words.join(' ')}')`
    })
    const statement = `INSERT INTO \`wp_posts\` VALUES ${rows.join(',')};\n`
    statements.push(statement)
    size += statement.length
  }
  return statements.join('')
}

function writeMembers(path: string, head: Buffer, body: Buffer, tail: Buffer, size: number): void {
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, head)
    let written = head.length + tail.length
    do {
      writeSync(fd, body)
      written += body.length
    } while (written < size)
    writeSync(fd, tail)
  } finally {
    closeSync(fd)
  }
}

/** A mysqldump of 14 tables, `size` bytes gzipped or a little more, that ends with its completion line. */
export function writeSqlGz(path: string, size: number): void {
  const tables = Array.from({ length: 14 }, (_, i) => `CREATE TABLE \`t${i}\` (\`id\` int);\n`)
  const head = gzipSync(`-- MySQL dump 10.13  Distrib 8.0.36\n--\n\n${tables.join('')}`)
  const body = gzipSync(sqlRows(Math.min(12e6, size * 3), random(1)))
  const tail = gzipSync('UNLOCK TABLES;\n\n-- Dump completed on 2026-01-01  4:00:00\n')
  writeMembers(path, head, body, tail, size)
}

/** A tar of files of text, noise and zeros, `size` bytes gzipped or a little more, with its end marker. */
export function writeTarGz(path: string, size: number): void {
  const next = random(2)
  const entries: Buffer[] = []
  for (let i = 0; i < 48; i++) {
    const kind = i % 4
    const length = 1000 + Math.floor(next() * 400_000)
    const data =
      kind === 0
        ? createHash('sha256').update(String(i)).digest().subarray(0, 32).toString('hex')
        : sqlRows(length, next)
    const bytes = kind === 0 ? Buffer.from(data.repeat(length / 64)) : Buffer.from(data)
    entries.push(tarEntry({ name: `www/uploads/file-${i}.txt`, data: bytes }))
    if (kind === 1) entries.push(tarEntry({ name: `www/cache/${i}.bin`, data: noise(length) }))
    if (kind === 2)
      entries.push(tarEntry({ name: `www/empty/${i}.img`, data: Buffer.alloc(length) }))
  }
  const body = Buffer.concat(entries)
  writeMembers(path, Buffer.alloc(0), gzipSync(body), gzipSync(tarEnd(0)), size)
}

function noise(length: number): Buffer {
  const blocks: Buffer[] = []
  let digest = Buffer.from('noise')
  for (let got = 0; got < length; got += 32) {
    digest = createHash('sha256').update(digest).digest()
    blocks.push(digest)
  }
  return Buffer.concat(blocks).subarray(0, length)
}
