// IPC callers must be the top frame of Roost's window showing an app:// page.
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/electron/trusted-sender.ts';

const main = { webContentsId: 7, isTopFrame: true };

describe('isTrustedSender', () => {
  it('trusts the main window on the app origin', () => {
    expect(isTrustedSender('app://roost/index.html', main, [7])).toBe(true);
  });

  it('refuses another webContents, even on the app origin', () => {
    expect(isTrustedSender('app://roost/index.html', { ...main, webContentsId: 8 }, [7])).toBe(false);
    expect(isTrustedSender('app://roost/index.html', main, [])).toBe(false);
  });

  it('refuses a subframe of the main window', () => {
    expect(isTrustedSender('app://roost/index.html', { ...main, isTopFrame: false }, [7])).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'app://roost.evil/index.html',
    'http://localhost.evil.example/',
    'file:///tmp/index.html',
    'data:text/html,hi',
    'about:blank',
    '',
    null,
    undefined,
  ])('refuses the main window when its frame shows %j', (url) => {
    expect(isTrustedSender(url, main, [7])).toBe(false);
  });
});
