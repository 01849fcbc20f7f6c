// Finding a byte string in a stream that arrives in chunks of any size, one byte included: each
// occurrence is reported once, in the chunk where its last byte arrives, wherever it began, with
// the byte before it (so that "at the start of a line" costs no search of its own).
//
// Buffer.indexOf runs fastest when the needle starts with a byte that is rare in the haystack: a
// needle that starts with a line break runs at a fraction of the speed through text.

export class Needle {
  private readonly needle: Buffer
  /** The stream's last bytes, as many as the needle: where an occurrence may have begun. */
  private carry: Buffer

  /**
   * `needle` has at least two bytes. `before` stands for what precedes the stream: "\n" makes
   * an occurrence at the very start count as one at the start of a line.
   */
  constructor(needle: string, before = '') {
    this.needle = Buffer.from(needle, 'latin1')
    if (this.needle.length < 2) throw new RangeError('a needle has at least two bytes')
    this.carry = Buffer.from(before, 'latin1').subarray(-this.needle.length)
  }

  /**
   * Calls `found(end, previous)` for each occurrence that ends in `chunk`: `end` is the index
   * after it, `previous` the byte before it (-1 at the start of the stream).
   */
  scan(chunk: Buffer, found: (end: number, previous: number) => void): void {
    const { needle, carry } = this
    const n = needle.length
    if (carry.length > 0) {
      // Only occurrences that began in the carry and end in this chunk: the ones wholly in the
      // carry were reported when their last byte came.
      const joint = Buffer.concat([carry, chunk.subarray(0, n - 1)])
      for (let at = joint.indexOf(needle); at !== -1 && at < carry.length;) {
        if (at + n > carry.length)
          found(at + n - carry.length, at > 0 ? (joint[at - 1] as number) : -1)
        at = joint.indexOf(needle, at + 1)
      }
    }
    for (let at = chunk.indexOf(needle); at !== -1; at = chunk.indexOf(needle, at + 1)) {
      const previous = at > 0 ? chunk[at - 1] : carry[carry.length - 1]
      found(at + n, previous ?? -1)
    }
    this.carry =
      chunk.length >= n
        ? Buffer.from(chunk.subarray(chunk.length - n))
        : Buffer.concat([carry, chunk]).subarray(-n)
  }
}
