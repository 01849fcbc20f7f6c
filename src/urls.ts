// Which URLs may carry a secret: the API's base URL, and the signed links of download mode.
import { isLoopbackHost } from './http/loopback.js'

/** https://, or http:// to a loopback host (a local simulator): nothing else carries a secret. */
export function isSecureUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}
