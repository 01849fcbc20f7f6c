export const id = 362;
export const ids = [362];
export const modules = {

/***/ 8362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClient: () => (/* binding */ createClient),
  proxySecrets: () => (/* reexport */ snapshooter_proxy/* proxySecrets */.Wm)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/time.ts + 1 modules
var time = __webpack_require__(1968);
// EXTERNAL MODULE: ./src/snapshooter/api.ts
var api = __webpack_require__(7024);
// EXTERNAL MODULE: ./src/snapshooter/errors.ts
var snapshooter_errors = __webpack_require__(2993);
;// CONCATENATED MODULE: ./src/snapshooter/body.ts
// The body of an answer as text in, JSON or the API's error message out. A body may be empty,
// HTML from a proxy, or JSON without `message`, so error bodies are read leniently.


/** A successful answer's body as JSON, or a malformed error that says what came instead. */
function parseJsonBody(body, request) {
    const malformed = (detail) => new snapshooter_errors/* ApiError */.hD({ kind: 'malformed', request, detail });
    const trimmed = body.trim();
    if (trimmed === '')
        throw malformed('the body was empty');
    if (trimmed.startsWith('<'))
        throw malformed('an HTML page came instead');
    try {
        return JSON.parse(trimmed);
    }
    catch {
        throw malformed('the body is not valid JSON');
    }
}
/** Reads an error answer leniently: it may be empty, HTML, or JSON without `message`. */
function parseErrorBody(body) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        return {};
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        return {};
    const { message, error, errors } = json;
    const said = typeof message === 'string' ? message : typeof error === 'string' ? error : '';
    const result = said.trim() !== '' ? { apiMessage: (0,snapshooter_errors/* cleanText */.X5)(said) } : {};
    if (typeof errors !== 'object' || errors === null || Array.isArray(errors))
        return result;
    const fields = Object.entries(errors)
        .map(([field, list]) => {
        const messages = (Array.isArray(list) ? list : [list]).filter((m) => typeof m === 'string');
        return [(0,snapshooter_errors/* cleanText */.X5)(field, 60), messages.slice(0, 3).map((m) => (0,snapshooter_errors/* cleanText */.X5)(m))];
    })
        .filter(([, messages]) => messages.length > 0);
    if (fields.length === 0)
        return result;
    const shown = fields.slice(0, api/* MAX_FIELD_ERRORS */.Sw);
    if (fields.length > shown.length)
        shown.push(['…', [`${fields.length - shown.length} more`]]);
    return { ...result, fieldErrors: Object.fromEntries(shown) };
}

;// CONCATENATED MODULE: ./src/snapshooter/parse.ts
// Unknown JSON in, typed values out. Each value is built field by field, never spread from the
// answer, so the secrets in it (a backup's encryption_key, the signed `url` of each file) are
// left behind here and no later code can leak them.

