import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/http/loopback.ts
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return host === "localhost" || host === "::1" || isLoopbackIpv4(host);
}
function isLoopbackIpv4(host) {
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}
function isSecureUrl(url) {
  return url.protocol === "https:" || url.protocol === "http:" && isLoopbackHost(url.hostname);
}

export {
  isLoopbackHost,
  isSecureUrl
};
//# sourceMappingURL=chunk-UBNUX3TW.js.map
