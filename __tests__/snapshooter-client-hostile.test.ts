// Wire tests of answers that cannot be trusted: the real client against a simulator told to
// answer about the wrong thing, with hostile or huge text, or with the caller's secrets quoted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { encryptionKey } from '../simulator/account.js'
import { DEMO_TOKEN, SEED, type Simulator, startSimulator } from '../simulator/index.js'
import type { ClientOptions } from '../src/snapshooter/client.js'
import { failure, testClient } from './helpers/client.js'

const { backups, jobs, files } = SEED
const HOSTILE = 'running\n::error::FORGED\n::add-mask::Backup\n::stop-commands::t0k'

let sim: Simulator
let masked: string[]
const client = (overrides: Partial<ClientOptions> = {}) =>
  testClient(
    sim.url,
    { sleeps: [], retries: [] },
    { mask: (secret) => masked.push(secret), ...overrides },
  )

beforeAll(async () => {
  sim = await startSimulator({ restoreDurationMs: 60_000 })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.reset()
  masked = []
})

describe('an answer about something else than what was asked', () => {
  it('GET backup answered with another backup is refused, and nothing is restored', async () => {
    sim.inject({ route: 'getBackup', kind: 'rewrite', patch: { id: backups.older } })
    const error = await failure(client().getBackup(backups.latest))
    expect(error.kind).toBe('malformed')
    expect(error.message).toBe(
      `GET backup ${backups.latest} failed: the answer was not the expected JSON (\`data.id\` is ${backups.older}, another backup than the one asked for) (request id ${error.requestId})`,
    )
  })

  it('a listing of the job with a backup of another job in it is refused', async () => {
    sim.inject({ route: 'listBackups', kind: 'rewrite', patch: [{}, { job_id: jobs.other }] })
    const error = await failure(client().listJobBackups(jobs.main, 1))
    expect(error.detail).toBe(
      `\`data[1].job_id\` is ${jobs.other}, another job than the one asked for`,
    )
  })

  it('a restore answer for another backup says that a restore may have started', async () => {
    const before = sim.count('createRestore', 'POST')
    sim.inject({ route: 'createRestore', kind: 'rewrite', patch: { backup_id: backups.older } })
    const error = await failure(client().createRestore(backups.latest, {}))
    expect(error.kind).toBe('malformed')
    expect(error.mayHaveStarted).toBe(true)
    expect(error.message).toContain(`\`data.backup_id\` is ${backups.older}, another backup`)
    expect(error.message).toContain('a restore may have started: check SnapShooter')
    expect(sim.count('createRestore', 'POST') - before).toBe(1)
  })

  it('a status answer about another restore is refused', async () => {
    const created = await client().createRestore(backups.latest, {})
    sim.inject({ route: 'getRestore', kind: 'rewrite', patch: { id: SEED.unknownId } })
    const error = await failure(client().getRestore(created.id))
    expect(error.detail).toBe(
      `\`data.id\` is ${SEED.unknownId}, another restore than the one asked for`,
    )
  })

  it('a restore id that is no UUID is refused, and may have started', async () => {
    sim.inject({ route: 'createRestore', kind: 'rewrite', patch: { id: 'r1\n::error::FORGED' } })
    const error = await failure(client().createRestore(backups.latest, {}))
    expect(error.detail).toBe('`data.id` is "r1 : :error: :FORGED", not a UUID')
    expect(error.mayHaveStarted).toBe(true)
    expect(error.message).not.toMatch(/\n|::/)
  })
})

describe('text from the answer', () => {
  it('comes out neutralised: no line break, no workflow command marker', async () => {
    sim.inject({
      route: 'getBackup',
      kind: 'rewrite',
      patch: { status: HOSTILE, files: [{ name: `dir/${HOSTILE}`, size: HOSTILE }] },
    })
    const backup = await client().getBackup(backups.latest)
    for (const text of [backup.status, backup.files[0]?.name, backup.files[0]?.size])
      expect(text).not.toMatch(/[\r\n]|::/)
    expect(backup.status).toBe(
      'running : :error: :FORGED : :add-mask: :Backup : :stop-commands: :t0k',
    )
  })

  it('is cut to its field’s limit: a status word of 2 MB is 200 characters', async () => {
    const created = await client().createRestore(backups.latest, {})
    sim.inject({ route: 'getRestore', kind: 'rewrite', patch: { status: 's'.repeat(2_000_000) } })
    const restore = await client().getRestore(created.id)
    // A status word's limit (TEXT_LIMITS.word).
    expect(restore.status).toHaveLength(200)
  })
})

describe('secrets quoted back', () => {
  it('masks the backup’s key the moment it is read', async () => {
    await client().getBackup(backups.latest)
    expect(masked).toEqual([encryptionKey(backups.latest)])
  })

  it('are taken out of an error: the token, the key read before, and a signed link', async () => {
    const api = client()
    await api.getBackup(backups.latest)
    sim.inject({ route: 'createRestore', kind: 'echoSecrets' })
    const error = await failure(api.createRestore(backups.latest, { files: [files.latestDb] }))
    const text = JSON.stringify({ ...error, message: error.message })
    expect(error.message).toContain('was refused (HTTP 422): "Token *** may not use key ***')
    expect(text).not.toContain(DEMO_TOKEN)
    expect(text).not.toContain(encryptionKey(backups.latest))
    expect(text).not.toMatch(/LS0tLS1CRU|X-Amz-|\/storage\//)
  })

  it('are taken out of an error even before any key was read: token, key-shaped text, links', async () => {
    sim.inject({ route: 'getBackup', kind: 'echoSecrets', status: 403 })
    const error = await failure(client().getBackup(backups.latest))
    expect(error.message).toContain('the API token may not do this (HTTP 403): "Token ***')
    expect(error.message).not.toContain(DEMO_TOKEN)
    expect(error.message).not.toMatch(/LS0tLS1CRU|X-Amz-|\/storage\//)
  })
})
