// English texts. Every visible string of the renderer lives here and in fr.ts (same keys, checked by type).
import type { ErrorCode } from '../../src-shared/contract/errors.ts';

const errors: Record<ErrorCode, string> = {
  invalid_input: 'Some fields need fixing. Check the highlighted fields and try again.',
  unknown_method: 'This version of Roost does not know that action. Restart Roost; if it keeps happening, reinstall it.',
  forbidden: 'Roost refused this request because it did not come from the Roost window. Reload the window and try again.',
  not_found: 'That item no longer exists. It may have been removed in another window; the list has been refreshed.',
  auth_failed:
    'The server did not accept this handle and app password. Check both (an app password looks like xxxx-xxxx-xxxx-xxxx) and try again.',
  network_unreachable:
    'Roost could not reach the server. Check your internet connection and the server address, then try again.',
  rate_limited: 'The server is limiting requests right now. Wait a few minutes, then try again.',
  server_error: 'The server had a problem answering. Try again in a moment; if it persists, check the service’s status page.',
  keychain_locked:
    'Your system keychain is locked. Unlock it (log in to your desktop keyring) and try again.',
  keychain_unavailable:
    'No system keychain is available, so Roost cannot store the password safely. Install or start a keyring service (such as GNOME Keyring or KWallet) and try again.',
  keychain_timeout:
    'Your system keychain did not answer in time. It may be waiting for you to unlock it in another window; do that, then try again.',
  already_exists: 'This account is already in Roost.',
  internal: 'Something went wrong inside Roost. Try again; if it keeps happening, restart Roost and report the problem.',
};

export const en = {
  app: { name: 'Roost' },
  nav: {
    label: 'Sections',
    streams: 'Streams',
    inbox: 'Inbox',
    compose: 'Compose',
    calendar: 'Calendar',
    analytics: 'Analytics',
    settings: 'Settings',
  },
  connection: {
    connecting: 'Connecting…',
    online: 'Connected',
    offline: 'Offline: reconnecting…',
    noInternet: 'No internet connection',
  },
  empty: {
    notYet: 'Coming soon',
    streams: 'Live columns of your Bluesky, Mastodon and RSS feeds will appear here, updating as posts arrive.',
    inbox: 'Mentions, replies and messages assigned to you will wait here, with their thread and internal notes.',
    compose: 'Write and schedule posts here, with a preview per network and checks before anything goes out.',
    calendar: 'Your scheduled and published posts will appear here on a calendar.',
    analytics: 'Reach, engagement and the results your posts lead to will be charted here.',
    needsAccount: 'Start by adding an account.',
    addAccount: 'Go to Settings → Accounts',
  },
  settings: {
    title: 'Settings',
    tabsLabel: 'Settings pages',
    accounts: 'Accounts',
    general: 'General',
  },
  general: {
    language: 'Language',
    languageSystem: 'Same as the system',
    theme: 'Theme',
    themeSystem: 'Same as the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    savedLocally: 'These choices are saved on this computer.',
  },
  accounts: {
    addTitle: 'Add a Bluesky account',
    server: 'Server',
    serverHint: 'Keep https://bsky.social unless your account is hosted on another server.',
    handle: 'Handle',
    handleHint: 'Your handle (such as alice.bsky.social) or the email address you sign in with.',
    appPassword: 'App password',
    appPasswordHint: 'Not your main password: create an app password in Bluesky for Roost. It is kept in your system keychain, never in this window.',
    appPasswordLink: 'What is an app password?',
    add: 'Add account',
    adding: 'Adding…',
    added: '{{handle}} was added.',
    listTitle: 'Your accounts',
    loading: 'Loading accounts…',
    none: 'No accounts yet. Add one with the form above.',
    avatarAlt: 'Avatar of {{name}}',
    network: { bluesky: 'Bluesky', mastodon: 'Mastodon', rss: 'RSS' },
    serverLabel: 'Server: {{server}}',
    status: {
      active: 'Active',
      needs_sign_in: 'Needs sign-in',
      keychain_locked: 'Keychain locked',
      keychain_unavailable: 'Keychain unavailable',
    },
    protected: 'Protected (brand) account',
    protectedHint: 'Posting to a protected account always asks for confirmation.',
    remove: 'Remove',
    confirmRemoval: 'Confirm removal',
    cancel: 'Cancel',
    removeQuestion: 'Remove {{handle}} from Roost? Its app password is deleted from your keychain.',
    invalid: {
      service: 'Enter the full server address, starting with https://.',
      identifier: 'Enter your handle or email address.',
      appPassword: 'Enter an app password (up to 256 characters).',
    },
  },
  vault: {
    title: 'System keychain',
    checking: 'Checking the system keychain…',
    available: 'Available: app passwords are stored in your system keychain.',
    locked: 'Locked: unlock your desktop keyring (for example by logging in again), then check again.',
    unavailable:
      'Unavailable: no keyring service answered. Install or start one (GNOME Keyring, KWallet), then check again.',
    timed_out: 'Not answering: the keychain may be waiting for you to unlock it in another window.',
    refresh: 'Check again',
  },
  errors,
};

export type Messages = typeof en;
