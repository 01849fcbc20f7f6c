import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  prepareDrill
} from "./chunk-THLESFWR.js";
import {
  baseName
} from "./chunk-3RD3IW2L.js";
import "./chunk-I6DHMJ55.js";
import {
  formatDuration
} from "./chunk-RKSAIW2P.js";
import {
  READ_POLICY,
  REQUEST_TIMEOUT_MS,
  withAttempts
} from "./chunk-B5JPCXDL.js";
import "./chunk-QP5NUJKD.js";
import {
  kindOfStatus,
  networkReason,
  scrubLinks
} from "./chunk-ZTXGGKOZ.js";
import "./chunk-CPMEAYED.js";
import {
  Failure,
  USER_AGENT,
  cut,
  errorMessage,
  group,
  info,
  neutralise,
  setSecret,
  warning
} from "./chunk-VIEEPT45.js";
import {
  ProxyRefused,
  agentsFor
} from "./chunk-JAJHGPRJ.js";
import {
  isSecureUrl
} from "./chunk-UBNUX3TW.js";
import "./chunk-23VKRORU.js";

// src/download/content/tar-header.ts
var BLOCK = 512;
var CHECKSUM_AT = 148;
var CHECKSUM_LENGTH = 8;
var SPACE = 32;
function isZeroBlock(block) {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}
function octal(block, at, length) {
  let i = at;
  const end = at + length;
  while (i < end && block[i] === SPACE) i++;
  let value = 0;
  let digits = 0;
  for (; i < end; i++) {
    const byte = block[i];
    if (byte === 0 || byte === SPACE) break;
    if (byte < 48 || byte > 55) return null;
    value = value * 8 + (byte - 48);
    digits++;
  }
  for (; i < end; i++) if (block[i] !== 0 && block[i] !== SPACE) return null;
  return digits === 0 ? null : value;
}
function checksumOk(block) {
  const stored = octal(block, CHECKSUM_AT, CHECKSUM_LENGTH);
  if (stored === null) return false;
  let unsigned = SPACE * CHECKSUM_LENGTH;
  let signed = SPACE * CHECKSUM_LENGTH;
  for (let i = 0; i < BLOCK; i++) {
    if (i >= CHECKSUM_AT && i < CHECKSUM_AT + CHECKSUM_LENGTH) continue;
    const byte = block[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}
function entrySize(block) {
  const first = block[124];
  if ((first & 128) === 0) return octal(block, 124, 12);
  if (first === 255) return null;
  let value = first & 127;
  for (let i = 125; i < 136; i++) {
    value = value * 256 + block[i];
    if (!Number.isSafeInteger(value)) return null;
  }
  return value;
}
function typeflag(block) {
  return String.fromCharCode(block[156]);
}
function field(block, at, length) {
  const bytes = block.subarray(at, at + length);
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, nul === -1 ? length : nul).toString("utf8");
}
function entryName(block) {
  const name = field(block, 0, 100);
  const ustar = block.toString("latin1", 257, 262) === "ustar";
  const prefix = ustar && block[345] !== 0 ? field(block, 345, 155) : "";
  return prefix === "" ? name : `${prefix}/${name}`;
}
function sparseExtended(block) {
  return block[482] !== 0;
}
function extensionContinues(block) {
  return block[504] !== 0;
}
function padded(size) {
  return Math.ceil(size / BLOCK) * BLOCK;
}

// src/download/content/looks.ts
function fileKind(name) {
  const lower = name.toLowerCase();
  if (lower.endsWith(".tgz")) return { gzip: true, content: "tar" };
  const gzip = lower.endsWith(".gz");
  const inner = gzip ? lower.slice(0, -3) : lower;
  const content = ["sql", "tar", "zip"].find((kind) => inner.endsWith(`.${kind}`));
  return { gzip, content: content ?? null };
}
var HEAD_BYTES = BLOCK;
function looksLikeGzip(head) {
  return head.length >= 3 && head[0] === 31 && head[1] === 139 && head[2] === 8;
}
function looksLikeText(head) {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte >= 32 || byte === 27) continue;
    if (byte < 9 || byte > 13) return false;
  }
  return true;
}
function looksLikeTar(head) {
  if (head.length >= BLOCK) {
    const block = head.subarray(0, BLOCK);
    return isZeroBlock(block) || checksumOk(block);
  }
  return head.length >= 262 && head.toString("latin1", 257, 262) === "ustar";
}
function looksLikeZip(head) {
  if (head.length < 4 || head[0] !== 80 || head[1] !== 75) return false;
  const [third, fourth] = [head[2], head[3]];
  return third === 3 && fourth === 4 || third === 5 && fourth === 6 || third === 7 && fourth === 8;
}
var LOOKS = {
  sql: looksLikeText,
  tar: looksLikeTar,
  zip: looksLikeZip
};
function looksLike(kind, head) {
  return LOOKS[kind](head);
}

// src/download/content/types.ts
var LOOKS_ENCRYPTED = "looks encrypted: content checks skipped";
function skippedAsEncrypted(name) {
  return { name, passed: null, detail: LOOKS_ENCRYPTED };
}
function looksEncrypted(check) {
  return check.passed === null && check.detail === LOOKS_ENCRYPTED;
}

// src/download/content/guard.ts
var WHAT = {
  sql: "an SQL dump",
  tar: "a tar archive",
  zip: "a zip archive"
};
var UNLIKE = {
  sql: "it starts with binary data",
  tar: "its first header is not a valid tar header",
  zip: "it does not start with a zip signature"
};
var oneLine = (error) => cut(neutralise(errorMessage(error)), 200);
var Guarded = class {
  constructor(kind, options, inner) {
    this.options = options;
    this.inner = inner;
    this.name = kind;
  }
  options;
  inner;
  name;
  head = [];
  headBytes = 0;
  decision = null;
  /** A checker that threw: a defect of its own, which must neither pass nor fail the file. */
  broken = null;
  write(chunk) {
    if (this.broken !== null) return;
    try {
      if (this.decision === "check") return this.inner.write(chunk);
      if (this.decision !== null || chunk.length === 0) return;
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= HEAD_BYTES) this.decide();
    } catch (error) {
      this.broken = oneLine(error);
    }
  }
  end() {
    try {
      if (this.broken === null) return this.verdicts();
    } catch (error) {
      this.broken = oneLine(error);
    }
    return [this.check(null, `not checked: the check failed (${this.broken})`)];
  }
  verdicts() {
    if (this.decision === null && this.headBytes === 0)
      return [this.check(false, `empty, so not ${WHAT[this.name]}`)];
    if (this.decision === null) this.decide();
    switch (this.decision) {
      case "check":
        return this.inner.end();
      case "skip":
        return [skippedAsEncrypted(this.name)];
      case "custom-format":
        return [
          this.check(null, "pg_dump's custom format, not plain SQL: its content is not checked")
        ];
      default:
        return [this.check(false, `does not look like ${WHAT[this.name]}: ${UNLIKE[this.name]}`)];
    }
  }
  decide() {
    const chunks = this.head;
    const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    this.head = [];
    if (looksLike(this.name, head.subarray(0, HEAD_BYTES))) {
      this.decision = "check";
      for (const chunk of chunks) this.inner.write(chunk);
    } else if (this.name === "sql" && head.toString("latin1", 0, 5) === "PGDMP") {
      this.decision = "custom-format";
    } else {
      this.decision = this.options.encrypted ? "skip" : "fail";
    }
  }
  check(passed, detail) {
    return { name: this.name, passed, detail };
  }
};

