export const id = 444;
export const ids = [444];
export const modules = {

/***/ 2444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   agentsFor: () => (/* binding */ agentsFor),
/* harmony export */   isLoopback: () => (/* binding */ isLoopback),
/* harmony export */   proxyFor: () => (/* binding */ proxyFor),
/* harmony export */   proxySecrets: () => (/* binding */ proxySecrets)
/* harmony export */ });
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


/***/ })

};

//# sourceMappingURL=444.index.js.map