// Thrown deep inside a parser and turned into one ApiError that names the request.
class ShapeError extends Error {
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function fail(path, problem) {
    throw new ShapeError(`\`${path}\` ${problem}`);
}
function wrong(path, value, expected) {
    fail(path, value === undefined ? 'is missing' : `is ${typeOf(value)}, not ${expected}`);
}
function object(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        wrong(path, value, 'an object');
    }
    return value;
}
function array(value, path) {
    return Array.isArray(value) ? value : wrong(path, value, 'an array');
}
function parse_text(value, path) {
    if (typeof value !== 'string' || value === '')
        wrong(path, value, 'a non-empty string');
    return value;
}
function optionalText(value, path) {
    return value === undefined || value === null ? null : parse_text(value, path);
}
function optionalTime(value, path) {
    const time = optionalText(value, path);
    if (time !== null && Number.isNaN(Date.parse(time)))
        fail(path, 'is not a timestamp');
    return time;
}
function optionalInteger(value, path) {
    if (value === undefined || value === null)
        return null;
    return Number.isSafeInteger(value) ? value : wrong(path, value, 'an integer');
}
function envelope(json) {
    return object(json, 'body').data;
}
function guarded(request, parse) {
    try {
        return parse();
    }
    catch (e) {
        if (e instanceof ShapeError)
            throw new snapshooter_errors/* ApiError */.hD({ kind: 'malformed', request, detail: e.message });
        throw e;
    }
}
/** Bytes when the size says so exactly (`744 bytes`, `1 byte`); a rounded `1.2 MB` gives null. */
function sizeToBytes(size) {
    const match = size === null ? null : /^\s*(\d+)\s*bytes?\s*$/i.exec(size);
    const bytes = match?.[1] === undefined ? null : Number(match[1]);
    return bytes !== null && Number.isSafeInteger(bytes) ? bytes : null;
}
function parseFile(value, path) {
    const file = object(value, path);
    const id = parse_text(file.id, `${path}.id`);
    const name = parse_text(file.name, `${path}.name`);
    // A bare number is read as bytes: the reference only shows strings, but a number is unambiguous.
    if (typeof file.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0) {
        return { id, name, size: `${file.size} bytes`, sizeBytes: file.size };
    }
    const size = optionalText(file.size, `${path}.size`);
    return { id, name, size, sizeBytes: sizeToBytes(size) };
}
function parseFiles(value, path) {
    if (value === undefined || value === null)
        return [];
    return array(value, path).map((file, i) => parseFile(file, `${path}[${i}]`));
}
function parseBackupData(value, path) {
    const backup = object(value, path);
    return {
        id: parse_text(backup.id, `${path}.id`),
        jobId: parse_text(backup.job_id, `${path}.job_id`),
        status: parse_text(backup.status, `${path}.status`),
        createdAt: optionalTime(backup.created_at, `${path}.created_at`),
        startedAt: optionalTime(backup.started_at, `${path}.started_at`),
        completedAt: optionalTime(backup.completed_at, `${path}.completed_at`),
        files: parseFiles(backup.files, `${path}.files`),
    };
}
function parseBackup(json, request) {
    return guarded(request, () => parseBackupData(envelope(json), 'data'));
}
function pageFromLink(link) {
    let page;
    try {
        page = new URL(link, 'http://relative.invalid').searchParams.get('page');
    }
    catch {
        return null;
    }
    return page !== null && /^\d+$/.test(page) ? Number(page) : null;
}
function nextPage(body, requested) {
    const links = body.links === undefined || body.links === null ? {} : object(body.links, 'links');
    const meta = body.meta === undefined || body.meta === null ? {} : object(body.meta, 'meta');
    const current = optionalInteger(meta.current_page, 'meta.current_page');
    const last = optionalInteger(meta.last_page, 'meta.last_page');
    const link = optionalText(links.next, 'links.next');
    const fromMeta = current !== null && last !== null && current < last ? current + 1 : null;
    if (link === null)
        return fromMeta;
    const after = current ?? requested;
    const next = pageFromLink(link) ?? (after !== undefined ? after + 1 : null);
    if (next === null)
        fail('links.next', 'names no page number');
    // A next page that is not further on would have a caller walk in circles.
    if (after !== undefined && next <= after)
        fail('links.next', `points back to page ${next}`);
    return next;
}
/** One page of a job's backups; `page` (the page asked for) guards against a link going back. */
function parseBackupPage(json, request, page) {
    return guarded(request, () => {
        const body = object(json, 'body');
        const backups = array(body.data, 'data').map((b, i) => parseBackupData(b, `data[${i}]`));
        return { backups, nextPage: nextPage(body, page) };
    });
}
function parseCompute(value, path) {
    if (value === undefined || value === null)
        return null;
    const compute = object(value, path);
    const server = compute.server === undefined || compute.server === null
        ? null
        : object(compute.server, `${path}.server`);
    return {
        type: parse_text(compute.type, `${path}.type`),
        serverId: server !== null
            ? optionalInteger(server.id, `${path}.server.id`)
            : optionalInteger(compute.server_id, `${path}.server_id`),
        serverName: server !== null ? optionalText(server.name, `${path}.server.name`) : null,
    };
}
function parseRestore(json, request) {
    return guarded(request, () => {
        const restore = object(envelope(json), 'data');
        return {
            id: parse_text(restore.id, 'data.id'),
            jobId: optionalText(restore.job_id, 'data.job_id'),
            backupId: optionalText(restore.backup_id, 'data.backup_id'),
            status: parse_text(restore.status, 'data.status'),
            createdAt: optionalTime(restore.created_at, 'data.created_at'),
            startedAt: optionalTime(restore.started_at, 'data.started_at'),
            completedAt: optionalTime(restore.completed_at, 'data.completed_at'),
            compute: parseCompute(restore.compute, 'data.compute'),
            files: parseFiles(restore.files, 'data.files'),
        };
    });
}
function isWebUrl(value) {
    try {
        const { protocol } = new URL(value);
        return protocol === 'https:' || protocol === 'http:';
    }
    catch {
        return false;
    }
}
/**
 * File name to signed URL. The URLs are credentials: the caller masks them, and no error here
 * quotes one.
 */
