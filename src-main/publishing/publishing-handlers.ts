// The contract handlers for everything that publishes as an account: the guard preflight and its
// clearances (publish:*), the outbox (outbox:*), best-time slots (schedule:*) and image uploads (media:*).
import type { Handlers } from '../rpc/router.ts';
import type { MediaStore } from './media-store.ts';
import type { PublishingService } from './publishing-service.ts';

type PublishingMethod = Extract<
  keyof Handlers,
  `publish:${string}` | `outbox:${string}` | `schedule:${string}` | `media:${string}`
>;

export function publishingHandlers(deps: {
  readonly service: PublishingService;
  readonly media: MediaStore;
}): Pick<Handlers, PublishingMethod> {
  const { service, media } = deps;
  return {
    'publish:preflight': (input) => service.preflight(input.post),
    'publish:clear': (input) => service.clear(input),
    'publish:preflightAction': (input) => service.preflightAction(input.action),
    'publish:clearAction': (input) => service.clearAction(input),
    'outbox:submit': (input) => service.submit(input),
    'outbox:submitAction': (input) => service.submitAction(input),
    'outbox:retry': (input) => service.retry(input.jobId),
    'outbox:cancel': (input) => service.cancel(input.jobId),
    'outbox:list': (input) => service.list(input),
    'outbox:reschedule': (input) => service.reschedule(input.jobId, input.scheduledAt),
    'outbox:resolveOverdue': (input) => service.resolveOverdue(input.jobId, input.decision),
    'schedule:bestTimes': (input) => service.bestTimes(input.accountId),
    'media:upload': (input) => media.put(input),
  };
}
