import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-BF3DEGHK.js";
import "./chunk-4FUF2OYK.js";
import "./chunk-3AEIX5KM.js";
import "./chunk-4DUZBYJU.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-XD5QJNCJ.js";
import "./chunk-Z33OCNKP.js";
import "./chunk-ORS3V4QX.js";
import "./chunk-IIN3ZU4V.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-X24POZG6.js.map