function parseDownloadLinks(json, request) {
    return guarded(request, () => {
        const data = envelope(json);
        // PHP encodes an empty map as [], so an empty array means "no files".
        if (Array.isArray(data) && data.length === 0)
            return {};
        const entries = Object.entries(object(data, 'data')).map(([name, url]) => {
            const path = `data[${JSON.stringify((0,snapshooter_errors/* cleanText */.X5)(name, 60))}]`;
            if (name.trim() === '')
                fail(path, 'has an empty file name');
            if (typeof url !== 'string')
                wrong(path, url, 'a string');
            if (!isWebUrl(url))
                fail(path, 'is not an http(s) URL');
            return [name, url];
        });
        // fromEntries defines own properties, so a key such as `__proto__` stays a plain key.
        return Object.fromEntries(entries);
    });
}

// EXTERNAL MODULE: ./src/snapshooter/retry.ts
var retry = __webpack_require__(4570);
// EXTERNAL MODULE: ./node_modules/axios/lib/axios.js + 65 modules
var axios = __webpack_require__(1542);
// EXTERNAL MODULE: ./node_modules/axios/index.js
var node_modules_axios = __webpack_require__(9159);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/snapshooter/proxy.ts
var snapshooter_proxy = __webpack_require__(2444);
;// CONCATENATED MODULE: ./src/snapshooter/transport.ts
// One HTTP exchange with SnapShooter: the axios instance, one attempt, and the turning of whatever
// went wrong into an ApiError. Retrying and parsing the payload are the client's business.






