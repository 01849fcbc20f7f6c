export const id = 813;
export const ids = [813];
export const modules = {

/***/ 8813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  downloadBackup: () => (/* binding */ downloadBackup),
  dryRunDownload: () => (/* binding */ dryRunDownload)
});

// UNUSED EXPORTS: CONCURRENCY, DownloadTimedOut, eachAtMost, maskLinks

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/snapshooter/api.ts
var api = __webpack_require__(7024);
// EXTERNAL MODULE: ./src/download/timed-out.ts
var timed_out = __webpack_require__(9282);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/snapshooter/retry.ts
var retry = __webpack_require__(4570);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/snapshooter/errors.ts
var snapshooter_errors = __webpack_require__(2993);
// EXTERNAL MODULE: ./src/snapshooter/proxy.ts
var proxy = __webpack_require__(2444);
;// CONCATENATED MODULE: ./src/download/fetch.ts
// One GET of a signed link. Storage is another host: the request carries no SnapShooter token,
// follows no redirect and keeps no socket alive after it. No message here quotes the URL.




const NETWORK_REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'the connection broke off',
    ENOTFOUND: 'storage host not found',
    EAI_AGAIN: 'storage host name lookup failed',
    ETIMEDOUT: 'connection timed out',
    EPIPE: 'the connection broke off',
};
class IdleTimeout extends Error {
    code = 'IDLE_TIMEOUT';
}
function openLink(url, options) {
    const secure = url.startsWith('https:');
    const client = secure ? (external_node_https_default()) : (external_node_http_default());
    const agents = (0,proxy/* agentsFor */.ml)(url, options.env);
    return new Promise((resolve) => {
        const request = client.get(url, {
            agent: secure ? agents.httpsAgent : agents.httpAgent,
            headers: { 'User-Agent': options.userAgent, Accept: '*/*' },
            signal: options.signal,
            timeout: options.idleTimeoutMs,
        }, (response) => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
                const length = Number(response.headers['content-length'] ?? NaN);
                resolve({
                    ok: true,
                    body: response,
                    length: Number.isSafeInteger(length) ? length : null,
                });
                return;
            }
            response.resume();
            const retryAfter = response.headers['retry-after'];
            resolve({ ...statusFailure(status), ...(retryAfter ? { retryAfter } : {}) });
        });
        request.on('timeout', () => request.destroy(new IdleTimeout()));
        // After the answer has come, the body stream reports errors; this catches those before it.
        request.on('error', (error) => resolve(networkFailure(error, options.idleTimeoutMs)));
    });
}
function statusFailure(status) {
    const kind = (0,snapshooter_errors/* kindOfStatus */.o3)(status);
    const hint = status === 403
        ? ' (the signed link was refused; it may have expired)'
        : status >= 300 && status < 400
            ? ' (a redirect, not followed)'
            : '';
    return { kind, status, reason: `storage answered HTTP ${status}${hint}` };
}
/** Whatever broke an attempt without an HTTP status, as the retry policy's facts. */
function networkFailure(error, idleTimeoutMs) {
    const code = error.code;
    if (error instanceof IdleTimeout) {
        return { kind: 'timeout', reason: `storage sent nothing for ${idleTimeoutMs / 1000} s` };
    }
    if (typeof code !== 'string')
        return { kind: 'network', reason: 'network error' };
    const reason = NETWORK_REASONS[code] ?? `network error (${code})`;
    return { kind: 'network', code, reason: `${reason} (${code})` };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/download/verify.ts
// What a file is checked against on its way to disk: its byte count, its SHA-256 and, for a .gz,
// a complete gunzip. All streamed, so memory stays flat whatever the file's size.





function isGzip(name) {
    return name.toLowerCase().endsWith('.gz');
}
function tap(gzip) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let gzipError = null;
    const gunzip = gzip ? (0,external_node_zlib_.createGunzip)() : null;
    // The decompressed bytes only prove the gzip is whole; they are dropped as they come.
    gunzip?.resume();
    gunzip?.on('error', (error) => (gzipError ??= (0,errors/* errorMessage */.g)(error)));
    const stream = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            bytes += chunk.length;
            // Once the gzip is known broken, feeding it more would only raise the same error again.
            if (gunzip === null || gzipError !== null || gunzip.write(chunk))
                callback(null, chunk);
            else
                gunzip.once('drain', () => callback(null, chunk));
        },
    });
    // A broken gzip emits no drain: release a chunk that waits for one.
    gunzip?.once('error', () => gunzip.emit('drain'));
    return {
        stream,
        async digest() {
            if (gunzip !== null && gzipError === null) {
                gunzip.end();
                await (0,external_node_stream_promises_.finished)(gunzip).catch((error) => (gzipError ??= (0,errors/* errorMessage */.g)(error)));
            }
            return { bytes, sha256: hash.digest('hex'), gzipError };
        },
    };
}
/** Each reason the file as downloaded is not the file SnapShooter describes; empty when it is. */
function verificationProblems(file, digest) {
    const problems = [];
    if (file.sizeBytes !== null && digest.bytes !== file.sizeBytes) {
        problems.push(`${digest.bytes} bytes arrived, but SnapShooter lists its size as ${file.size}`);
    }
    if (digest.gzipError !== null)
        problems.push(`it does not gunzip (${digest.gzipError})`);
    return problems;
}

