import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  DownloadTimedOut,
  baseName,
  formatDuration,
  isSecureUrl
} from "./chunk-52L7FT2A.js";
import {
  info,
  setSecret
} from "./chunk-7HI3TMYG.js";
import {
  agentsFor,
  isRetryableRead,
  retryDelayMs
} from "./chunk-ZTIP63UC.js";
import {
  MAX_ATTEMPTS,
  REQUEST_TIMEOUT_MS,
  USER_AGENT,
  kindOfStatus
} from "./chunk-QNEOQGGF.js";
import {
  errorMessage
} from "./chunk-OUGQHY2S.js";
import "./chunk-23VKRORU.js";

// src/download/backup.ts
import { mkdir } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";

// src/download/file.ts
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";

// src/download/fetch.ts
import http from "node:http";
import https from "node:https";
var NETWORK_REASONS = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "the connection broke off",
  ENOTFOUND: "storage host not found",
  EAI_AGAIN: "storage host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EPIPE: "the connection broke off"
};
var IdleTimeout = class extends Error {
  code = "IDLE_TIMEOUT";
};
function openLink(url, options) {
  const secure = url.startsWith("https:");
  const client = secure ? https : http;
  const agents = agentsFor(url, options.env);
  return new Promise((resolve2) => {
    const request = client.get(
      url,
      {
        agent: secure ? agents.httpsAgent : agents.httpAgent,
        headers: { "User-Agent": options.userAgent, Accept: "*/*" },
        signal: options.signal,
        timeout: options.idleTimeoutMs
      },
      (response) => {
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
    request.on("error", (error) => resolve2(networkFailure(error, options.idleTimeoutMs)));
  });
}
function statusFailure(status) {
  const kind = kindOfStatus(status);
  const hint = status === 403 ? " (the signed link was refused; it may have expired)" : status >= 300 && status < 400 ? " (a redirect, not followed)" : "";
  return { kind, status, reason: `storage answered HTTP ${status}${hint}` };
}
function networkFailure(error, idleTimeoutMs) {
  const code = error.code;
  if (error instanceof IdleTimeout) {
    return { kind: "timeout", reason: `storage sent nothing for ${idleTimeoutMs / 1e3} s` };
  }
  if (typeof code !== "string") return { kind: "network", reason: "network error" };
  const reason = NETWORK_REASONS[code] ?? `network error (${code})`;
  return { kind: "network", code, reason: `${reason} (${code})` };
}

// src/download/verify.ts
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";
function isGzip(name) {
  return name.toLowerCase().endsWith(".gz");
}
function tap(gzip) {
  const hash = createHash("sha256");
  let bytes = 0;
  let gzipError = null;
  const gunzip = gzip ? createGunzip() : null;
  gunzip?.resume();
  gunzip?.on("error", (error) => gzipError ??= errorMessage(error));
  const stream = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      if (gunzip === null || gzipError !== null || gunzip.write(chunk)) callback(null, chunk);
      else gunzip.once("drain", () => callback(null, chunk));
    }
  });
  gunzip?.once("error", () => gunzip.emit("drain"));
  return {
    stream,
    async digest() {
      if (gunzip !== null && gzipError === null) {
        gunzip.end();
        await finished(gunzip).catch((error) => gzipError ??= errorMessage(error));
      }
      return { bytes, sha256: hash.digest("hex"), gzipError };
    }
  };
}
function verificationProblems(file, digest) {
  const problems = [];
  if (file.sizeBytes !== null && digest.bytes !== file.sizeBytes) {
    problems.push(`${digest.bytes} bytes arrived, but SnapShooter lists its size as ${file.size}`);
  }
  if (digest.gzipError !== null) problems.push(`it does not gunzip (${digest.gzipError})`);
  return problems;
}

