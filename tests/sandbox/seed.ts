// The demo world every sandbox starts with: the brand "Roost Demo" (brand.test) and a few people who follow,
// mention and reply to it, so timelines, mentions and notifications are not empty.
import type { SandboxAccount } from '../support/sandbox-client.ts';
import type { AccountSpec, SandboxActions } from './actions.ts';

export const BRAND_HANDLE = 'brand.test';
export const BRAND_TAG = 'roostdemo';

const people: AccountSpec[] = [
  {
    handle: BRAND_HANDLE,
    displayName: 'Roost Demo',
    description: 'The demo brand of the Roost sandbox. Tag us with #roostdemo.',
    avatarRgb: [234, 88, 12],
  },
  {
    handle: 'alice.test',
    displayName: 'Alice Martin',
    description: 'Cyclist, coffee, questions.',
    avatarRgb: [37, 99, 235],
  },
  {
    handle: 'bob.test',
    displayName: 'Bob Okafor',
    description: 'Reviews gadgets on weekends.',
    avatarRgb: [22, 163, 74],
  },
  {
    handle: 'carol.test',
    displayName: 'Carol Dubois',
    description: 'Librarian. Bonjour !',
    avatarRgb: [147, 51, 234],
  },
];

export async function seedDemo(actions: SandboxActions): Promise<SandboxAccount[]> {
  const accounts: SandboxAccount[] = [];
  for (const spec of people) accounts.push(await actions.createAccount(spec));

  for (const fan of ['alice.test', 'bob.test', 'carol.test']) await actions.follow(fan, BRAND_HANDLE);
  await actions.follow('alice.test', 'bob.test');
  await actions.follow('bob.test', 'alice.test');
  await actions.follow(BRAND_HANDLE, 'alice.test');

  const welcome = await actions.post(
    BRAND_HANDLE,
    `Welcome to the Roost demo! Ask us anything with #${BRAND_TAG} or mention @${BRAND_HANDLE}.`,
  );
  const question = await actions.post(
    'alice.test',
    `Hey @${BRAND_HANDLE}, is the spring collection out yet? #${BRAND_TAG}`,
  );
  await actions.post(BRAND_HANDLE, 'Hi Alice! It lands next Monday, we will post the link here.', question);
  await actions.post(
    'bob.test',
    `Just unboxed my order from @${BRAND_HANDLE}. Solid packaging, fast delivery.`,
  );
  await actions.post('carol.test', `Bonjour @${BRAND_HANDLE}, livrez-vous en Belgique ? #${BRAND_TAG}`);
  await actions.post('alice.test', 'Morning ride done, 42 km before coffee.');
  await actions.like('bob.test', welcome);
  await actions.like('alice.test', welcome);
  await actions.repost('carol.test', welcome);

  await actions.processAll();
  return accounts;
}
