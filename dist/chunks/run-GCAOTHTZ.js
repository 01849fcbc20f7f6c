import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  prepareDrill
} from "./chunk-HQXMQDKU.js";
import {
  baseName
} from "./chunk-LUC7IPLN.js";
import "./chunk-I6DHMJ55.js";
import {
  READ_POLICY,
  REQUEST_TIMEOUT_MS,
  withAttempts
} from "./chunk-TGBJ4GKF.js";
import "./chunk-QP5NUJKD.js";
import {
  ProxyRefused,
  agentsFor
} from "./chunk-JAJHGPRJ.js";
import {
  formatDuration
} from "./chunk-JO5HSGVP.js";
import {
  kindOfStatus,
  networkReason
} from "./chunk-67E55WTA.js";
import "./chunk-CPMEAYED.js";
import {
  Failure,
  USER_AGENT,
  errorMessage,
  group,
  info,
  setSecret
} from "./chunk-BQVM4NDJ.js";
import {
  isSecureUrl
} from "./chunk-UBNUX3TW.js";
import "./chunk-23VKRORU.js";

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

// src/download/content/looks.ts
function fileKind(name) {
  const lower = name.toLowerCase();
  if (lower.endsWith(".tgz")) return { gzip: true, content: "tar" };
  const gzip = lower.endsWith(".gz");
  const inner = gzip ? lower.slice(0, -3) : lower;
  const content = ["sql", "tar", "zip"].find((kind) => inner.endsWith(`.${kind}`));
  return { gzip, content: content ?? null };
}
function looksLikeGzip(head) {
  return head.length >= 3 && head[0] === 31 && head[1] === 139 && head[2] === 8;
}

// src/download/content/types.ts
var LOOKS_ENCRYPTED = "looks encrypted: content checks skipped";
function skippedAsEncrypted(name) {
  return { name, passed: null, detail: LOOKS_ENCRYPTED };
}

// src/download/content/text.ts
var decoder = new TextDecoder("utf-8", { fatal: false });

// src/download/content/tar.ts
var MAX_PAX = 1024 * 1024;

// src/download/content/zip.ts
var TAIL_CAP = 16 * 1024 * 1024;
var EOCD_SIGNATURE = Buffer.from([80, 75, 5, 6]);

// src/download/verify.ts
var GUNZIP_CHUNK = 256 * 1024;
var GUNZIP_INPUT = 256 * 1024;
var GUNZIP_OPTIONS = { chunkSize: GUNZIP_CHUNK, writableHighWaterMark: 4 * GUNZIP_INPUT };
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
  let batch = [];
  let batched = 0;
  const send = (done) => {
    const input = batch.length === 1 ? batch[0] : Buffer.concat(batch, batched);
    batch = [];
    batched = 0;
    if (gunzip.write(input)) done();
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
    batch.push(chunk);
    batched += chunk.length;
    if (batched < GUNZIP_INPUT) done();
    else send(done);
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
        if (!encrypted && first.length > 0) batch.push(first);
      }
      if (gunzip !== null && !encrypted && gzipError === null) {
        if (batch.length > 0) send(() => void 0);
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
  return { name: target.name, path: target.path, bytes: digest.bytes, sha256: digest.sha256 };
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
  const measure = tap(isGzip(target.name));
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
      onRetry: (text) => info(text)
    };
    const done = targets.map(() => void 0);
    await eachAtMost(CONCURRENCY, [...targets.keys()], deps.signal, async (index, signal) => {
      const spot = { partial: partialPath(ready, index), workspace: ready };
      const file = await downloadFile(targets[index], spot, { ...fileDeps, signal });
      done[index] = file;
      verified = done.filter((found) => found !== void 0);
      progress.filesVerified(verified);
      info(`${file.name}: ${file.bytes} bytes, sha256 ${file.sha256}, verified`);
    });
    status = "downloaded";
  } catch (error) {
    if (error instanceof DeadlineReached && !deps.signal.aborted) {
      throw new DownloadTimedOut(
        `Backup ${backup.id} was not fully downloaded when \`timeout\` (${formatDuration(settings.timeoutMs)}) ran out (${error.message}); ${verified.length} file(s) had been verified: raise \`timeout\`.`
      );
    }
    throw error;
  } finally {
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
//# sourceMappingURL=run-GCAOTHTZ.js.map