;// CONCATENATED MODULE: ./src/download/file.ts
// One file: fetched under the retry policy of design.md section 3 (reads are safe to repeat),
// streamed to a temporary name, verified, and only then renamed to its real name. A file that
// is not verified never sits in the folder looking complete.









/** The download failed for good: the message names the file and what to do. */
class DownloadFailed extends Error {
    constructor(message) {
        super(message);
        this.name = 'DownloadFailed';
    }
}
/** The deadline (`timeout`) ran out while this file was on its way. */
class DeadlineReached extends Error {
    fileName;
    constructor(fileName) {
        super(`the time limit ran out while downloading ${fileName}`);
        this.fileName = fileName;
        this.name = 'DeadlineReached';
    }
}
async function downloadFile(target, deps) {
    const partial = (0,external_node_path_.join)((0,external_node_path_.dirname)(target.path), `.${(0,external_node_path_.basename)(target.path)}.partial`);
    const { clock, signal } = deps;
    try {
        for (let attempt = 1;; attempt++) {
            signal.throwIfAborted();
            if (clock.now() >= deps.deadline)
                throw new DeadlineReached(target.name);
            const result = await attemptOnce(target, partial, deps);
            if ('sha256' in result)
                return await accept(target, partial, result);
            signal.throwIfAborted();
            if (clock.now() >= deps.deadline)
                throw new DeadlineReached(target.name);
            const tried = attempt > 1 ? ` after ${attempt} attempts` : '';
            const failed = `Download of ${target.name} (file ${target.file.id}) failed${tried}: ${result.reason}`;
            if (!(0,retry/* isRetryableRead */.bV)(result))
                throw new DownloadFailed(`${failed}: re-run to get fresh links.`);
            if (attempt >= api/* MAX_ATTEMPTS */.m)
                throw new DownloadFailed(`${failed}: worth re-running later.`);
            const delayMs = (0,retry/* retryDelayMs */.qO)(attempt - 1, result.retryAfter, clock.now(), deps.random);
            if (clock.now() + delayMs >= deps.deadline)
                throw new DeadlineReached(target.name);
            deps.onRetry(`${target.name}: attempt ${attempt} failed (${result.reason}); starting it again in ${Math.round(delayMs)} ms`);
            await deps.sleep(delayMs, signal);
        }
    }
    finally {
        // Failing to tidy must not hide why the download failed; the name says it is partial anyway.
        await (0,promises_.rm)(partial, { force: true }).catch(() => undefined);
    }
}
async function accept(target, partial, digest) {
    const problems = verificationProblems(target.file, digest);
    if (problems.length > 0) {
        throw new DownloadFailed(`${target.name} (file ${target.file.id}) failed verification: ${problems.join('; ')}. The backup may be damaged: check it in SnapShooter.`);
    }
    await (0,promises_.rename)(partial, target.path);
    return { name: target.name, path: target.path, bytes: digest.bytes, sha256: digest.sha256 };
}
/** One attempt, from the first byte: the partial file is rewritten from scratch each time. */
async function attemptOnce(target, partial, deps) {
    const controller = new AbortController();
    const stop = () => controller.abort();
    deps.signal.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(stop, Math.max(0, deps.deadline - deps.clock.now()));
    try {
        const opened = await openLink(target.url, { ...deps, signal: controller.signal });
        if (!('body' in opened))
            return opened;
        const measure = tap(isGzip(target.name));
        try {
            await (0,external_node_stream_promises_.pipeline)(opened.body, measure.stream, (0,external_node_fs_.createWriteStream)(partial));
        }
        catch (error) {
            // A full disk or a folder we may not write to will not mend on a retry.
            if (fromDisk(error))
                throw new DownloadFailed(`${target.name} could not be written to ${(0,external_node_path_.dirname)(target.path)}: ${(0,errors/* errorMessage */.g)(error)}: free some space, or choose another \`download_to\`.`);
            return networkFailure(error, deps.idleTimeoutMs);
        }
        const digest = await measure.digest();
        // A body shorter than announced is a broken connection, not a damaged file: worth retrying.
        if (opened.length !== null && digest.bytes !== opened.length) {
            return {
                kind: 'network',
                reason: `the connection broke off after ${digest.bytes} of ${opened.length} bytes`,
            };
        }
        return digest;
    }
    finally {
        clearTimeout(timer);
        deps.signal.removeEventListener('abort', stop);
    }
}
// pipeline hands every stream the first error, so which stream failed is told by the error
// itself: file system calls name theirs, a broken socket does not (or names `read`).
const DISK_CALLS = new Set(['open', 'write', 'close', 'fsync']);
function fromDisk(error) {
    const { syscall, code } = (error ?? {});
    return (typeof syscall === 'string' && DISK_CALLS.has(syscall)) || code === 'ENOSPC';
}