function createHttp(baseUrl, token, userAgent, env = process.env) {
    const { httpAgent, httpsAgent, proxy } = (0,snapshooter_proxy/* agentsFor */.ml)(baseUrl, env);
    const instance = axios/* default */.A.create({
        baseURL: baseUrl,
        allowAbsoluteUrls: false,
        headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'User-Agent': userAgent,
        },
        // A redirect could carry the token to another host: a 3xx is an answer, not followed.
        maxRedirects: 0,
        validateStatus: () => true,
        // Bodies stay text so that HTML or broken JSON reach our parser and its precise error.
        responseType: 'text',
        transformResponse: [(data) => data],
        maxContentLength: api/* MAX_RESPONSE_BYTES */.nB,
        // axios' own proxy handling is off: agentsFor decides, with keep-alive off and a real
        // CONNECT tunnel for https, so that no socket outlives the work.
        proxy: false,
        httpAgent,
        httpsAgent,
    });
    return { instance, proxy };
}
async function attemptOnce({ instance, proxy }, exchange, options) {
    const { signal, timeoutMs } = options;
    const json = exchange.body === undefined
        ? {}
        : { data: JSON.stringify(exchange.body), headers: { 'Content-Type': 'application/json' } };
    const controller = new AbortController();
    let timedOut = false;
    // axios' own timeout watches the socket; this one bounds the whole exchange, body included.
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, timeoutMs);
    const cancel = () => controller.abort();
    signal?.addEventListener('abort', cancel, { once: true });
    let response;
    try {
        response = await instance.request({
            method: exchange.method,
            url: exchange.path,
            params: exchange.params,
            timeout: timeoutMs,
            signal: controller.signal,
            ...json,
        });
    }
    catch (e) {
        const error = failureWithoutAnswer(e, exchange, options, timedOut);
        return { ok: false, error: proxy === null ? error : error.with({ proxy }) };
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
    }
    const { status } = response;
    const requestId = requestIdOf(response);
    const body = typeof response.data === 'string' ? response.data : '';
    if (status >= 200 && status < 300)
        return { ok: true, status, body, requestId };
    const error = new snapshooter_errors/* ApiError */.hD({
        ...parseErrorBody(body),
        kind: (0,snapshooter_errors/* kindOfStatus */.o3)(status),
        request: exchange.request,
        subject: exchange.subject,
        attempts: options.attempt,
        status,
        requestId,
        // A 5xx or a 408 (the server's own timeout) may come after the restore was started.
        mayHaveStarted: exchange.startsRestore === true && (status >= 500 || status === 408),
        ...(proxy !== null ? { proxy } : {}),
    });
    return { ok: false, error, retryAfter: headerOf(response, 'retry-after') };
}
function failureWithoutAnswer(e, exchange, options, timedOut) {
    const { request, subject } = exchange;
    const inFlight = exchange.startsRestore === true;
    const base = { request, subject, attempts: options.attempt, mayHaveStarted: inFlight };
    if (options.signal?.aborted === true)
        return new snapshooter_errors/* ApiError */.hD({ ...base, kind: 'cancelled' });
    if (!(e instanceof node_modules_axios/* AxiosError */.pe)) {
        return new snapshooter_errors/* ApiError */.hD({ ...base, kind: 'network', detail: (0,snapshooter_errors/* cleanText */.X5)((0,errors/* errorMessage */.g)(e)) });
    }
    const code = networkCode(e);
    // ECONNABORTED is axios' own timeout, which watches the socket alongside our timer.
    if (timedOut || code === 'ECONNABORTED') {
        const kind = options.timeoutMs < options.requestTimeoutMs ? 'deadline' : 'timeout';
        return new snapshooter_errors/* ApiError */.hD({ ...base, kind, timeoutMs: options.timeoutMs });
    }
    if (/maxContentLength/.test(e.message)) {
        const detail = `the answer was larger than ${api/* MAX_RESPONSE_BYTES */.nB / 1024 / 1024} MB`;
        return new snapshooter_errors/* ApiError */.hD({ ...base, kind: 'malformed', detail });
    }
    const neverConnected = code !== undefined && api/* NEVER_CONNECTED_CODES */.Q$.has(code);
    return new snapshooter_errors/* ApiError */.hD({
        ...base,
        kind: 'network',
        code,
        mayHaveStarted: inFlight && !neverConnected,
    });
}
function networkCode(e) {
    // Node's happy-eyeballs connect reports an AggregateError whose own code may be missing.
    const cause = e.cause;
    const candidates = [e.code, cause?.code, cause?.errors?.[0]?.code];
    return candidates.find((c) => typeof c === 'string' && c !== '');
}
function headerOf(response, name) {
    const value = response.headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}
