/**
 * Which team-server addresses may be reached over plain `http://`. The password goes to the
 * server at every sign-in (and the session cookie with every request), so over the internet it
 * must travel encrypted: `http://` is accepted only for this machine and the private networks a
 * company runs its own server on (loopback 127.0.0.0/8, ::1, localhost; 10/8, 172.16/12,
 * 192.168/16, fc00::/7; mDNS `.local` names). Anything else needs `https://`.
 */
export type ServerTransport = 'https' | 'http-private' | 'http-public' | 'invalid';

export function serverTransport(value: string): ServerTransport {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'https:') return 'https';
  if (url.protocol !== 'http:') return 'invalid';
  return isPrivateHost(url.hostname) ? 'http-private' : 'http-public';
}

/** `hostname` as `URL` spells it: lowercase, IPv4 normalised to dotted decimal, IPv6 in brackets. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (host.startsWith('[') && host.endsWith(']')) {
    const v6 = host.slice(1, -1);
    if (v6 === '::1') return true;
    // fc00::/7: the first 16-bit group is fcXX or fdXX, all four digits (`fc::` is 0x00fc, public).
    return /^f[cd][0-9a-f]{2}:/.test(v6);
  }
  return false;
}