// EXTERNAL MODULE: ./src/drill/files.ts
var drill_files = __webpack_require__(2162);
// EXTERNAL MODULE: ./src/urls.ts
var urls = __webpack_require__(5769);
;// CONCATENATED MODULE: ./src/download/targets.ts
// Where each selected file lands. Names come from the API, so a name that would resolve outside
// the download folder is refused here, before a single byte is written.



/** A refusal of the download as planned: the message names the file and what to do. */
class DownloadRefused extends Error {
    constructor(message) {
        super(message);
        this.name = 'DownloadRefused';
    }
}
/** `download_to` as given, else a folder named after the backup under RUNNER_TEMP. */
function downloadDir(downloadTo, backupId, runnerTemp) {
    return (0,external_node_path_.resolve)(downloadTo ?? (0,external_node_path_.join)(runnerTemp, `snapshooter-${backupId}`));
}
/**
 * Each selected file with its signed link, matched by base name (as SnapShooter keys the map),
 * falling back to the full object key.
 */
function planTargets(backupId, files, links, dir) {
    const has = (key) => Object.hasOwn(links, key);
    const used = new Map();
    return files.map((file) => {
        const base = (0,drill_files/* baseName */.Fl)(file.name);
        const name = has(base) ? base : has(file.name) ? file.name : null;
        if (name === null) {
            throw new DownloadRefused(`SnapShooter gave no download link for file ${base} (${file.id}) of backup ${backupId}: re-run later, or leave it out with \`files\`.`);
        }
        const url = links[name];
        if (!(0,urls/* isSecureUrl */.z)(new URL(url))) {
            throw new DownloadRefused(`SnapShooter gave a plain http:// link for file ${base} (${file.id}) of backup ${backupId}: refused, since it would send the signed link unencrypted. Report it to SnapShooter.`);
        }
        const path = safePath(dir, name, backupId);
        const clash = used.get(path);
        if (clash !== undefined) {
            throw new DownloadRefused(`Files ${clash} and ${file.id} of backup ${backupId} would both be written as ${JSON.stringify(name)}: pick one with \`files\`.`);
        }
        used.set(path, file.id);
        return { file, name, url, path };
    });
}
/** The path of `name` inside `dir`, or a refusal when the name could reach outside it. */
function safePath(dir, name, backupId) {
    const refuse = (why) => {
        throw new DownloadRefused(`Backup ${backupId} names a file ${JSON.stringify(name.slice(0, 80))}, which ${why}: refused, nothing was written for it. Report it to SnapShooter.`);
    };
    // Drive letters and backslashes mean nothing on Linux, but are a way out of the folder on Windows.
    if (/^[a-z]:/i.test(name) || name.includes('\\'))
        refuse('looks like a Windows path');
    if ((0,external_node_path_.isAbsolute)(name))
        refuse('is an absolute path');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(name))
        refuse('contains control characters');
    const path = (0,external_node_path_.resolve)(dir, name);
    const inside = (0,external_node_path_.relative)(dir, path);
    if (inside === '' || inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside))
        refuse('would land outside `download_to`');
    return path;
}

