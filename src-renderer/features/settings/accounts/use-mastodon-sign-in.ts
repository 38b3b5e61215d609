// The Mastodon sign-in as a small state machine: begin a flow (loopback or pasted code), open the
// server's page, then wait for main's accounts:signIn event or send the pasted code.
import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../src-shared/contract/contract.ts';
import { useRoost, useServices } from '../../../app-context.tsx';
import { isWebUrl } from './mastodon-address.ts';
import { problemFromEvent, type SignInProblem } from './mastodon-problem.ts';

export type SignInStep =
  | { readonly kind: 'idle' }
  /** The browser was sent to the server; main will announce the end of the flow. */
  | { readonly kind: 'waiting'; readonly flowId: string; readonly authorizeUrl: string }
  /** The user opens the page themselves and pastes the code the server shows. */
  | { readonly kind: 'code'; readonly flowId: string; readonly authorizeUrl: string };

export type SignInMethod = 'loopback' | 'oob';
type SignInEvent = EventPayload<'accounts:signIn'>;

export interface MastodonSignIn {
  readonly step: SignInStep;
  readonly pending: 'begin' | 'complete' | null;
  readonly problem: SignInProblem | null;
  /** The account that was just added, for the success message. */
  readonly addedId: string | null;
  begin(instance: string, method: SignInMethod): Promise<void>;
  complete(code: string): Promise<void>;
  cancel(): void;
}

const IDLE: SignInStep = { kind: 'idle' };

export function useMastodonSignIn(): MastodonSignIn {
  const { client } = useServices();
  const upsertAccount = useRoost((s) => s.upsertAccount);
  const [step, setStep] = useState<SignInStep>(IDLE);
  const [pending, setPending] = useState<MastodonSignIn['pending']>(null);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [addedId, setAddedId] = useState<string | null>(null);
  // Refs, not state: the event listener is registered once and must see the current flow.
  const waitingFor = useRef<string | null>(null);
  const attempt = useRef(0);

  // Uses only state setters and refs, which are stable, so the listener below may keep the first one.
  function finish(event: SignInEvent): void {
    waitingFor.current = null;
    setStep(IDLE);
    if (event.ok) setAddedId(event.accountId);
    else setProblem(problemFromEvent(event.errorCode));
  }
  // Main answers begin as soon as the authorize page can be opened, long before the user is back from
  // the browser, so the event never comes before the flowId is known.
  useEffect(
    () =>
      client.on('accounts:signIn', (event) => {
        if (event.flowId === waitingFor.current) finish(event);
      }),
    [client],
  );

  async function begin(instance: string, method: SignInMethod): Promise<void> {
    const mine = ++attempt.current;
    waitingFor.current = null;
    setPending('begin');
    setProblem(null);
    setAddedId(null);
    setStep(IDLE);
    const result = await client.call('accounts:beginMastodon', { instance, method });
    // Cancelled, or another sign-in was started meanwhile: this answer is stale.
    if (mine !== attempt.current) return;
    setPending(null);
    if (!result.ok) return setProblem({ kind: 'contract', error: result.error });
    const { flowId, authorizeUrl } = result.value;
    if (!isWebUrl(authorizeUrl)) return setProblem({ kind: 'unsafe_url' });
    if (method === 'oob') return setStep({ kind: 'code', flowId, authorizeUrl });
    waitingFor.current = flowId;
    setStep({ kind: 'waiting', flowId, authorizeUrl });
    window.open(authorizeUrl, '_blank', 'noopener,noreferrer');
  }

  async function complete(code: string): Promise<void> {
    if (step.kind !== 'code' || pending) return;
    const mine = attempt.current;
    setPending('complete');
    setProblem(null);
    const result = await client.call('accounts:completeMastodon', { flowId: step.flowId, code });
    if (mine !== attempt.current) return;
    setPending(null);
    if (result.ok) {
      upsertAccount(result.value);
      setAddedId(result.value.id);
      setStep(IDLE);
      return;
    }
    setProblem({ kind: 'contract', error: result.error });
    // An expired flow cannot take another code: the user has to start again.
    if (result.error.code === 'not_found') setStep(IDLE);
  }

  function cancel(): void {
    attempt.current++;
    waitingFor.current = null;
    setPending(null);
    setProblem(null);
    setStep(IDLE);
  }

  return { step, pending, problem, addedId, begin, complete, cancel };
}
