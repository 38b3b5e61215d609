// English texts of brand protection: hijack alerts, impostor and link badges, the link confirmation.
export const protectionEn = {
  title: 'Brand protection',
  intro:
    'Roost compares each account’s own posts and profile with what it sent. Anything done to an account outside Roost — a post, reply, repost, deletion or profile change — is listed here within one polling interval.',
  checkNow: 'Check now',
  checking: 'Checking…',
  checked: 'Checked {{count}} accounts.',
  showAcknowledged: 'Show acknowledged alerts',
  none: 'No alerts. Nothing has happened to your accounts outside Roost.',
  list: 'Alerts',
  kind: {
    post: 'Post not made through Roost',
    reply: 'Reply not made through Roost',
    repost: 'Repost not made through Roost',
    deletion: 'Post deleted outside Roost',
    profile: 'Profile changed outside Roost',
  },
  field: {
    displayName: 'Display name is now: {{value}}',
    avatar: 'Avatar changed',
    description: 'Description is now: {{value}}',
  },
  account: '@{{handle}}',
  acknowledge: 'This was us',
  acknowledgeLabel: 'This was us: acknowledge “{{what}}” on @{{handle}}',
  acknowledged: 'Acknowledged',
  open: 'Open the post',
  loadFailed: 'Could not read the alerts: {{message}}',
  notify: {
    title: 'Possible hijack of @{{handle}}',
    body: '{{what}}. If this was not your team, secure the account now.',
    more: '{{count}} more alerts in Settings → Governance',
  },
  impostor: {
    badge: 'Possible impostor',
    handle: 'This handle imitates @{{imitates}}, one of your accounts.',
    name: 'This display name imitates @{{imitates}}, one of your accounts.',
  },
  link: {
    badge: 'Suspicious link',
    badgeCount: '{{count}} suspicious links',
    blocked: '{{host}} is on the block list ({{detail}}).',
    lookalike: '{{host}} imitates your domain {{detail}}.',
    confirmTitle: 'Open this link?',
    confirmOpen: 'Open anyway',
    cancel: 'Cancel',
  },
};
