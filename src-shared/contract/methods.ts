// Method and event names only, with no zod: the preload imports this file to expose exactly these
// functions and nothing else. contract.test.ts checks it matches the schemas in contract.ts.
export const REQUEST_METHODS = [
  'app:info',
  'app:ready',
  'vault:status',
  'accounts:list',
  'accounts:add',
  'accounts:beginMastodon',
  'accounts:completeMastodon',
  'accounts:remove',
  'accounts:setProtected',
  'streams:capabilities',
  'streams:subscribe',
  'streams:unsubscribe',
  'streams:setVisible',
  'streams:refresh',
  'streams:loadGap',
  'streams:loadOlder',
  'items:act',
  'items:thread',
  'publish:preflight',
  'publish:clear',
  'outbox:submit',
  'outbox:cancel',
  'outbox:list',
  'outbox:reschedule',
  'outbox:resolveOverdue',
  'schedule:bestTimes',
  'shortener:status',
  'shortener:configure',
  'shortener:setOptions',
  'shortener:clear',
  'shortener:shorten',
  'shortener:clicks',
  'shortener:links',
  'media:upload',
  'analytics:snapshot',
  'analytics:postPerformance',
] as const;

export const EVENT_NAMES = [
  'accounts:changed',
  'accounts:signIn',
  'app:connectivity',
  'app:power',
  'streams:items',
  'streams:state',
  'streams:deleted',
  'outbox:changed',
] as const;

export type RequestMethod = (typeof REQUEST_METHODS)[number];
export type EventName = (typeof EVENT_NAMES)[number];
