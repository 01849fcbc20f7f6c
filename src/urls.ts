// Which URLs may carry a secret: the API's base URL, and the signed links of download mode.

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

/** https://, or http:// to a loopback host (a local simulator): nothing else carries a secret. */
export function isSecureUrl(url: URL): boolean {
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname)
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback)
}
