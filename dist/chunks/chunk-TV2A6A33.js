import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  USER_AGENT,
  info,
  setSecret
} from "./chunk-VIEEPT45.js";

// src/connect.ts
async function connect(settings, { signal, clock, sleep, requestTimeoutMs }) {
  const [{ createClient }, { proxySecrets }] = await Promise.all([
    import("./client-XMHYR4VD.js"),
    import("./proxy-XKJTATW6.js")
  ]);
  for (const secret of proxySecrets(process.env)) setSecret(secret);
  return (deadline) => createClient({
    baseUrl: settings.apiUrl,
    token: settings.apiToken,
    userAgent: USER_AGENT,
    deadline,
    signal,
    clock,
    sleep,
    requestTimeoutMs,
    onRetry: ({ request, attempt, delayMs, reason }) => info(
      `${request}: attempt ${attempt} failed (${reason}); retrying in ${Math.round(delayMs)} ms`
    )
  });
}

export {
  connect
};
//# sourceMappingURL=chunk-TV2A6A33.js.map
