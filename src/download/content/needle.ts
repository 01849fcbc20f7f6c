// Finding a byte string in a stream that arrives in chunks of any size, one byte included: each
// occurrence is reported once, in the chunk where its last byte arrives, wherever it began.

export class Needle {
  private readonly needle: Buffer
  /** The stream's last bytes, fewer than the needle: where an occurrence may have begun. */
  private carry: Buffer

  /**
   * `needle` has at least two bytes. `before` stands for what precedes the stream: "\n" makes a
   * line at the very start count as a line.
   */
  constructor(needle: string, before = '') {
    this.needle = Buffer.from(needle, 'latin1')
    if (this.needle.length < 2) throw new RangeError('a needle has at least two bytes')
    this.carry = Buffer.from(before, 'latin1').subarray(-(this.needle.length - 1))
  }

  /** Calls `found(end)` for each occurrence that ends in `chunk`; `end` is the index after it. */
  scan(chunk: Buffer, found: (end: number) => void): void {
    const { needle, carry } = this
    const n = needle.length
    if (carry.length > 0) {
      // Only occurrences that began in the carry and end in this chunk: the ones wholly in the
      // carry were reported when their last byte came.
      const joint = Buffer.concat([carry, chunk.subarray(0, n - 1)])
      for (let at = joint.indexOf(needle); at !== -1 && at < carry.length;) {
        if (at + n > carry.length) found(at + n - carry.length)
        at = joint.indexOf(needle, at + 1)
      }
    }
    for (let at = chunk.indexOf(needle); at !== -1; at = chunk.indexOf(needle, at + 1)) {
      found(at + n)
    }
    const keep = n - 1
    this.carry =
      chunk.length >= keep
        ? Buffer.from(chunk.subarray(chunk.length - keep))
        : Buffer.concat([carry, chunk]).subarray(-keep)
  }
}