// src/download/content/needle.ts
var Needle = class {
  needle;
  /** The stream's last bytes, as many as the needle: where an occurrence may have begun. */
  carry;
  /**
   * `needle` has at least two bytes. `before` stands for what precedes the stream: "\n" makes
   * an occurrence at the very start count as one at the start of a line.
   */
  constructor(needle, before = "") {
    this.needle = Buffer.from(needle, "latin1");
    if (this.needle.length < 2) throw new RangeError("a needle has at least two bytes");
    this.carry = Buffer.from(before, "latin1").subarray(-this.needle.length);
  }
  /**
   * Calls `found(end, previous)` for each occurrence that ends in `chunk`: `end` is the index
   * after it, `previous` the byte before it (-1 at the start of the stream).
   */
  scan(chunk, found) {
    const { needle, carry } = this;
    const n = needle.length;
    if (carry.length > 0) {
      const joint = Buffer.concat([carry, chunk.subarray(0, n - 1)]);
      for (let at = joint.indexOf(needle); at !== -1 && at < carry.length; ) {
        if (at + n > carry.length)
          found(at + n - carry.length, at > 0 ? joint[at - 1] : -1);
        at = joint.indexOf(needle, at + 1);
      }
    }
    for (let at = chunk.indexOf(needle); at !== -1; at = chunk.indexOf(needle, at + 1)) {
      const previous = at > 0 ? chunk[at - 1] : carry[carry.length - 1];
      found(at + n, previous ?? -1);
    }
    this.carry = chunk.length >= n ? Buffer.from(chunk.subarray(chunk.length - n)) : Buffer.concat([carry, chunk]).subarray(-n);
  }
};

// src/download/content/text.ts
var QUOTE_CHARS = 80;
var decoder = new TextDecoder("utf-8", { fatal: false });
function quoteEnd(bytes, max = QUOTE_CHARS) {
  const raw = typeof bytes === "string" ? bytes : decoder.decode(bytes);
  const text = neutralise(scrubLinks(raw)).replace(/\s+/g, " ").trim();
  if (text.length <= max) return `\xAB${text}\xBB`;
  let start = text.length - (max - 1);
  const first = text.charCodeAt(start);
  if (first >= 56320 && first <= 57343) start++;
  return `\xAB\u2026${text.slice(start).trimStart()}\xBB`;
}
var UNITS = ["kB", "MB", "GB", "TB"];
function formatBytes(bytes) {
  if (bytes < 1e3) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  let value = bytes / 1e3;
  let unit = 0;
  while (value >= 999.95 && unit < UNITS.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// src/download/content/sql.ts
var TAIL_BYTES = 4096;
var MAX_LINE = 256;
var MAX_SPACE = 64;
var MYSQL_DONE = /^-- Dump completed(?: on \d{4}-\d\d-\d\d [ \d]\d:\d\d:\d\d)?$/;
var PG_DONE = /^-- PostgreSQL database (cluster )?dump complete$/;
var UNRESTRICT = /^\\unrestrict \S+$/;
var RESTRICT = /^(un)?restrict (\S+)$/;
var CLUSTER = /^--\r?\n-- PostgreSQL database cluster dump\r?\n/;
var HEAD_BYTES2 = 64;
var INCOMPLETE = "the dump is incomplete: no mysqldump or pg_dump completion line at its end, so it was cut short or written without comments (`mysqldump --skip-comments`: choose `verify: integrity` for such dumps)";
var isSpace = (byte) => byte === 32 || byte >= 9 && byte <= 13;
var SqlChecker = class {
  name = "sql";
  seen = 0;
  tables = 0;
  /** Searched for without its line break, which is what makes the search fast. */
  createTable = new Needle("CREATE TABLE ", "\n");
  /** Lines that start with a backslash: psql's meta-commands, rare in a dump but for `\.`. */
  metaCommand = new Needle("\n\\", "\n");
  restrict = null;
  unrestrict = null;
  /** The meta-command line being read; it may run on into the next chunk. */
  reading = null;
  /** The content's first bytes: a cluster dump says so there. */
  head = Buffer.alloc(0);
  /** The content's last bytes up to its last one that is not white space. */
  tail = Buffer.alloc(0);
  /** The white space that came after them. */
  space = Buffer.alloc(0);
  /** Whether a line break came after the tail: whether the last line is whole. */
  lineEnded = false;
  write(chunk) {
    if (this.head.length < HEAD_BYTES2)
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES2 - this.head.length)]);
    if (this.reading !== null) this.readLine(chunk, 0);
    this.createTable.scan(chunk, (_, previous) => {
      if (previous === 10) this.tables++;
    });
    this.metaCommand.scan(chunk, (end) => {
      this.reading = { at: this.seen + end, text: "" };
      this.readLine(chunk, end);
    });
    this.keepTail(chunk);
    this.seen += chunk.length;
  }
  end() {
    return [{ name: this.name, ...this.verdict() }];
  }
  verdict() {
    const lines = this.tail.toString("utf8").split("\n");
    const last = quoteEnd(Buffer.from(lines[lines.length - 1] ?? ""));
    if (this.tail.length === 0) return { passed: false, detail: `${INCOMPLETE}; it is blank` };
    if (!this.lineEnded) {
      return { passed: false, detail: `${INCOMPLETE}; its last line stops short: ${last}` };
    }
    const tool = completedBy(lines.map((line) => line.trimEnd()).filter((line) => line !== ""));
    if (tool === null) return { passed: false, detail: `${INCOMPLETE}; its last line is ${last}` };
    if (tool !== "pg_dumpall" && CLUSTER.test(this.head.toString("latin1")))
      return {
        passed: false,
        detail: `the dump is incomplete: a pg_dumpall dump that ends after one of its databases, without pg_dumpall's completion line`
      };
    const { restrict, unrestrict } = this;
    if (restrict !== null && (unrestrict === null || unrestrict.at < restrict.at))
      return {
        passed: false,
        detail: `the dump is incomplete: pg_dump's closing \`\\unrestrict\` line is missing, so its end was cut off`
      };
    if (restrict !== null && unrestrict !== null && unrestrict.key !== restrict.key)
      return {
        passed: false,
        detail: `the dump is incomplete: its last \`\\unrestrict\` does not name the key of its \`\\restrict\``
      };
    return { passed: true, detail: `${tool} complete, ${this.tables} CREATE TABLE` };
  }
  /** The rest of a meta-command's line, from `from` up to its line break. */
  readLine(chunk, from) {
    const reading = this.reading;
    if (reading === null) return;
    const newline = chunk.indexOf(10, from);
    const to = newline === -1 ? chunk.length : newline;
    const room = MAX_LINE - reading.text.length;
    if (room > 0) reading.text += chunk.toString("latin1", from, Math.min(to, from + room));
    if (newline === -1) return;
    this.reading = null;
    const command = RESTRICT.exec(reading.text.trimEnd());
    if (command === null) return;
    const found = { at: reading.at, key: command[2] };
    if (command[1] === void 0) this.restrict = found;
    else this.unrestrict = found;
  }
  keepTail(chunk) {
    let last = chunk.length - 1;
    while (last >= 0 && isSpace(chunk[last])) last--;
    if (last === -1) return this.keepSpace(chunk);
    const text = chunk.subarray(Math.max(0, last + 1 - TAIL_BYTES), last + 1);
    const joined = Buffer.concat([this.tail, this.space, text]);
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - TAIL_BYTES)));
    this.space = Buffer.alloc(0);
    this.lineEnded = false;
    this.keepSpace(chunk.subarray(last + 1));
  }
  /** White space after the tail: only its line breaks matter, so a long run is kept short. */
  keepSpace(space) {
    if (space.length === 0) return;
    this.lineEnded ||= space.includes(10);
    this.space = this.space.length + space.length <= MAX_SPACE ? Buffer.concat([this.space, space]) : Buffer.from(this.lineEnded ? "\n" : " ");
  }
};
function completedBy(lines) {
  const end = [...lines];
  if (MYSQL_DONE.test(end[end.length - 1] ?? "")) return "mysqldump";
  if (UNRESTRICT.test(end[end.length - 1] ?? "")) end.pop();
  if (end.pop() !== "--") return null;
  const done = PG_DONE.exec(end.pop() ?? "");
  if (done === null) return null;
  return done[1] === void 0 ? "pg_dump" : "pg_dumpall";
}

