// Which hosts are this machine, a private network or link-local, in every spelling a URL allows, and the
// rule that plain http is accepted only for this machine.
import { describe, expect, it } from 'vitest';
import { requireHttpsUnlessLoopback } from '../../../src-main/connectors/require-https.ts';
import { hostScope, ipAddressScope } from '../../../src-shared/net/address-scope.ts';

const scopeOf = (url: string) => hostScope(new URL(url).hostname);

describe('hostScope', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://localhost:3000/', 'loopback'],
    ['http://pds.localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://0.0.0.0/', 'private'],
    ['http://[::]/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://169.254.169.254/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://172.32.0.1/', 'public'],
    ['http://8.8.8.8/', 'public'],
    ['http://[2001:db8::1]/', 'public'],
    ['http://localhost.evil.example/', 'public'],
    ['http://127.0.0.1.nip.example/', 'public'],
    ['https://bsky.social/', 'public'],
  ])('%s is %s', (url, scope) => {
    expect(scopeOf(url)).toBe(scope);
  });

  it.each([
    ['127.0.0.53', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:192.168.0.2', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['2606:4700::1', 'public'],
    ['203.0.113.7', 'public'],
  ])('resolved address %s is %s', (address, scope) => {
    expect(ipAddressScope(address)).toBe(scope);
  });
});

describe('requireHttpsUnlessLoopback', () => {
  it.each(['https://bsky.social', 'http://127.0.0.1:2583', 'http://localhost:8080/x', 'http://[::1]:9000'])(
    'accepts %s',
    (url) => {
      expect(requireHttpsUnlessLoopback(url, 'test').href).toBe(new URL(url).href);
    },
  );

  it.each(['http://pds.example', 'http://192.168.1.10', 'http://localhost.evil.example'])(
    'refuses %s with a reason',
    (url) => {
      expect(() => requireHttpsUnlessLoopback(url, 'Bluesky server')).toThrow(
        expect.objectContaining({
          code: 'invalid_input',
          message: expect.stringMatching(
            /Bluesky server address must use https:\/\/.*only for this computer/,
          ),
        }),
      );
    },
  );

  it('refuses other schemes and non-URLs', () => {
    expect(() => requireHttpsUnlessLoopback('ftp://x.example', 'x')).toThrow(/must start with https/);
    expect(() => requireHttpsUnlessLoopback('not a url', 'x')).toThrow(/not a valid URL/);
  });
});
