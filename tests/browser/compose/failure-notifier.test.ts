import { describe, expect, it } from 'vitest';
import {
  createFailureNotifier,
  type FailureNotification,
} from '../../../src-renderer/features/compose/model/failure-notifier.ts';
import type { OutboxJob } from '../../../src-shared/contract/publishing-contract.ts';

function job(id: string, state: OutboxJob['state']): OutboxJob {
  return {
    id,
    batchId: 'b',
    draftId: null,
    accountId: 'a',
    network: 'bluesky',
    action: 'post',
    subjectId: null,
    state,
    text: `post ${id}`,
    scheduledAt: null,
    holdUntil: null,
    scheduledBy: 'roost',
    attempts: 1,
    lastError: state === 'failed' ? { code: 'server_error', message: 'boom' } : null,
    remoteId: null,
    url: null,
    campaign: null,
    guardRecords: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    sentAt: null,
  };
}

describe('failure notifications', () => {
  it('announces each failed, needs-attention or overdue job once, and nothing else', () => {
    const shown: FailureNotification[] = [];
    const notify = createFailureNotifier(
      (n) => shown.push(n),
      (j) => ({ title: j.state, body: j.lastError?.message ?? j.text }),
    );
    notify([job('1', 'sent'), job('2', 'failed'), job('3', 'queued')]);
    notify([job('2', 'failed'), job('4', 'needs_attention'), job('5', 'overdue')]);
    expect(shown).toEqual([
      { title: 'failed', body: 'boom' },
      { title: 'needs_attention', body: 'post 4' },
      { title: 'overdue', body: 'post 5' },
    ]);
  });
});