// src/download/file.ts
var DownloadFailed = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DownloadFailed";
  }
};
var DeadlineReached = class extends Error {
  constructor(fileName) {
    super(`the time limit ran out while downloading ${fileName}`);
    this.fileName = fileName;
    this.name = "DeadlineReached";
  }
  fileName;
};
async function downloadFile(target, deps) {
  const partial = join(dirname(target.path), `.${basename(target.path)}.partial`);
  const { clock, signal } = deps;
  try {
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      if (clock.now() >= deps.deadline) throw new DeadlineReached(target.name);
      const result = await attemptOnce(target, partial, deps);
      if ("sha256" in result) return await accept(target, partial, result);
      signal.throwIfAborted();
      if (clock.now() >= deps.deadline) throw new DeadlineReached(target.name);
      const tried = attempt > 1 ? ` after ${attempt} attempts` : "";
      const failed = `Download of ${target.name} (file ${target.file.id}) failed${tried}: ${result.reason}`;
      if (!isRetryableRead(result))
        throw new DownloadFailed(`${failed}: re-run to get fresh links.`);
      if (attempt >= MAX_ATTEMPTS) throw new DownloadFailed(`${failed}: worth re-running later.`);
      const delayMs = retryDelayMs(attempt - 1, result.retryAfter, clock.now(), deps.random);
      if (clock.now() + delayMs >= deps.deadline) throw new DeadlineReached(target.name);
      deps.onRetry(
        `${target.name}: attempt ${attempt} failed (${result.reason}); starting it again in ${Math.round(delayMs)} ms`
      );
      await deps.sleep(delayMs, signal);
    }
  } finally {
    await rm(partial, { force: true }).catch(() => void 0);
  }
}
async function accept(target, partial, digest) {
  const problems = verificationProblems(target.file, digest);
  if (problems.length > 0) {
    throw new DownloadFailed(
      `${target.name} (file ${target.file.id}) failed verification: ${problems.join("; ")}. The backup may be damaged: check it in SnapShooter.`
    );
  }
  await rename(partial, target.path);
  return { name: target.name, path: target.path, bytes: digest.bytes, sha256: digest.sha256 };
}
async function attemptOnce(target, partial, deps) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  deps.signal.addEventListener("abort", stop, { once: true });
  const timer = setTimeout(stop, Math.max(0, deps.deadline - deps.clock.now()));
  try {
    const opened = await openLink(target.url, { ...deps, signal: controller.signal });
    if (!("body" in opened)) return opened;
    const measure = tap(isGzip(target.name));
    try {
      await pipeline(opened.body, measure.stream, createWriteStream(partial));
    } catch (error) {
      if (fromDisk(error))
        throw new DownloadFailed(
          `${target.name} could not be written to ${dirname(target.path)}: ${errorMessage(error)}: free some space, or choose another \`download_to\`.`
        );
      return networkFailure(error, deps.idleTimeoutMs);
    }
    const digest = await measure.digest();
    if (opened.length !== null && digest.bytes !== opened.length) {
      return {
        kind: "network",
        reason: `the connection broke off after ${digest.bytes} of ${opened.length} bytes`
      };
    }
    return digest;
  } finally {
    clearTimeout(timer);
    deps.signal.removeEventListener("abort", stop);
  }
}
var DISK_CALLS = /* @__PURE__ */ new Set(["open", "write", "close", "fsync"]);
function fromDisk(error) {
  const { syscall, code } = error ?? {};
  return typeof syscall === "string" && DISK_CALLS.has(syscall) || code === "ENOSPC";
}

// src/download/targets.ts
import { isAbsolute, join as join2, relative, resolve, sep } from "node:path";
var DownloadRefused = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DownloadRefused";
  }
};
function downloadDir(downloadTo, backupId, runnerTemp) {
  return resolve(downloadTo ?? join2(runnerTemp, `snapshooter-${backupId}`));
}
function planTargets(backupId, files, links, dir) {
  const has = (key) => Object.hasOwn(links, key);
  const used = /* @__PURE__ */ new Map();
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
  const inside = relative(dir, path);
  if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    refuse("would land outside `download_to`");
  return path;
}

// src/download/backup.ts
var CONCURRENCY = 4;
function dryRunDownload(settings, backup, files, evidence, runnerTemp) {
  const { dir } = planDownload(settings, backup, evidence, runnerTemp);
  info(
    `Dry run: would send POST /v1/backups/${backup.id}/download and download ${files.length} file(s) to ${dir}`
  );
}
function planDownload(settings, backup, evidence, runnerTemp) {
  const dir = downloadDir(settings.downloadTo, backup.id, runnerTemp);
  evidence.download = { dir, status: null, startedAt: null, durationMs: null, files: [] };
  return evidence.download;
}
async function downloadBackup(settings, backup, files, evidence, deps) {
  const record = planDownload(settings, backup, evidence, deps.runnerTemp);
  if (files.length === 0)
    throw new DownloadRefused(`Backup ${backup.id} has no files: there is nothing to download.`);
  const started = deps.clock.now();
  record.startedAt = new Date(started).toISOString();
  try {
    const links = await deps.client.getDownloadLinks(backup.id);
    maskLinks(links);
    const targets = planTargets(backup.id, files, links, record.dir);
    info(`Downloading ${targets.length} file(s) to ${record.dir}`);
    await makeFolders(targets);
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
      const file = await downloadFile(targets[index], { ...fileDeps, signal });
      done[index] = file;
      record.files = done.filter((found) => found !== void 0);
      info(`${file.name}: ${file.bytes} bytes, sha256 ${file.sha256}, verified`);
    });
    record.status = "downloaded";
  } catch (error) {
    record.status = "failed";
    if (error instanceof DeadlineReached && !deps.signal.aborted) {
      throw new DownloadTimedOut(
        `Backup ${backup.id} was not fully downloaded when \`timeout\` (${formatDuration(settings.timeoutMs)}) ran out (${error.message}); ${record.files.length} file(s) had been verified: raise \`timeout\`.`
      );
    }
    throw error;
  } finally {
    record.durationMs = deps.clock.now() - started;
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
async function makeFolders(targets) {
  for (const target of targets) {
    const folder = dirname2(target.path);
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new DownloadRefused(
        `The folder ${folder} could not be created: ${errorMessage(error)}: check \`download_to\`.`
      );
    }
  }
}
export {
  CONCURRENCY,
  DownloadTimedOut,
  downloadBackup,
  dryRunDownload,
  eachAtMost,
  maskLinks
};
//# sourceMappingURL=backup-EJQYUVJS.js.map
