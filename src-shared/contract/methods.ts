// Method and event names only, with no zod: the preload imports this file to expose exactly these
// functions and nothing else. contract.test.ts checks it matches the schemas in contract.ts.
export const REQUEST_METHODS = [
  'app:info',
  'app:ready',
  'vault:status',
  'accounts:list',
  'accounts:add',
  'accounts:remove',
  'accounts:setProtected',
] as const;

export const EVENT_NAMES = ['accounts:changed', 'app:connectivity', 'app:power'] as const;

export type RequestMethod = (typeof REQUEST_METHODS)[number];
export type EventName = (typeof EVENT_NAMES)[number];
