// The minor collections that take back zlib's chunks as they die (src/download/collect.ts): one
// after every few MiB handed to zlib, by a real scavenge of V8's.
import { describe, expect, it } from '@jest/globals'
import { collector, COLLECT_EVERY_BYTES, minorCollection } from '../src/download/collect.js'

const MIB = 1024 * 1024

describe('the count of input gunzipped', () => {
  it('collects once per few MiB, whatever the sizes it comes in', () => {
    let collections = 0
    const count = collector(() => collections++, 4 * MIB)
    count(3 * MIB)
    expect(collections).toBe(0)
    count(MIB)
    expect(collections).toBe(1)
    for (let i = 0; i < 16; i++) count(MIB / 2)
    expect(collections).toBe(3)
  })

  it('counts on without a collection where the flag cannot be set', () => {
    const count = collector(null)
    expect(() => count(2 * COLLECT_EVERY_BYTES)).not.toThrow()
  })
})

describe('a minor collection', () => {
  it("takes back buffers that died young, as zlib's chunks do", async () => {
    const collect = minorCollection()
    expect(collect).toBeInstanceOf(Function)
    // 16 MiB of chunks dropped as soon as they are made: far below what makes V8 collect alone.
    const before = process.memoryUsage().arrayBuffers
    for (let i = 0; i < 32; i++) Buffer.alloc(512 * 1024, 1)
    const dead = process.memoryUsage().arrayBuffers
    expect(dead - before).toBeGreaterThanOrEqual(16 * MIB)
    collect?.()
    // The backing stores are freed by a sweeper as the collection ends: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(dead - 12 * MIB)
  })
})