;// CONCATENATED MODULE: ./src/download/backup.ts
// Download mode: the selected files of a backup fetched to the runner through their signed
// links, a few at a time, each verified before it takes its real name.











/** Enough to fill a runner's link without opening a socket per file of a large backup. */
const CONCURRENCY = 4;
/** A dry run: the folder is recorded and the plan shown; no link is asked for. */
function dryRunDownload(settings, backup, files, evidence, runnerTemp) {
    const { dir } = planDownload(settings, backup, evidence, runnerTemp);
    core/* info */.pq(`Dry run: would send POST /v1/backups/${backup.id}/download and download ${files.length} file(s) to ${dir}`);
}
/** The folder a download goes to, recorded in the evidence before anything is fetched. */
function planDownload(settings, backup, evidence, runnerTemp) {
    const dir = downloadDir(settings.downloadTo, backup.id, runnerTemp);
    evidence.download = { dir, status: null, startedAt: null, durationMs: null, files: [] };
    return evidence.download;
}
/** Fetches and verifies `files`, or throws with the reason of the first failure. */
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
        core/* info */.pq(`Downloading ${targets.length} file(s) to ${record.dir}`);
        await makeFolders(targets);
        const fileDeps = {
            userAgent: constants/* USER_AGENT */._O,
            deadline: deps.deadline,
            clock: deps.clock,
            sleep: deps.sleep,
            random: Math.random,
            idleTimeoutMs: api/* REQUEST_TIMEOUT_MS */.j2,
            onRetry: (text) => core/* info */.pq(text),
        };
        // Kept in the order of the backup's files, whatever order they finish in.
        const done = targets.map(() => undefined);
        await eachAtMost(CONCURRENCY, [...targets.keys()], deps.signal, async (index, signal) => {
            const file = await downloadFile(targets[index], { ...fileDeps, signal });
            done[index] = file;
            record.files = done.filter((found) => found !== undefined);
            core/* info */.pq(`${file.name}: ${file.bytes} bytes, sha256 ${file.sha256}, verified`);
        });
        record.status = 'downloaded';
    }
    catch (error) {
        record.status = 'failed';
        if (error instanceof DeadlineReached && !deps.signal.aborted) {
            throw new timed_out/* DownloadTimedOut */.C(`Backup ${backup.id} was not fully downloaded when \`timeout\` (${(0,duration/* formatDuration */.a)(settings.timeoutMs)}) ran out (${error.message}); ${record.files.length} file(s) had been verified: raise \`timeout\`.`);
        }
        throw error;
    }
    finally {
        record.durationMs = deps.clock.now() - started;
    }
}
/**
 * Signed links are credentials. Masked before any line could print one; the query string on
 * its own too, since it holds the signature even where the URL appears encoded differently.
 */
function maskLinks(links) {
    for (const url of Object.values(links)) {
        core/* setSecret */.Pq(url);
        const query = url.indexOf('?');
        if (query !== -1 && query < url.length - 1)
            core/* setSecret */.Pq(url.slice(query + 1));
    }
}
/**
 * Runs `work` on every item, at most `limit` at a time. The first failure stops the rest (their
 * partial files are removed) and is the one thrown.
 */
async function eachAtMost(limit, items, signal, work) {
    const stop = new AbortController();
    const cancel = () => stop.abort(signal.reason);
    // A cancel that came before this point has already fired its event.
    if (signal.aborted)
        cancel();
    signal.addEventListener('abort', cancel, { once: true });
    let next = 0;
    let first = null;
    const worker = async () => {
        while (!stop.signal.aborted && next < items.length) {
            const item = items[next++];
            try {
                await work(item, stop.signal);
            }
            catch (error) {
                first ??= { error };
                stop.abort(error);
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    }
    finally {
        signal.removeEventListener('abort', cancel);
    }
    if (first !== null)
        throw first.error;
    signal.throwIfAborted();
}
async function makeFolders(targets) {
    for (const target of targets) {
        const folder = (0,external_node_path_.dirname)(target.path);
        try {
            await (0,promises_.mkdir)(folder, { recursive: true });
        }
        catch (error) {
            throw new DownloadRefused(`The folder ${folder} could not be created: ${(0,errors/* errorMessage */.g)(error)}: check \`download_to\`.`);
        }
    }
}


/***/ }),