// src/download/content/tar.ts
var MAX_PAX = 1024 * 1024;
var META = /* @__PURE__ */ new Set(["x", "g", "L", "K"]);
var TarChecker = class {
  name = "tar";
  block = Buffer.alloc(BLOCK);
  filled = 0;
  /** Bytes of the current entry's data and padding still to pass. */
  skip = 0;
  entry = null;
  entries = 0;
  dataBytes = 0;
  pos = 0;
  zeros = 0;
  ended = false;
  /** Set once the archive is known broken (false) or past checking (null), with why. */
  verdict = null;
  /** Sparse extension blocks still to come, and the data that follows them. */
  extensions = null;
  /** The data of a pax `x` header, read for its `size` record. */
  pax = null;
  nextSize = null;
  write(chunk) {
    let i = 0;
    while (i < chunk.length && !this.ended && this.verdict === null) {
      if (this.skip > 0) {
        const take2 = Math.min(this.skip, chunk.length - i);
        if (this.pax !== null) this.readPax(chunk.subarray(i, i + take2));
        this.skip -= take2;
        i += take2;
        this.pos += take2;
        if (this.skip === 0 && this.pax !== null) this.endPax();
        continue;
      }
      const take = Math.min(BLOCK - this.filled, chunk.length - i);
      chunk.copy(this.block, this.filled, i, i + take);
      this.filled += take;
      i += take;
      this.pos += take;
      if (this.filled === BLOCK) {
        this.filled = 0;
        this.header(this.block);
      }
    }
  }
  end() {
    return [{ name: this.name, ...this.verdict ?? this.ending() }];
  }
  ending() {
    if (this.ended) {
      const size = formatBytes(this.dataBytes);
      return {
        passed: true,
        detail: `tar complete, ${count(this.entries, "entry", "entries")}, ${size}`
      };
    }
    const cut2 = "the archive is incomplete: it was cut short";
    const entry = this.entry;
    if (this.skip > 0 && entry !== null) {
      const arrived = padded(entry.size) - this.skip;
      const which = `entry ${entry.index} ${quoteEnd(entry.name, 60)}`;
      const where = arrived >= entry.size ? `in the padding after ${which}` : `inside ${which}, after ${formatBytes(arrived)} of its ${formatBytes(entry.size)}`;
      return { passed: false, detail: `${cut2} ${where}` };
    }
    if (this.filled > 0)
      return { passed: false, detail: `${cut2} inside a header, at byte ${this.pos - this.filled}` };
    const marker = this.zeros === 1 ? "has only one of its two zero blocks" : "is missing";
    return {
      passed: false,
      detail: `${cut2}: its end-of-archive marker ${marker}, after ${count(this.entries, "entry", "entries")}`
    };
  }
  header(block) {
    const at = this.pos - BLOCK;
    if (this.extensions !== null) {
      if (!extensionContinues(block)) this.startData(this.extensions.dataBytes);
      return;
    }
    if (isZeroBlock(block)) {
      if (++this.zeros === 2) this.ended = true;
      return;
    }
    if (this.zeros > 0) return this.fail(`a lone zero block at byte ${at - BLOCK}, then more data`);
    if (!checksumOk(block))
      return this.fail(`the header at byte ${at} has a wrong checksum (entry ${this.entries + 1})`);
    const type = typeflag(block);
    const stated = entrySize(block);
    if (stated === null)
      return this.fail(
        `the header at byte ${at} holds no readable size (entry ${this.entries + 1})`
      );
    const size = META.has(type) ? stated : this.nextSize ?? stated;
    if (type === "x") {
      if (size > MAX_PAX) return this.giveUp(`a pax header of ${formatBytes(size)} at byte ${at}`);
      this.pax = { size, parts: [], got: 0 };
    } else if (!META.has(type)) {
      this.nextSize = null;
      this.entries++;
      this.dataBytes += size;
    }
    const index = META.has(type) ? this.entries + 1 : this.entries;
    this.entry = { index, name: entryName(block), size };
    if (type === "S" && sparseExtended(block)) this.extensions = { dataBytes: padded(size) };
    else this.startData(padded(size));
  }
  startData(bytes) {
    this.extensions = null;
    this.skip = bytes;
    if (bytes === 0 && this.pax !== null) this.endPax();
  }
  readPax(bytes) {
    const pax = this.pax;
    const wanted = Math.min(bytes.length, pax.size - pax.got);
    if (wanted <= 0) return;
    pax.parts.push(Buffer.from(bytes.subarray(0, wanted)));
    pax.got += wanted;
  }
  endPax() {
    const data = Buffer.concat(this.pax.parts);
    this.pax = null;
    const records = paxRecords(data);
    if (records === null)
      return this.fail(`the pax header before entry ${this.entries + 1} is malformed`);
    const size = records.get("size");
    if (size === void 0) return;
    if (!/^\d+$/.test(size) || !Number.isSafeInteger(Number(size)))
      return this.fail(`the pax header before entry ${this.entries + 1} holds no readable size`);
    this.nextSize = Number(size);
  }
  fail(why) {
    this.verdict = { passed: false, detail: `the archive is damaged: ${why}` };
  }
  giveUp(why) {
    this.verdict = { passed: null, detail: `not checked past ${why}` };
  }
};
function paxRecords(data) {
  const records = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    if (space === -1) return null;
    const length = Number(data.toString("latin1", at, space));
    if (!Number.isSafeInteger(length) || length <= space - at || at + length > data.length)
      return null;
    const record = data.toString("utf8", space + 1, at + length);
    const equals = record.indexOf("=");
    if (equals === -1 || !record.endsWith("\n")) return null;
    records.set(record.slice(0, equals), record.slice(equals + 1, -1));
    at += length;
  }
  return records;
}

