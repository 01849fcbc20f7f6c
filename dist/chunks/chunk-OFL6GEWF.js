import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/urls.ts
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]"]);
function isSecureUrl(url) {
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return url.protocol === "https:" || url.protocol === "http:" && loopback;
}

export {
  isSecureUrl
};
//# sourceMappingURL=chunk-OFL6GEWF.js.map
