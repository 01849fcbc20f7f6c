import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/errors.ts
function errorMessage(e) {
  if (e instanceof Error) return e.message !== "" ? e.message : e.name;
  if (typeof e === "string") return e;
  if (e === void 0 || e === null) return `unknown error (${String(e)})`;
  if (typeof e === "object" && "message" in e && typeof e.message === "string") return e.message;
  try {
    const json = JSON.stringify(e);
    if (json !== void 0) return json;
  } catch {
  }
  return String(e);
}

export {
  errorMessage
};
//# sourceMappingURL=chunk-OUGQHY2S.js.map
