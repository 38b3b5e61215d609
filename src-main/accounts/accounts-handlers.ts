// The contract handlers for accounts:*: Bluesky sign-in, Mastodon OAuth, removal and protection.
import type { Handlers } from '../rpc/router.ts';
import type { AccountsService } from './accounts-service.ts';
import type { MastodonSignIn } from './mastodon-sign-in.ts';

type AccountsMethod = Extract<keyof Handlers, `accounts:${string}`>;

export function accountsHandlers(deps: {
  readonly accounts: AccountsService;
  readonly mastodonSignIn: MastodonSignIn;
}): Pick<Handlers, AccountsMethod> {
  const { accounts, mastodonSignIn } = deps;
  return {
    'accounts:list': () => accounts.list(),
    'accounts:add': (input) => accounts.addBluesky(input),
    'accounts:beginMastodon': (input) => mastodonSignIn.begin(input.instance, input.method),
    'accounts:completeMastodon': (input) => mastodonSignIn.complete(input.flowId, input.code),
    'accounts:remove': (input) => accounts.remove(input.id),
    'accounts:setProtected': (input) => accounts.setProtected(input.id, input.protected, input.typedHandle),
  };
}
