import { describe, expect, it } from 'vitest';
import { SourceReadError } from '../../sources/source-read-error.ts';
import {
  assertIpLiteralAllowed,
  createGuardedLookup,
  isPrivateHostAllowed,
  isPublicAddress,
} from './address-guard.ts';
import { defaultOutboundPolicy, type OutboundPolicy } from './outbound-policy.ts';

describe('isPublicAddress', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.1',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2001:4860:4860::8888',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '64:ff9b::8.8.8.8',
  ])('accepts public %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.1',
    '10.255.255.255',
    '100.64.0.1',
    '100.127.255.255',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.1',
    '192.168.1.1',
    '198.18.0.1',
    '198.19.255.255',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
  ])('refuses private or reserved IPv4 %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '::',
    '::1',
    '0:0:0:0:0:0:0:1',
    '[::1]',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    'ff05::1:3',
  ])('refuses private or reserved IPv6 %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:192.168.0.1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '::127.0.0.1',
  ])('judges IPv6 with an embedded private IPv4 by that address: %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['', 'localhost', 'example.com', '127.1', '1.2.3.4.5', '::g'])(
    'refuses %j, which is not an IP address',
    (value) => {
      expect(isPublicAddress(value)).toBe(false);
    },
  );
});

describe('isPrivateHostAllowed', () => {
  const policy = (allowedPrivateHosts: string[]): OutboundPolicy => ({
    ...defaultOutboundPolicy,
    allowedPrivateHosts,
  });

  it('matches listed names and literals regardless of case, brackets and a trailing dot', () => {
    const allowed = policy(['Intranet.Local', '10.0.0.5', '::1']);
    expect(isPrivateHostAllowed('intranet.local.', allowed)).toBe(true);
    expect(isPrivateHostAllowed('10.0.0.5', allowed)).toBe(true);
    expect(isPrivateHostAllowed('[::1]', allowed)).toBe(true);
    expect(isPrivateHostAllowed('10.0.0.6', allowed)).toBe(false);
    expect(isPrivateHostAllowed('other.local', allowed)).toBe(false);
  });

  it('allows everything with the single wildcard and nothing by default', () => {
    expect(isPrivateHostAllowed('anything', policy(['*']))).toBe(true);
    expect(isPrivateHostAllowed('localhost', defaultOutboundPolicy)).toBe(false);
  });
});

describe('assertIpLiteralAllowed', () => {
  it('refuses private literals unless listed and ignores host names', () => {
    expect(() => assertIpLiteralAllowed('127.0.0.1', defaultOutboundPolicy)).toThrow(
      expect.objectContaining({ code: 'blocked_address' }),
    );
    expect(() => assertIpLiteralAllowed('[::1]', defaultOutboundPolicy)).toThrow(SourceReadError);
    expect(() =>
      assertIpLiteralAllowed('127.0.0.1', {
        ...defaultOutboundPolicy,
        allowedPrivateHosts: ['127.0.0.1'],
      }),
    ).not.toThrow();
    expect(() => assertIpLiteralAllowed('8.8.8.8', defaultOutboundPolicy)).not.toThrow();
    expect(() => assertIpLiteralAllowed('localhost', defaultOutboundPolicy)).not.toThrow();
  });
});

describe('createGuardedLookup', () => {
  const resolve = (host: string, policy: OutboundPolicy, all: boolean) =>
    new Promise<unknown>((done, fail) => {
      createGuardedLookup(policy)(host, { all }, (error, address) =>
        error ? fail(error) : done(address),
      );
    });

  it('refuses a name that resolves to loopback', async () => {
    await expect(resolve('localhost', defaultOutboundPolicy, false)).rejects.toMatchObject({
      code: 'blocked_address',
    });
    await expect(resolve('localhost', defaultOutboundPolicy, true)).rejects.toBeInstanceOf(
      SourceReadError,
    );
  });

  it('resolves an allowed name in both callback shapes', async () => {
    const policy = { ...defaultOutboundPolicy, allowedPrivateHosts: ['localhost'] };
    expect(await resolve('localhost', policy, false)).toMatch(/^(127\.|::1$)/);
    expect(await resolve('localhost', policy, true)).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
    );
  });

  it('allows a name when every private address it resolves to is listed', async () => {
    const addresses = (await resolve(
      'localhost',
      { ...defaultOutboundPolicy, allowedPrivateHosts: ['*'] },
      true,
    )) as {
      address: string;
    }[];
    const policy = {
      ...defaultOutboundPolicy,
      allowedPrivateHosts: addresses.map(({ address }) => address),
    };
    await expect(resolve('localhost', policy, true)).resolves.toBeDefined();
  });
});
