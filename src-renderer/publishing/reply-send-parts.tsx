// What a reply box shows around its text while a guarded send runs: main's refusal in its own words, the
// job's progress, and the confirmation dialog when the guards ask for one.
import { useRoost } from '../app-context.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ProgressLine } from './progress-line.tsx';
import type { ReplySend } from './use-reply-send.ts';

export function ReplySendStatus({ reply }: { reply: ReplySend }) {
  const { flow, tracker } = reply;
  return (
    <>
      {flow.error && flow.phase === 'idle' && (
        <p className="item__error" role="alert">
          {flow.error}
        </p>
      )}
      <ProgressLine progress={tracker} what="post" />
    </>
  );
}

export function ReplyConfirm({ reply }: { reply: ReplySend }) {
  const accounts = useRoost((s) => s.accounts);
  const { flow } = reply;
  if (flow.phase !== 'confirm' || !flow.preflight) return null;
  return (
    <ConfirmDialog
      preflight={flow.preflight}
      accounts={accounts ?? []}
      busy={false}
      error={flow.error}
      onConfirm={(typed, acknowledged) => void reply.confirm(typed, acknowledged)}
      onCancel={flow.cancel}
    />
  );
}
