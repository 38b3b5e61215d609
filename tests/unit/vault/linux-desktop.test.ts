// Which desktop's keyring the "no keychain" help puts first, from XDG_CURRENT_DESKTOP.
import { describe, expect, it } from 'vitest';
import { linuxDesktop } from '../../../src-main/vault/linux-desktop.ts';

describe('linuxDesktop', () => {
  it('recognises KDE and GNOME-like desktops, and is null off Linux', () => {
    expect(linuxDesktop('linux', 'KDE')).toBe('kde');
    expect(linuxDesktop('linux', 'ubuntu:GNOME')).toBe('gnome');
    expect(linuxDesktop('linux', 'X-Cinnamon:Cinnamon')).toBe('gnome');
    expect(linuxDesktop('linux', 'sway')).toBe('other');
    expect(linuxDesktop('linux', undefined)).toBe('other');
    expect(linuxDesktop('darwin', 'KDE')).toBeNull();
  });
});
