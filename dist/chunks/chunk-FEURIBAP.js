import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  isLoopbackHost
} from "./chunk-ZQUF3SHF.js";

// src/urls.ts
function isSecureUrl(url) {
  return url.protocol === "https:" || url.protocol === "http:" && isLoopbackHost(url.hostname);
}

export {
  isSecureUrl
};
//# sourceMappingURL=chunk-FEURIBAP.js.map
