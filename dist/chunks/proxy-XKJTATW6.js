import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  ProxyRefused,
  agentsFor,
  proxyFor,
  proxySecrets
} from "./chunk-JAJHGPRJ.js";
import "./chunk-UBNUX3TW.js";
import "./chunk-23VKRORU.js";
export {
  ProxyRefused,
  agentsFor,
  proxyFor,
  proxySecrets
};
//# sourceMappingURL=proxy-XKJTATW6.js.map
