import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  ProxyRefused,
  agentsFor,
  proxyFor,
  proxySecrets
} from "./chunk-E3UXKTOG.js";
import "./chunk-ZQUF3SHF.js";
import "./chunk-23VKRORU.js";
export {
  ProxyRefused,
  agentsFor,
  proxyFor,
  proxySecrets
};
//# sourceMappingURL=proxy-ZVVIGIUG.js.map
