// Reading profiles for suggestions never fails or hangs the Governance screen: an account whose profile
// cannot be read is skipped, and one that does not answer is left out once the wait is over.
import { describe, expect, test } from 'vitest';
import type { Connector } from '../../../src-main/connectors/connector.ts';
import { readProfileTexts } from '../../../src-main/governance/profile-texts.ts';
import { account } from '../publishing/support/harness.ts';

function connectorReading(read: () => Promise<string[]>): Connector {
  return { network: 'bluesky', readProfileTexts: read } as unknown as Connector;
}

describe('readProfileTexts', () => {
  test('keeps the profiles that answer, skips a failing one and stops waiting for a silent one', async () => {
    const accounts = [account(1), account(2), account(3), account(4, { status: 'needs_sign_in' })];
    const connectors: Record<string, Connector> = {
      'acct-1': connectorReading(async () => ['https://brand.example']),
      'acct-2': connectorReading(() => Promise.reject(new Error('server down'))),
      'acct-3': connectorReading(() => new Promise<string[]>(() => undefined)),
    };
    let released = (): void => undefined;
    const wait = () => new Promise<void>((resolve) => (released = resolve));
    const reading = readProfileTexts(accounts, async (id) => connectors[id] as Connector, wait);
    await new Promise((resolve) => setTimeout(resolve, 0));
    released();
    expect(await reading).toEqual([{ accountId: 'acct-1', texts: ['https://brand.example'] }]);
  });
});
