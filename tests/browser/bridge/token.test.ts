// Browser mode's token: taken from the URL fragment, hidden from the address bar, kept for reloads.
import { afterEach, describe, expect, test } from 'vitest';
import { rpcUrl, takeToken } from '../../../src-renderer/bridge/token.ts';

afterEach(() => sessionStorage.clear());

function environment(hash: string) {
  const replaced: string[] = [];
  return {
    replaced,
    env: {
      location: { hash, pathname: '/index.html', search: '?a=1' },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) => replaced.push(String(url)),
      },
      storage: sessionStorage,
    },
  };
}

describe('browser-mode token', () => {
  test('is read from the fragment, removed from the URL and kept in sessionStorage', () => {
    const first = environment('#token=s3cr3t&view=x');
    expect(takeToken(first.env)).toBe('s3cr3t');
    expect(first.replaced).toEqual(['/index.html?a=1#view=x']);

    // A reload: the fragment is gone, the token is still there.
    const reload = environment('');
    expect(takeToken(reload.env)).toBe('s3cr3t');
    expect(reload.replaced).toEqual([]);
  });

  test('is null when the page was opened without one', () => {
    expect(takeToken(environment('').env)).toBeNull();
  });

  test('goes into the WebSocket URL, encoded, with the scheme of the page', () => {
    expect(rpcUrl({ protocol: 'http:', host: '127.0.0.1:4321' }, 'a+b/c')).toBe(
      'ws://127.0.0.1:4321/rpc?token=a%2Bb%2Fc',
    );
    expect(rpcUrl({ protocol: 'https:', host: 'h:1' }, 't')).toBe('wss://h:1/rpc?token=t');
  });
});
