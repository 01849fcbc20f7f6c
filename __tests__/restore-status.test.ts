import { describe, expect, it } from '@jest/globals'
import { classifyStatus } from '../src/restore/status.js'

describe('classifyStatus', () => {
  it.each([
    'pending',
    'queued',
    'running',
    'in_progress',
    'processing',
    'In Progress',
    'in-progress',
    'RUNNING',
  ])('reads %j as still running', (word) =>
    expect(classifyStatus(word)).toEqual({ class: 'running', known: true }),
  )

  it.each(['completed', 'Completed', 'success', 'finished'])('reads %j as succeeded', (word) =>
    expect(classifyStatus(word)).toEqual({ class: 'succeeded', known: true }),
  )

  it.each(['failed', 'error', 'cancelled', 'canceled', 'FAILED', 'timed_out'])(
    'reads %j as failed',
    (word) => expect(classifyStatus(word)).toEqual({ class: 'failed', known: true }),
  )

  it('treats an unknown word as still running, and says it is unknown', () => {
    expect(classifyStatus('defrosting')).toEqual({ class: 'running', known: false })
    expect(classifyStatus('')).toEqual({ class: 'running', known: false })
  })

  it.each(['constructor', 'Constructor', '__proto__'])(
    'treats %j, a name every object has, as a word it does not know',
    (word) => expect(classifyStatus(word)).toEqual({ class: 'running', known: false }),
  )
})
