// Only notifications and sanitized clipboard writes, and only for the app's own pages.
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, isPermissionAllowed } from '../../../src-main/electron/permissions.ts';

describe('isPermissionAllowed', () => {
  it('allows exactly the listed permissions', () => {
    expect([...ALLOWED_PERMISSIONS].sort()).toEqual(['clipboard-sanitized-write', 'notifications']);
    expect(isPermissionAllowed('notifications', 'app://roost/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://roost/index.html')).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionAllowed(permission, 'app://roost/index.html')).toBe(false);
  });

  it('denies allowed permissions to pages that are not the app', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://roost.evil/')).toBe(false);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
  });
});