// src/download/content/zip.ts
var TAIL_CAP = 16 * 1024 * 1024;
var EOCD_SIGNATURE = Buffer.from([80, 75, 5, 6]);
var EOCD_BYTES = 22;
var MAX_COMMENT = 65535;
var LOCATOR = 117853008;
var LOCATOR_BYTES = 20;
var ZIP64_EOCD = 101075792;
var ZIP64_EOCD_BYTES = 56;
var CENTRAL = 33639248;
var CENTRAL_BYTES = 46;
var ZipChecker = class {
  /** `cap`: how many of the last bytes are kept (TAIL_CAP, and less in tests). */
  constructor(cap = TAIL_CAP) {
    this.cap = cap;
  }
  cap;
  name = "zip";
  chunks = [];
  kept = 0;
  total = 0;
  /** How many bytes are held now: at most `cap` and one chunk. */
  keptBytes() {
    return this.kept;
  }
  write(chunk) {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.kept += chunk.length;
    this.total += chunk.length;
    while (this.kept - this.chunks[0].length >= this.cap)
      this.kept -= this.chunks.shift().length;
  }
  end() {
    return [{ name: this.name, ...this.verdict() }];
  }
  verdict() {
    const found = this.directory();
    if ("detail" in found) return found;
    const { entries, size, offset, end } = found;
    if (offset + size !== end)
      return damaged(
        `its end record puts the central directory at bytes ${offset}-${offset + size}, but the record itself starts at byte ${end}`
      );
    if (offset < this.total - this.kept) return tooLarge(size);
    const walked = walk(this.read(offset, end), offset);
    if (typeof walked === "string") return damaged(walked);
    if (walked !== entries)
      return damaged(`its end record lists ${entries} entries, its central directory ${walked}`);
    return { passed: true, detail: `zip complete, ${count(entries, "entry", "entries")}` };
  }
  /** The directory as the end record (and its ZIP64 record, where present) describes it. */
  directory() {
    const from = Math.max(this.total - this.kept, this.total - EOCD_BYTES - MAX_COMMENT);
    const tail = this.read(from, this.total);
    const at = findEnd(tail);
    if (at === -1)
      return incomplete("no end of central directory record at its end: it was cut short");
    const eocd = from + at;
    const record = tail.subarray(at);
    if (record.readUInt16LE(4) !== 0 || record.readUInt16LE(6) !== 0)
      return { passed: null, detail: "not checked: the archive is split across several files" };
    const plain = {
      entries: record.readUInt16LE(10),
      size: record.readUInt32LE(12),
      offset: record.readUInt32LE(16),
      end: eocd
    };
    const locator = this.read(Math.max(eocd - LOCATOR_BYTES, 0), eocd);
    const maxed = plain.entries === 65535 || plain.size === 4294967295 || plain.offset === 4294967295;
    if (locator.length < LOCATOR_BYTES || locator.readUInt32LE(0) !== LOCATOR)
      return maxed ? damaged("its end record needs a ZIP64 record, and there is none") : plain;
    const at64 = Number(locator.readBigUInt64LE(8));
    if (at64 < this.total - this.kept && at64 < eocd) return tooLarge(eocd - at64);
    const zip64 = this.read(at64, at64 + ZIP64_EOCD_BYTES);
    if (zip64.length < ZIP64_EOCD_BYTES || zip64.readUInt32LE(0) !== ZIP64_EOCD)
      return damaged(`its ZIP64 locator points at byte ${at64}, where no ZIP64 record is`);
    return {
      entries: Number(zip64.readBigUInt64LE(32)),
      size: Number(zip64.readBigUInt64LE(40)),
      offset: Number(zip64.readBigUInt64LE(48)),
      end: at64
    };
  }
  /** Bytes `from` to `to` of the stream, as far as they are kept. */
  read(from, to) {
    const parts = [];
    let start = this.total - this.kept;
    for (const chunk of this.chunks) {
      const end = start + chunk.length;
      if (end > from && start < to)
        parts.push(chunk.subarray(Math.max(0, from - start), Math.min(chunk.length, to - start)));
      start = end;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
};
function findEnd(tail) {
  const signature = EOCD_SIGNATURE;
  for (let at = tail.lastIndexOf(signature); at !== -1; at = tail.lastIndexOf(signature, at - 1)) {
    if (at + EOCD_BYTES <= tail.length && at + EOCD_BYTES + tail.readUInt16LE(at + 20) === tail.length)
      return at;
    if (at === 0) break;
  }
  return -1;
}
function walk(directory, offset) {
  let entries = 0;
  for (let at = 0; at < directory.length; entries++) {
    if (at + CENTRAL_BYTES > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      return `entry ${entries + 1} of its central directory, at byte ${offset + at}, is not one`;
    const local = directory.readUInt32LE(at + 42);
    if (local !== 4294967295 && local >= offset)
      return `entry ${entries + 1} of its central directory points past the entries, at byte ${local}`;
    at += CENTRAL_BYTES + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (at > directory.length)
      return `entry ${entries + 1} of its central directory runs past the directory's end`;
  }
  return entries;
}
function tooLarge(bytes) {
  return {
    passed: null,
    detail: `not checked: its central directory (${formatBytes(bytes)}) is too large to check`
  };
}
function damaged(why) {
  return { passed: false, detail: `the archive is damaged: ${why}` };
}
function incomplete(why) {
  return { passed: false, detail: `the archive is incomplete: ${why}` };
}

// src/download/content/index.ts
var CHECKERS = {
  sql: () => new SqlChecker(),
  tar: () => new TarChecker(),
  zip: () => new ZipChecker()
};
function contentCheckerFor(name, options) {
  const { content } = fileKind(name);
  return content === null ? null : new Guarded(content, options, CHECKERS[content]());
}

// src/download/checks-text.ts
function checksLine(file) {
  if (file.checks === void 0) return "";
  if (file.checks.length === 0) return "; no content check for its type (integrity only)";
  return file.checks.map((check) => `; ${check.name}: ${check.detail}`).join("");
}
var MAX_NAMED = 10;
function encryptedWarning(backupId, files) {
  const names = files.filter((file) => (file.checks ?? []).some(looksEncrypted)).map((file) => file.name);
  if (names.length === 0) return null;
  const shown = names.slice(0, MAX_NAMED).join(", ");
  const more = names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : "";
  return `Content checks skipped for ${shown}${more}: backup ${backupId} carries an encryption key and these files do not look like their names say, so they are most likely encrypted; only their size and SHA-256 were verified.`;
}
function skippedWarning(backupId, files) {
  const skipped = files.flatMap(
    (file) => (file.checks ?? []).filter((check) => check.passed === null && !looksEncrypted(check)).map((check) => `${file.name} (${check.name}: ${check.detail})`)
  );
  if (skipped.length === 0) return null;
  const shown = skipped.slice(0, MAX_NAMED).join(", ");
  const more = skipped.length > MAX_NAMED ? ` and ${skipped.length - MAX_NAMED} more` : "";
  return `Content checks skipped for ${shown}${more} in backup ${backupId}: only their size and SHA-256 were verified.`;
}

// src/download/file.ts
import { createWriteStream } from "node:fs";
import { rm as rm2 } from "node:fs/promises";
import { pipeline } from "node:stream/promises";

// src/http/storage.ts
import http from "node:http";
import https from "node:https";
var IdleTimeout = class extends Error {
  code = "IDLE_TIMEOUT";
};
function openLink(link, options) {
  let url;
  try {
    url = new URL(link);
  } catch {
    return Promise.resolve({ kind: "malformed", reason: "the signed link is not a valid URL" });
  }
  const secure = url.protocol === "https:";
  if (!secure && url.protocol !== "http:") {
    return Promise.resolve({
      kind: "malformed",
      reason: `the signed link is not http(s) but ${url.protocol}`
    });
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal.addEventListener("abort", stop, { once: true });
  if (options.signal.aborted) stop();
  let unanswered = false;
  const untilAnswer = setTimeout(() => {
    unanswered = true;
    stop();
  }, options.idleTimeoutMs);
  const agents = agentsFor(url, options.env, controller.signal);
  return new Promise((resolve2) => {
    const request = (secure ? https : http).get(
      url,
      {
        agent: secure ? agents.httpsAgent : agents.httpAgent,
        headers: { "User-Agent": options.userAgent, Accept: "*/*" },
        signal: controller.signal,
        timeout: options.idleTimeoutMs
      },
      (response) => {
        clearTimeout(untilAnswer);
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          const length = Number(response.headers["content-length"] ?? NaN);
          resolve2({
            ok: true,
            body: response,
            length: Number.isSafeInteger(length) ? length : null
          });
          return;
        }
        response.resume();
        const retryAfter = response.headers["retry-after"];
        resolve2({ ...statusFailure(status), ...retryAfter ? { retryAfter } : {} });
      }
    );
    request.on("timeout", () => request.destroy(new IdleTimeout()));
    request.on("close", () => {
      clearTimeout(untilAnswer);
      options.signal.removeEventListener("abort", stop);
    });
    request.on(
      "error",
      (error) => resolve2(
        unanswered ? noAnswer(options.idleTimeoutMs) : networkFailure(error, options.idleTimeoutMs)
      )
    );
  });
}
function noAnswer(timeoutMs) {
  return { kind: "timeout", reason: `storage gave no answer within ${timeoutMs / 1e3} s` };
}
function statusFailure(status) {
  const kind = kindOfStatus(status);
  const hint = status === 403 ? " (the signed link was refused; it may have expired)" : status >= 300 && status < 400 ? " (a redirect, not followed)" : "";
  return { kind, status, reason: `storage answered HTTP ${status}${hint}` };
}
function networkFailure(error, idleTimeoutMs) {
  if (error instanceof IdleTimeout) return silence(idleTimeoutMs);
  if (error instanceof ProxyRefused) {
    const { status, message, advice } = error;
    return { kind: kindOfStatus(status), status, reason: message, advice };
  }
  const code = codeOf(error);
  if (code === void 0) return { kind: "network", reason: "network error" };
  return { kind: "network", code, reason: networkReason(code) ?? code };
}
function bodyFailure(error, idleTimeoutMs, received, length) {
  if (error instanceof IdleTimeout) return silence(idleTimeoutMs);
  const code = codeOf(error);
  return {
    kind: "network",
    ...code !== void 0 ? { code } : {},
    reason: brokeOff(received, length, code)
  };
}
function brokeOff(received, length, code) {
  const of = length !== null ? ` of ${length}` : "";
  return `the connection broke off after ${received}${of} bytes${code !== void 0 ? ` (${code})` : ""}`;
}
function silence(idleTimeoutMs) {
  return { kind: "timeout", reason: `storage sent nothing for ${idleTimeoutMs / 1e3} s` };
}
function codeOf(error) {
  const code = error?.code;
  return typeof code === "string" && code !== "" ? code : void 0;
}

// src/download/disk.ts
var CHOOSE_ANOTHER = "choose another `download_to`";
var NOT_WRITABLE = {
  why: "the folder may not be written",
  todo: `fix its permissions, or ${CHOOSE_ANOTHER}`
};
var PROBLEMS = {
  ENAMETOOLONG: {
    why: "its name is too long for the file system, which allows 255 bytes a name on most systems",
    todo: "leave it out with `files`, or choose a `download_to` with a shorter path"
  },
  ENOSPC: { why: "the disk is full", todo: `free some space, or ${CHOOSE_ANOTHER}` },
  EDQUOT: { why: "the disk quota is used up", todo: `free some space, or ${CHOOSE_ANOTHER}` },
  EFBIG: {
    why: "the file is larger than the runner lets a process write, its file size limit",
    todo: "raise that limit (`ulimit -f`), or leave the file out with `files`"
  },
  EACCES: NOT_WRITABLE,
  EPERM: NOT_WRITABLE,
  EROFS: { why: "the file system is read-only", todo: CHOOSE_ANOTHER },
  EISDIR: { why: "a folder stands at its name", todo: `remove it, or ${CHOOSE_ANOTHER}` },
  ENOTDIR: {
    why: "a file stands where its path needs a folder",
    todo: `remove it, or ${CHOOSE_ANOTHER}`
  },
  ELOOP: { why: "its path goes through a loop of links", todo: CHOOSE_ANOTHER },
  EXDEV: {
    why: "its folder is on another file system than `download_to`",
    todo: CHOOSE_ANOTHER
  }
};
function diskProblem(error) {
  const code = error?.code;
  const known = typeof code === "string" ? PROBLEMS[code] : void 0;
  if (known !== void 0) return { why: `${known.why} (${code})`, todo: known.todo };
  return { why: errorMessage(error), todo: CHOOSE_ANOTHER };
}
function shownName(name) {
  return name.length > 80 ? `${name.slice(0, 60)}\u2026` : name;
}
function cannotWrite(target, folder, problem) {
  return `${shownName(target.name)} (file ${target.file.id}) could not be written to ${folder}: ${problem.why}: ${problem.todo}.`;
}

// src/download/place.ts
import { lstat, mkdir, mkdtemp, readlink, realpath, rename, rm, stat } from "node:fs/promises";
import { dirname as dirname2, join as join2, relative as relative2, sep as sep2 } from "node:path";

// src/download/targets.ts
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var DownloadRefused = class extends Failure {
  constructor(message) {
    super(message);
    this.name = "DownloadRefused";
  }
};
function downloadDir(downloadTo, backupId, runnerTemp) {
  return resolve(downloadTo ?? join(runnerTemp, `snapshooter-${backupId}`));
}
function planTargets(backupId, files, links, dir) {
  const has = (key) => Object.hasOwn(links, key);
  const used = /* @__PURE__ */ new Map();
  const folders = /* @__PURE__ */ new Map();
  return files.map((file) => {
    const base = baseName(file.name);
    const name = has(base) ? base : has(file.name) ? file.name : null;
    if (name === null) {
      throw new DownloadRefused(
        `SnapShooter gave no download link for file ${base} (${file.id}) of backup ${backupId}: re-run later, or leave it out with \`files\`.`
      );
    }
    const url = links[name];
    if (!isSecureUrl(new URL(url))) {
      throw new DownloadRefused(
        `SnapShooter gave a plain http:// link for file ${base} (${file.id}) of backup ${backupId}: refused, since it would send the signed link unencrypted. Report it to SnapShooter.`
      );
    }
    const path = safePath(dir, name, backupId);
    const clash = used.get(path);
    if (clash !== void 0) {
      throw new DownloadRefused(
        `Files ${clash} and ${file.id} of backup ${backupId} would both be written as ${JSON.stringify(name)}: pick one with \`files\`.`
      );
    }
    const parents = foldersOf(dir, path);
    const nested = nesting(file.id, path, parents, used, folders);
    if (nested !== null) {
      throw new DownloadRefused(
        `File ${nested.file} of backup ${backupId} would be written as ${JSON.stringify(relative(dir, nested.path))}, the folder that file ${nested.inside} goes in: pick one with \`files\`.`
      );
    }
    for (const folder of parents) if (!folders.has(folder)) folders.set(folder, file.id);
    used.set(path, file.id);
    return { file, name, url, path };
  });
}
function safePath(dir, name, backupId) {
  const refuse = (why) => {
    throw new DownloadRefused(
      `Backup ${backupId} names a file ${JSON.stringify(name.slice(0, 80))}, which ${why}: refused, nothing was written for it. Report it to SnapShooter.`
    );
  };
  if (/^[a-z]:/i.test(name) || name.includes("\\")) refuse("looks like a Windows path");
  if (isAbsolute(name)) refuse("is an absolute path");
  if (/[\u0000-\u001f]/.test(name)) refuse("contains control characters");
  const path = resolve(dir, name);
  if (path === dir || !isInside(dir, path)) refuse("would land outside `download_to`");
  return path;
}
function nesting(id, path, parents, used, folders) {
  const inside = folders.get(path);
  if (inside !== void 0) return { file: id, path, inside };
  const folder = parents.find((parent) => used.has(parent));
  return folder === void 0 ? null : { file: used.get(folder), path: folder, inside: id };
}
function foldersOf(dir, path) {
  const found = [];
  let folder = dirname(path);
  while (folder !== dir && folder !== dirname(folder)) {
    found.push(folder);
    folder = dirname(folder);
  }
  return found;
}
function isInside(dir, path) {
  const inside = relative(dir, path);
  return !(inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside));
}

// src/download/place.ts
function partialPath(workspace, index) {
  return join2(workspace.work, `${index}.partial`);
}
async function prepareWorkspace(dir, targets) {
  let root;
  try {
    await mkdir(dir, { recursive: true });
    root = await realpath(dir);
  } catch (error) {
    throw new DownloadRefused(
      `The folder ${dir} could not be created: ${errorMessage(error)}: check \`download_to\`.`
    );
  }
  for (const target of targets) {
    await makeFolders(dir, root, target);
    await checkTarget(dir, root, target);
  }
  const work = await makeWork(dir, targets);
  return { dir, root, work, placed: /* @__PURE__ */ new Map(), turn: Promise.resolve() };
}
function placeFile(partial, target, workspace) {
  const placing = workspace.turn.then(() => placeNow(partial, target, workspace));
  workspace.turn = placing.catch(() => void 0);
  return placing;
}
async function placeNow(partial, target, workspace) {
  const { dir, root, placed } = workspace;
  const found = await checkTarget(dir, root, target);
  const earlier = found === null ? void 0 : placed.get(inode(found));
  if (earlier !== void 0) {
    throw refusal(target, dir, {
      why: `the file system takes its name for that of ${earlier}, written just before`,
      todo: "pick one with `files`, or choose another `download_to`"
    });
  }
  try {
    await rename(partial, target.path);
    placed.set(inode(await lstat(target.path)), target.name);
  } catch (error) {
    throw refusal(target, dir, diskProblem(error));
  }
}
var inode = (stats) => `${stats.dev}:${stats.ino}`;
async function removeWorkspace(workspace) {
  await rm(workspace.work, { recursive: true, force: true });
}
function refusal(target, dir, problem) {
  return new DownloadRefused(cannotWrite(target, dir, problem));
}
async function makeFolders(dir, root, target) {
  const parts = relative2(dir, dirname2(target.path)).split(sep2).filter(Boolean);
  let folder = dir;
  for (const part of parts) {
    folder = join2(folder, part);
    const found = await lstatOrNull(folder, target, dir);
    if (found === null) {
      await mkdir(folder).catch((error) => {
        throw refusal(target, dir, diskProblem(error));
      });
      continue;
    }
    await refuseLinkOutside(folder, root, target, dir);
    if (!(await stat(folder)).isDirectory()) {
      throw refusal(target, dir, {
        why: `${relative2(dir, folder)} is a file, where its path needs a folder`,
        todo: "remove it, or choose another `download_to`"
      });
    }
  }
}
async function checkTarget(dir, root, target) {
  await refuseLinkOutside(dirname2(target.path), root, target, dir);
  const found = await lstatOrNull(target.path, target, dir);
  if (found === null || found.isFile()) return found;
  const shown = relative2(dir, target.path);
  const why = found.isSymbolicLink() ? (
    // Replacing a link someone made on purpose is not ours to decide, wherever it points.
    `${shown} is a symbolic link`
  ) : found.isDirectory() ? `${shown} is a folder` : `${shown} is not a regular file`;
  throw refusal(target, dir, { why, todo: "remove it, or choose another `download_to`" });
}
async function refuseLinkOutside(path, root, target, dir) {
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    const link = await readlink(path).catch(() => null);
    if (link === null) throw refusal(target, dir, diskProblem(error));
    throw linkOutside(path, link, target, dir);
  }
  if (!isInside(root, real)) throw linkOutside(path, real, target, dir);
}
function linkOutside(path, to, target, dir) {
  return refusal(target, dir, {
    why: `${relative2(dir, path) || "."} is a link to ${to}, outside \`download_to\``,
    todo: "remove the link, or choose another `download_to`"
  });
}
async function lstatOrNull(path, target, dir) {
  try {
    return await lstat(path);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw refusal(target, dir, diskProblem(error));
  }
}
async function makeWork(dir, targets) {
  for (let draw = 1; ; draw++) {
    let work;
    try {
      work = await mkdtemp(join2(dir, ".snapshooter-download-"));
    } catch (error) {
      const { why, todo } = diskProblem(error);
      throw new DownloadRefused(`The folder ${dir} could not be written: ${why}: ${todo}.`);
    }
    const free = (path) => !isInside(work, path);
    if (targets.every((target) => free(target.path))) return work;
    await rm(work, { recursive: true, force: true });
    if (draw === 3)
      throw new DownloadRefused(
        `The backup's file names keep matching the action's own folder in ${dir}: choose another \`download_to\`.`
      );
  }
}

// src/download/verify.ts
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// src/download/collect.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var COLLECT_EVERY_BYTES = 4 * 1024 * 1024;
function collector(collect, every = COLLECT_EVERY_BYTES) {
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < every) return;
    since = 0;
    collect?.();
  };
}
function minorCollection() {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc");
    if (typeof gc !== "function") return null;
    return () => gc({ type: "minor" });
  } catch {
    return null;
  }
}
var shared = null;
function gunzipped(bytes) {
  shared ??= collector(minorCollection());
  shared(bytes);
}