/***/ 2444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wm: () => (/* binding */ proxySecrets),
/* harmony export */   ml: () => (/* binding */ agentsFor)
/* harmony export */ });
/* unused harmony exports proxyFor, isLoopback */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1970);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(http_proxy_agent__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3669);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(https_proxy_agent__WEBPACK_IMPORTED_MODULE_4__);
// Which way a request goes out: straight to its host, or through the proxy that the runner's
// environment names. One exported function, so that every HTTP client of the action (the API
// client, and any later one that fetches other URLs) takes the same decision.
//
// The rules are those of the Actions toolkit (@actions/http-client), as runners set the variables:
// - https:// targets use `https_proxy`, else `HTTPS_PROXY`; http:// targets `http_proxy`, else
//   `HTTP_PROXY`. There is no fallback from one scheme to the other.
// - `no_proxy`, else `NO_PROXY`: comma-separated; `*` bypasses every host; `example.com` and
//   `.example.com` match that domain and its subdomains; `host:port` matches that port only.
//   CIDR ranges are not understood.
// - Loopback targets (localhost, 127.0.0.0/8, ::1) always go direct: a proxy cannot reach the
//   runner's own loopback, which is where a local simulator listens.





/**
 * Agents for requests to `target`: a CONNECT tunnel through the proxy for https (the proxy sees
 * only the host and port; TLS, and with it the token, runs end to end), the proxy forwarding
 * absolute URIs for http, or direct connections. Keep-alive is off everywhere: a pooled socket
 * the server has closed would reset a restore POST and leave its fate unknown.
 */
function agentsFor(target, env = process.env) {
    const url = new URL(target);
    const direct = {
        httpAgent: new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)({ keepAlive: false }),
        httpsAgent: new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: false }),
        proxy: null,
    };
    const proxy = proxyFor(url, env);
    if (proxy === null)
        return direct;
    const shown = `${proxy.protocol}//${proxy.host}`;
    return url.protocol === 'https:'
        ? { ...direct, httpsAgent: new TunnelAgent(proxy, { keepAlive: false }), proxy: shown }
        : { ...direct, httpAgent: new http_proxy_agent__WEBPACK_IMPORTED_MODULE_3__.HttpProxyAgent(proxy, { keepAlive: false }), proxy: shown };
}
/**
 * https-proxy-agent sends a target name as SNI (servername), which Node then also checks the
 * certificate against. For an IP address it rightly sends no SNI (TLS allows names only) and hands
 * TLS no host either, so Node would check the certificate against "localhost". This checks it
 * against the target, name or IP alike, and leaves SNI as the agent sets it.
 */
class TunnelAgent extends https_proxy_agent__WEBPACK_IMPORTED_MODULE_4__.HttpsProxyAgent {
    connect(req, options) {
        if (!options.secureEndpoint)
            return super.connect(req, options);
        const host = bare(options.host ?? '');
        const checkServerIdentity = (_name, cert) => node_tls__WEBPACK_IMPORTED_MODULE_2___default().checkServerIdentity(host, cert);
        return super.connect(req, { ...options, checkServerIdentity });
    }
}
/** The proxy a request to `target` goes through, or null for a direct connection. */
function proxyFor(target, env) {
    const scheme = target.protocol.replace(/:$/, '');
    if (scheme !== 'http' && scheme !== 'https')
        return null;
    const setting = firstSet(env, `${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`);
    if (setting === null || isLoopback(target.hostname) || bypassed(target, env))
        return null;
    return parseProxyUrl(setting);
}
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/**
 * The passwords in the runner's proxy URLs (as written and decoded), for masking: no message here
 * shows them, but a dependency's debug log (DEBUG=*) would print a proxy URL whole.
 */
