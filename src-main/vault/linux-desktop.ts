// Which desktop's keyring to explain when no Secret Service answers: GNOME (and its relatives) ship GNOME
// Keyring, KDE ships KWallet; anything else gets the general advice (KeePassXC's Secret Service, or
// GNOME Keyring on its own).
export type LinuxDesktop = 'gnome' | 'kde' | 'other';

const GNOME_LIKE = ['gnome', 'unity', 'cinnamon', 'mate', 'budgie', 'pantheon', 'xfce', 'lxde', 'lxqt'];

export function linuxDesktop(platform: string, xdgCurrentDesktop: string | undefined): LinuxDesktop | null {
  if (platform !== 'linux') return null;
  const names = (xdgCurrentDesktop ?? '').toLowerCase().split(':');
  if (names.includes('kde')) return 'kde';
  if (names.some((name) => GNOME_LIKE.includes(name))) return 'gnome';
  return 'other';
}