// src/download/verify.ts
var GUNZIP_CHUNK = 512 * 1024;
var GUNZIP_INPUT = 256 * 1024;
var GUNZIP_OPTIONS = {
  chunkSize: GUNZIP_CHUNK,
  writableHighWaterMark: 4 * GUNZIP_INPUT
};
var MAGIC_BYTES = 3;
function isGzip(name) {
  return fileKind(name).gzip;
}
function tap(gzip, content) {
  const hash = createHash("sha256");
  let bytes = 0;
  let gzipError = null;
  const checker = content?.checker ?? null;
  const gunzip = gzip ? createGunzip(GUNZIP_OPTIONS) : null;
  let head = gunzip !== null && content?.encrypted === true ? [] : null;
  let encrypted = false;
  if (gunzip !== null) {
    if (checker === null) gunzip.resume();
    else gunzip.on("data", (chunk) => checker.write(chunk));
    gunzip.on("error", (error) => gzipError ??= errorMessage(error));
    gunzip.once("error", () => gunzip.emit("drain"));
  }
  const decide = (atEnd) => {
    const first = Buffer.concat(head);
    if (first.length < MAGIC_BYTES && !atEnd) return null;
    head = null;
    encrypted = first.length > 0 && !looksLikeGzip(first);
    if (encrypted) gunzip?.destroy();
    return first;
  };
  const spare = [];
  let batch = null;
  let batched = 0;
  const send = () => {
    const full = batch;
    batch = null;
    const input = full.subarray(0, batched);
    batched = 0;
    gunzipped(input.length);
    return gunzip.write(input, () => spare.push(full));
  };
  const whenDrained = (ready, done) => {
    if (ready) done();
    else gunzip.once("drain", done);
  };
  const feed = (chunk, done) => {
    if (gunzip === null || encrypted || gzipError !== null) return done();
    if (head !== null) {
      head.push(chunk);
      const first = decide(false);
      if (first === null || encrypted) return done();
      chunk = first;
    }
    let ready = true;
    for (let at = 0; at < chunk.length; ) {
      batch ??= spare.pop() ?? Buffer.allocUnsafe(GUNZIP_INPUT);
      const copied = chunk.copy(batch, batched, at);
      at += copied;
      batched += copied;
      if (batched === batch.length) ready = send() && ready;
    }
    whenDrained(ready, done);
  };
  const stream = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      if (gunzip === null) checker?.write(chunk);
      feed(chunk, () => callback(null, chunk));
    }
  });
  const checks = () => {
    if (encrypted) return [skippedAsEncrypted(checker?.name ?? "gzip")];
    if (checker === null) return [];
    if (gzipError !== null)
      return [{ name: checker.name, passed: false, detail: "not checked: it does not gunzip" }];
    return checker.end();
  };
  return {
    stream,
    received: () => bytes,
    async digest() {
      if (head !== null) {
        const first = decide(true);
        if (!encrypted && first.length > 0) feed(first, () => void 0);
      }
      if (gunzip !== null && !encrypted && gzipError === null) {
        if (batched > 0) send();
        gunzip.end();
        await finished(gunzip).catch((error) => gzipError ??= errorMessage(error));
      }
      const digest = { bytes, sha256: hash.digest("hex"), gzipError };
      return content === void 0 ? digest : { ...digest, checks: checks() };
    }
  };
}
function verificationProblems(file, digest) {
  const problems = [];
  if (file.sizeBytes !== null && digest.bytes !== file.sizeBytes) {
    problems.push(`${digest.bytes} bytes arrived, but SnapShooter lists its size as ${file.size}`);
  }
  if (digest.gzipError !== null) problems.push(`it does not gunzip (${digest.gzipError})`);
  else
    for (const check of digest.checks ?? []) if (check.passed === false) problems.push(check.detail);
  return problems;
}

