import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { SourceReadError } from '../../sources/source-read-error.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

const blockedIpv4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blockedIpv4.addSubnet(network, prefix, 'ipv4');
}

const blockedIpv6 = new BlockList();
for (const [network, prefix] of [
  // ::/96 holds the unspecified address, loopback and the deprecated IPv4-compatible form.
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  // Deprecated site-local addresses, still routed inside some networks.
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blockedIpv6.addSubnet(network, prefix, 'ipv6');
}

/**
 * True when `ip` is an address on the public internet. Outbound requests to user-supplied URLs
 * must not reach the server's own network (SSRF), so anything private, loopback, link-local,
 * reserved or not an IP at all counts as not public. IPv6 forms that embed an IPv4 address
 * (`::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`) are judged by that IPv4 address.
 */
export function isPublicAddress(ip: string): boolean {
  const address = stripZone(stripBrackets(ip));
  const family = isIP(address);
  if (family === 4) return !blockedIpv4.check(address, 'ipv4');
  if (family !== 6) return false;
  const embedded = embeddedIpv4(ipv6Groups(address));
  if (embedded !== undefined) return !blockedIpv4.check(embedded, 'ipv4');
  return !blockedIpv6.check(address, 'ipv6');
}

/**
 * True when the policy lets `host` be reached even though it is not public: the host name or IP
 * literal is listed, or the list is the single wildcard `*`.
 */
export function isPrivateHostAllowed(host: string, policy: OutboundPolicy): boolean {
  const wanted = normaliseHost(host);
  return policy.allowedPrivateHosts.some(
    (entry) => entry === '*' || normaliseHost(entry) === wanted,
  );
}

/**
 * Refuses an IP-literal host that is not public and not allowed. Node connects to IP literals
 * without calling `lookup`, so the guarded lookup alone would never see them.
 */
export function assertIpLiteralAllowed(host: string, policy: OutboundPolicy): void {
  const address = stripBrackets(host);
  if (isIP(stripZone(address)) === 0) return;
  if (isPublicAddress(address) || isPrivateHostAllowed(address, policy)) return;
  throw blockedAddressError(address, [address]);
}

/**
 * A `lookup` for `http.request` / `net.connect` that resolves with `dns.lookup` and refuses the
 * connection when any resolved address is not public, unless the policy allows the host or every
 * such address. Checking the very addresses the socket connects to also defeats DNS rebinding.
 */
export function createGuardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const allOptions: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, allOptions, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      const refused = refusedAddresses(hostname, addresses, policy);
      if (refused.length > 0) {
        callback(blockedAddressError(hostname, refused), '');
        return;
      }
      const first = addresses[0];
      if (options.all) callback(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(new SourceReadError('network', `${hostname} has no address.`), '');
    });
  };
}

function refusedAddresses(
  hostname: string,
  addresses: readonly LookupAddress[],
  policy: OutboundPolicy,
): string[] {
  if (isPrivateHostAllowed(hostname, policy)) return [];
  return addresses
    .map(({ address }) => address)
    .filter((address) => !isPublicAddress(address) && !isPrivateHostAllowed(address, policy));
}

function blockedAddressError(host: string, addresses: readonly string[]): SourceReadError {
  const shown = addresses.join(', ');
  const where = shown === host ? host : `${host} (${shown})`;
  return new SourceReadError(
    'blocked_address',
    `Toombos will not connect to ${where}: it is a private, local or reserved network address. ` +
      'Use a public address, or ask an administrator to allow this host.',
  );
}

function normaliseHost(host: string): string {
  return stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function stripZone(address: string): string {
  const zone = address.indexOf('%');
  return zone === -1 ? address : address.slice(0, zone);
}

/** The eight 16-bit groups of an address `isIP` accepted as IPv6, a dotted IPv4 tail included. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number);
    tail.push((a << 8) | b, (c << 8) | d);
    text = text.slice(0, dotted.index);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::');
  const headGroups = parseGroups(head);
  const restGroups = parseGroups(rest);
  const zeros = 8 - tail.length - headGroups.length - restGroups.length;
  return [...headGroups, ...new Array<number>(zeros).fill(0), ...restGroups, ...tail];
}

function parseGroups(part: string | undefined): number[] {
  return part ? part.split(':').map((group) => Number.parseInt(group, 16)) : [];
}

/** The IPv4 address inside an IPv4-mapped (`::ffff:0:0/96`) or NAT64 (`64:ff9b::/96`) address. */
function embeddedIpv4(groups: readonly number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const mapped = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff;
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if (!mapped && !nat64) return undefined;
  return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
}