function requestIdOf(response) {
    for (const name of api/* REQUEST_ID_HEADERS */.Ti) {
        const value = headerOf(response, name);
        if (value !== undefined)
            return value;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/snapshooter/client.ts
// The SnapShooter client: one function per endpoint and one retry loop. Every failure leaves as
// an ApiError whose message a user can act on.








// The client's chunk holds the proxy rules already; the run masks proxy passwords from here, so
// that no second lazy chunk carries another copy of them.

function createClient(options) {
    const shared = {
        http: createHttp(options.baseUrl, options.token, options.userAgent, options.env),
        clock: options.clock ?? time/* systemClock */.m,
        sleep: options.sleep ?? time/* realSleep */.u,
        random: options.random ?? Math.random,
        requestTimeoutMs: options.requestTimeoutMs ?? api/* REQUEST_TIMEOUT_MS */.j2,
        signal: options.signal,
        onRetry: options.onRetry,
    };
    return bind(shared, options.deadline);
}
function bind(shared, deadline) {
    const run = (call) => execute(shared, deadline, call);
    const backup = (id) => ({ noun: 'backup', id, input: constants/* Input */.pd.backupId });
    return {
        getBackup: (backupId) => run({
            method: 'GET',
            path: api/* Paths */.Jh.backup(backupId),
            request: `GET backup ${backupId}`,
            subject: backup(backupId),
            parse: parseBackup,
        }),
        listJobBackups: (jobId, page) => run({
            method: 'GET',
            path: api/* Paths */.Jh.jobBackups(jobId),
            params: { ...api/* LIST_PARAMS */.CY, page },
            request: `GET backups of job ${jobId} (page ${page})`,
            subject: { noun: 'job', id: jobId, input: constants/* Input */.pd.jobId },
            parse: (json, request) => parseBackupPage(json, request, page),
        }),
        createRestore: (backupId, body) => run({
            method: 'POST',
            path: api/* Paths */.Jh.createRestore(backupId),
            body,
            startsRestore: true,
            request: `POST restore of backup ${backupId}`,
            subject: backup(backupId),
            parse: parseRestore,
        }),
        getRestore: (restoreId) => run({
            method: 'GET',
            path: api/* Paths */.Jh.restore(restoreId),
            request: `GET restore ${restoreId}`,
            subject: { noun: 'restore', id: restoreId },
            parse: parseRestore,
        }),
        // Creates nothing, so it is retried like a read.
        getDownloadLinks: (backupId) => run({
            method: 'POST',
            path: api/* Paths */.Jh.downloadLinks(backupId),
            request: `POST download links of backup ${backupId}`,
            subject: backup(backupId),
            parse: parseDownloadLinks,
        }),
        withDeadline: (next) => bind(shared, next),
    };
}
async function execute(shared, deadline, call) {
    const { clock, signal } = shared;
    const { request, subject } = call;
    let last;
    for (let attempt = 1;; attempt++) {
        if (aborted(signal)) {
            throw new snapshooter_errors/* ApiError */.hD({ kind: 'cancelled', request, subject, attempts: attempt - 1 });
        }
        const left = deadline - clock.now();
        // A pause that overran the deadline: the failure before it is the one worth reporting.
        if (left <= 0)
            throw last ?? new snapshooter_errors/* ApiError */.hD({ kind: 'deadline', request, subject, attempts: 0 });
        const answer = await attemptOnce(shared.http, call, {
            attempt,
            timeoutMs: Math.min(shared.requestTimeoutMs, left),
            requestTimeoutMs: shared.requestTimeoutMs,
            signal,
        });
        if (answer.ok)
            return parseAnswer(call, attempt, answer.status, answer.body, answer.requestId);
        const { error } = answer;
        last = error;
        const retryable = call.startsRestore === true ? (0,retry/* isRetryablePost */.PC)(error) : (0,retry/* isRetryableRead */.bV)(error);
        if (!retryable || attempt >= api/* MAX_ATTEMPTS */.m)
            throw error;
        const delayMs = (0,retry/* retryDelayMs */.qO)(attempt - 1, answer.retryAfter, clock.now(), shared.random);
        // A retry that could not finish in time would only hide the real failure behind a deadline.
        if (clock.now() + delayMs >= deadline)
            throw error;
        shared.onRetry?.({ request, attempt, delayMs, reason: reasonOf(error) });
        try {
            await shared.sleep(delayMs, signal);
        }
        catch (e) {
            if (aborted(signal))
                throw new snapshooter_errors/* ApiError */.hD({ kind: 'cancelled', request, subject, attempts: attempt });
            throw e;
        }
    }
}
function parseAnswer(call, attempts, status, body, requestId) {
    try {
        return call.parse(parseJsonBody(body, call.request), call.request);
    }
    catch (e) {
        if (!(e instanceof snapshooter_errors/* ApiError */.hD))
            throw e;
        // A 2xx to the restore POST means it was accepted, however unreadable the answer.
        const mayHaveStarted = call.startsRestore === true;
        throw e.with({ subject: call.subject, attempts, status, requestId, mayHaveStarted });
    }
}
// A function, not an inline check, so the compiler does not assume the flag stays as first read.
function aborted(signal) {
    return signal?.aborted === true;
}
function reasonOf(error) {
    if (error.status !== undefined)
        return `HTTP ${error.status}`;
    if (error.kind === 'timeout')
        return `no answer within ${(0,snapshooter_errors/* formatMs */._V)(error.timeoutMs ?? 0)}`;
    return error.code ?? error.kind;
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

//# sourceMappingURL=362.index.js.map