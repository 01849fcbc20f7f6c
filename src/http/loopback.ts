// The one loopback rule. Two decisions hang on it: an `http://` api_url is accepted only for a
// loopback host (a local simulator: the token never crosses a network in clear text), and a
// loopback host is always reached directly, never through the runner's proxy (a proxy cannot
// reach the runner's own loopback).
//
// Loopback is `localhost`, any address of 127.0.0.0/8, and `::1`: names and addresses that
// cannot reach another machine. Subdomains of localhost (`app.localhost`) are not: RFC 6761 asks
// resolvers to answer them with loopback, but Node asks the system resolver, and glibc without
// nss-myhostname sends such a name to DNS, whose answer may be any host. Treating it as
// loopback would send the token in clear text to wherever DNS points.

/**
 * Whether `hostname` (as `URL.hostname` gives it: lower case, IPv4 normalised, IPv6 in brackets)
 * is this machine's loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return host === 'localhost' || host === '::1' || isLoopbackIpv4(host)
}

function isLoopbackIpv4(host: string): boolean {
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255)
}

/**
 * Whether a URL may carry a secret (the API token, a signed link): https://, or http:// to a
 * loopback host (a local simulator).
 */
export function isSecureUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
}