function proxySecrets(env) {
    const secrets = PROXY_VARIABLES.flatMap((name) => {
        const password = parseProxyUrl(env[name]?.trim() ?? '')?.password ?? '';
        return password === '' ? [] : [password, decodeURIComponent(password)];
    });
    return [...new Set(secrets)];
}
function firstSet(env, ...names) {
    for (const name of names) {
        const value = env[name]?.trim();
        if (value)
            return value;
    }
    return null;
}
/** `proxy.corp:3128` means `http://proxy.corp:3128`, as curl and the toolkit read it. */
function parseProxyUrl(text) {
    try {
        const url = new URL(text.includes('://') ? text : `http://${text}`);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
            ? url
            : null;
    }
    catch {
        return null;
    }
}
function bare(host) {
    return host.replace(/^\[|\]$/g, '').toLowerCase();
}
function isLoopback(hostname) {
    const host = bare(hostname);
    return (host === 'localhost' ||
        host.endsWith('.localhost') ||
        host === '::1' ||
        /^127(\.\d{1,3}){3}$/.test(host));
}
function bypassed(target, env) {
    const list = firstSet(env, 'no_proxy', 'NO_PROXY');
    if (list === null)
        return false;
    const host = bare(target.hostname);
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    return list
        .split(',')
        .map((entry) => entry.trim().toLowerCase())
        .filter((entry) => entry !== '')
        .some((entry) => entry === '*' || matches(entry, host, port));
}
function matches(entry, host, port) {
    // `[::1]:8080`, `example.com:8080`, or a bare IPv6 address whose colons are not a port.
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (withPort !== null && withPort[2] !== port)
        return false;
    const name = bare(withPort?.[1] ?? entry).replace(/^\*?\./, '');
    return host === name || host.endsWith(`.${name}`);
}


/***/ }),

/***/ 4570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PC: () => (/* binding */ isRetryablePost),
/* harmony export */   bV: () => (/* binding */ isRetryableRead),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7024);
// The retry policy as pure functions: which failures are worth another attempt, and how long to
// wait first. The client owns the loop; these decide.

/** A Retry-After value (seconds, or an HTTP date) as milliseconds from now; undefined if unreadable. */
function parseRetryAfter(value, nowMs) {
    const text = value?.trim() ?? '';
    if (text === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1_000);
    // An HTTP date names its month; Date.parse alone would read `-3` as a year.
    const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
    return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
/**
 * The pause before retry `attempt` (0 for the first retry). The server's Retry-After wins, plus up
 * to a second of spread; without it, full-jitter exponential backoff.
 */
function retryDelayMs(attempt, retryAfter, nowMs, random) {
    const serverDelay = parseRetryAfter(retryAfter, nowMs);
    if (serverDelay !== undefined)
        return serverDelay + Math.floor(random() * _api_js__WEBPACK_IMPORTED_MODULE_0__/* .RETRY_AFTER_JITTER_MS */ .O4);
    const ceiling = Math.min(_api_js__WEBPACK_IMPORTED_MODULE_0__/* .BACKOFF_CAP_MS */ .NA, _api_js__WEBPACK_IMPORTED_MODULE_0__/* .BACKOFF_BASE_MS */ .UQ * 2 ** Math.min(Math.max(attempt, 0), 30));
    return Math.floor(random() * ceiling);
}
// A certificate the runner does not trust stays untrusted however often it is asked again.
const CERTIFICATE_FAILURE = /CERT|UNABLE_TO_VERIFY|^ERR_TLS_|^ERR_SSL_/;
/** GETs (and the download POST, which creates nothing) may be repeated without harm. */
function isRetryableRead(err) {
    if (err.status !== undefined)
        return _api_js__WEBPACK_IMPORTED_MODULE_0__/* .RETRYABLE_STATUSES */ .U3.has(err.status);
    if (err.code !== undefined && CERTIFICATE_FAILURE.test(err.code))
        return false;
    return err.kind === 'network' || err.kind === 'timeout';
}
/**
 * The restore POST starts a restore each time it lands, so it is sent again only when the server
 * surely did not act: it said 429, or the connection was refused before a byte was sent.
 */
function isRetryablePost(err) {
    if (err.status !== undefined)
        return _api_js__WEBPACK_IMPORTED_MODULE_0__/* .POST_RETRYABLE_STATUSES */ .Z0.has(err.status);
    return err.kind === 'network' && err.code !== undefined && _api_js__WEBPACK_IMPORTED_MODULE_0__/* .POST_RETRYABLE_CODES */ .lX.has(err.code);
}


/***/ })

};

//# sourceMappingURL=813.index.js.map