// src/download/file.ts
var DownloadFailed = class extends Failure {
  constructor(message) {
    super(message);
    this.name = "DownloadFailed";
  }
};
var DeadlineReached = class extends Failure {
  constructor(fileName) {
    super(`the time limit ran out while downloading ${fileName}`, { outcome: "timed_out" });
    this.fileName = fileName;
    this.name = "DeadlineReached";
  }
  fileName;
};
async function downloadFile(target, spot, deps) {
  const { clock, signal, deadline, sleep, random } = deps;
  try {
    const ended = await withAttempts(
      (_, leftMs) => attemptFile(target, spot, deps, leftMs),
      READ_POLICY,
      {
        deadline,
        signal,
        clock,
        sleep,
        random,
        onRetry: ({ attempt, delayMs, failure }) => deps.onRetry(
          `${target.name}: attempt ${attempt} failed (${failure.reason}); starting it again in ${Math.round(delayMs)} ms`
        )
      }
    );
    if (ended.ok) return await accept(target, spot, ended.value);
    throw gaveUp(target, ended, signal);
  } finally {
    await rm2(spot.partial, { force: true }).catch(() => void 0);
  }
}
function gaveUp(target, ended, signal) {
  if (ended.end === "cancelled") return signal.reason;
  if (ended.end === "deadline") return new DeadlineReached(target.name);
  const tried = ended.attempts > 1 ? ` after ${ended.attempts} attempts` : "";
  const failed = `Download of ${target.name} (file ${target.file.id}) failed${tried}: ${ended.last.reason}`;
  return ended.end === "exhausted" ? new DownloadFailed(`${failed}: worth re-running later.`) : new DownloadFailed(`${failed}: ${ended.last.advice ?? "re-run to get fresh links"}.`);
}
async function accept(target, spot, digest) {
  const problems = verificationProblems(target.file, digest);
  if (problems.length > 0) {
    throw new DownloadFailed(
      `${target.name} (file ${target.file.id}) failed verification: ${problems.join("; ")}. The backup may be damaged: check it in SnapShooter.`
    );
  }
  await placeFile(spot.partial, target, spot.workspace);
  const file = { name: target.name, path: target.path, bytes: digest.bytes, sha256: digest.sha256 };
  return digest.checks === void 0 ? file : { ...file, checks: digest.checks };
}
function contentOf(name, options) {
  if (options === null) return void 0;
  return { checker: contentCheckerFor(name, options), encrypted: options.encrypted };
}
async function attemptFile(target, spot, deps, leftMs) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  deps.signal.addEventListener("abort", stop, { once: true });
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    stop();
  }, leftMs);
  try {
    const result = await fetchToPartial(target, spot, deps, controller.signal);
    if ("sha256" in result) return { ok: true, value: result };
    deps.signal.throwIfAborted();
    if (late || deps.clock.now() >= deps.deadline) throw new DeadlineReached(target.name);
    return { ok: false, failure: result, retryAfter: result.retryAfter };
  } finally {
    clearTimeout(timer);
    deps.signal.removeEventListener("abort", stop);
  }
}
async function fetchToPartial(target, { partial, workspace }, deps, signal) {
  const opened = await openLink(target.url, { ...deps, signal });
  if (!("body" in opened)) return opened;
  const measure = tap(isGzip(target.name), contentOf(target.name, deps.content));
  try {
    await rm2(partial, { force: true });
    await pipeline(opened.body, measure.stream, createWriteStream(partial, { flags: "wx" }));
  } catch (error) {
    if (fromDisk(error))
      throw new DownloadFailed(cannotWrite(target, workspace.dir, diskProblem(error)));
    return bodyFailure(error, deps.idleTimeoutMs, measure.received(), opened.length);
  }
  const digest = await measure.digest();
  if (opened.length !== null && digest.bytes !== opened.length) {
    return { kind: "network", reason: brokeOff(digest.bytes, opened.length) };
  }
  return digest;
}
var DISK_CALLS = /* @__PURE__ */ new Set(["open", "write", "close", "fsync", "unlink"]);
function fromDisk(error) {
  const { syscall, code } = error ?? {};
  return typeof syscall === "string" && DISK_CALLS.has(syscall) || code === "ENOSPC";
}

