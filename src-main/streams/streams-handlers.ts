// The contract handlers for the deck's columns: streams:*, the like and thread actions on an item
// (items:*), and checking a feed address before a column is made of it (feeds:inspect).
import type { Handlers } from '../rpc/router.ts';
import { inspectFeed } from '../connectors/rss/rss-connector.ts';
import type { StreamsService } from './streams-service.ts';

type StreamsMethod = Extract<keyof Handlers, `streams:${string}` | `items:${string}` | `feeds:${string}`>;

export function streamsHandlers(deps: {
  readonly streams: StreamsService;
  readonly fetch: typeof globalThis.fetch;
}): Pick<Handlers, StreamsMethod> {
  const { streams } = deps;
  return {
    'streams:capabilities': (input) => streams.capabilities(input.accountId),
    'streams:subscribe': (input) => streams.subscribe(input.columnId, input.source, input.visible),
    'streams:unsubscribe': (input) => (streams.unsubscribe(input.columnId), {}),
    'streams:setVisible': (input) => (streams.setVisible(input.columnId, input.visible), {}),
    'streams:refresh': (input) => (streams.refresh(input.columnId), {}),
    'streams:loadGap': async (input) => (await streams.loadGap(input.columnId, input.gap), {}),
    'streams:loadOlder': async (input) => (await streams.loadOlder(input.columnId), {}),
    'items:act': (input) => streams.act(input.accountId, input.item, input.action),
    'items:thread': (input) => streams.thread(input.accountId, input.item),
    'feeds:inspect': (input) => inspectFeed(input.url, { fetch: deps.fetch }),
  };
}
