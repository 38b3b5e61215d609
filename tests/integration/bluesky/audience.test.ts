// The account's audience through the Bluesky connector against the real local network: a new follower and
// a new post show up in the next getProfile read.
import { beforeAll, expect, it } from 'vitest';
import { person, sandbox, uniqueWord } from './support/world.ts';
import type { Person } from './support/world.ts';

let me: Person;
let fan: Person;

beforeAll(async () => {
  [me, fan] = [await person('audience'), await person('fan')];
});

it('reads followers, follows and posts, and sees them change', async () => {
  const before = await me.connector.readAudience();
  await sandbox.follow(fan.account.handle, me.account.handle);
  await sandbox.post({ handle: me.account.handle, text: `Counting ${uniqueWord()}` });
  await sandbox.processAll();
  const after = await me.connector.readAudience();
  expect(after.followers).toBe(before.followers + 1);
  expect(after.posts).toBe(before.posts + 1);
  expect(after.following).toBe(before.following);
});