// src/download/backup.ts
var CONCURRENCY = 4;
var DownloadTimedOut = class extends Failure {
  constructor(message) {
    super(message, { outcome: "timed_out" });
    this.name = "DownloadTimedOut";
  }
};
async function downloadBackup(settings, backup, files, dir, deps, progress) {
  if (files.length === 0)
    throw new DownloadRefused(`Backup ${backup.id} has no files: there is nothing to download.`);
  const started = deps.clock.now();
  progress.downloadStarted(started);
  let workspace = null;
  let verified = [];
  let status = "failed";
  try {
    const links = await deps.client.getDownloadLinks(backup.id);
    maskLinks(links);
    const targets = planTargets(backup.id, files, links, dir);
    info(`Downloading ${targets.length} file(s) to ${dir}`);
    const ready = workspace = await prepareWorkspace(dir, targets);
    const fileDeps = {
      userAgent: USER_AGENT,
      deadline: deps.deadline,
      clock: deps.clock,
      sleep: deps.sleep,
      random: Math.random,
      idleTimeoutMs: REQUEST_TIMEOUT_MS,
      content: settings.verify === "content" ? { encrypted: backup.encrypted } : null,
      onRetry: (text) => info(text)
    };
    const done = targets.map(() => void 0);
    await eachAtMost(CONCURRENCY, [...targets.keys()], deps.signal, async (index, signal) => {
      const spot = { partial: partialPath(ready, index), workspace: ready };
      const file = await downloadFile(targets[index], spot, { ...fileDeps, signal });
      done[index] = file;
      verified = done.filter((found) => found !== void 0);
      progress.filesVerified(verified);
      info(
        `${file.name}: ${file.bytes} bytes, sha256 ${file.sha256}, verified${checksLine(file)}`
      );
    });
    status = "downloaded";
  } catch (error) {
    if (error instanceof DeadlineReached && !deps.signal.aborted) {
      throw new DownloadTimedOut(
        `Backup ${backup.id} was not fully downloaded when \`timeout\` (${settings.written?.timeout ?? formatDuration(settings.timeoutMs)}) ran out (${error.message}); ${verified.length} file(s) had been verified: raise \`timeout\`.`
      );
    }
    throw error;
  } finally {
    for (const warning2 of [encryptedWarning, skippedWarning].map((say) => say(backup.id, verified)))
      if (warning2 !== null) warning(warning2);
    if (workspace !== null) await removeWorkspace(workspace).catch(() => void 0);
    progress.downloadEnded({ status, durationMs: deps.clock.now() - started });
  }
}
function maskLinks(links) {
  for (const url of Object.values(links)) {
    setSecret(url);
    const query = url.indexOf("?");
    if (query !== -1 && query < url.length - 1) setSecret(url.slice(query + 1));
  }
}
async function eachAtMost(limit, items, signal, work) {
  const stop = new AbortController();
  const cancel = () => stop.abort(signal.reason);
  if (signal.aborted) cancel();
  signal.addEventListener("abort", cancel, { once: true });
  let next = 0;
  let first = null;
  const worker = async () => {
    while (!stop.signal.aborted && next < items.length) {
      const item = items[next++];
      try {
        await work(item, stop.signal);
      } catch (error) {
        first ??= { error };
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } finally {
    signal.removeEventListener("abort", cancel);
  }
  if (first !== null) throw first.error;
  signal.throwIfAborted();
}

// src/download/run.ts
async function runDownload(settings, deps, progress) {
  const deadline = deps.startedAt + settings.timeoutMs;
  const client = deps.connect(deadline);
  const { backup, plan } = await prepareDrill(settings, client, deps.clock, progress);
  const dir = downloadDir(settings.downloadTo, backup.id, deps.runnerTemp);
  progress.downloadPlanned(dir);
  if (settings.dryRun) {
    info(
      `Dry run: would send POST /v1/backups/${backup.id}/download and download ${plan.files.length} file(s) to ${dir}`
    );
    return { kind: "dry_run" };
  }
  await group(
    `Download backup ${backup.id}`,
    () => downloadBackup(settings, backup, plan.files, dir, { ...deps, client, deadline }, progress)
  );
  return { kind: "downloaded" };
}
export {
  runDownload
};
//# sourceMappingURL=run-3T7UQCQL.js.map
