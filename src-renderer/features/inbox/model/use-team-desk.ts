// The Inbox of a desktop in a team reads the team's desk through main: lists and counts from main's team
// cache, a conversation's detail from the server; everything reloads when main says the feed changed it.
// Presence is kept here for the pane: who else is viewing or replying, and this member's own, renewed.
import { useCallback, useEffect, useState } from 'react';
import type {
  Presence,
  TeamConversation,
  TeamConversationDetail,
  TeamDeskView,
} from '../../../../src-shared/desk/desk-team-contract.ts';
import { PRESENCE_TTL_MS } from '../../../../src-shared/desk/desk-team-contract.ts';
import type { TeamStatus } from '../../../../src-shared/contract/team-desk-contract.ts';
import { useServices } from '../../../app-context.tsx';
import { useReloading } from './use-desk.ts';

/** This desktop's team membership (null until main answers); the Inbox offers the team desk once joined. */
export function useTeamStatus(): TeamStatus | null {
  const { client } = useServices();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    void client.call('team:status', {}).then((result) => result.ok && setStatus(result.value));
    return client.on('team:status', setStatus);
  }, [client]);
  return status;
}

export function useTeamDeskList(view: TeamDeskView) {
  const { client } = useServices();
  const load = useCallback(() => client.call('teamDesk:list', { view }), [client, view]);
  return useReloading<TeamConversation[]>(load, 'teamDesk:changed');
}

export function useTeamDeskCounts() {
  const { client } = useServices();
  const load = useCallback(() => client.call('teamDesk:counts', {}), [client]);
  return useReloading<Record<TeamDeskView, number>>(load, 'teamDesk:changed')[0].value;
}

export function useTeamConversation(id: string | null) {
  const { client } = useServices();
  const load = useCallback(
    () =>
      id === null
        ? Promise.resolve({ ok: true as const, value: null })
        : client.call('teamDesk:conversation', { id }),
    [client, id],
  );
  return useReloading<TeamConversationDetail | null>(load, 'teamDesk:changed');
}

/** Renewed well within the server's TTL, so a presence never blinks out while the pane stays open. */
const RENEW_MS = PRESENCE_TTL_MS / 3;

/**
 * Others' presence on one conversation, and this member's own: `viewing` while the pane is open, `replying`
 * while a reply is being typed; stopped (null) when the pane closes.
 */
export function useTeamPresence(conversationId: string, me: string | null, replying: boolean): Presence[] {
  const { client } = useServices();
  const [others, setOthers] = useState<Presence[]>([]);
  useEffect(() => {
    const keep = (list: Presence[]) =>
      setOthers(list.filter((p) => p.memberId !== me && p.activity !== null && p.expiresAt > Date.now()));
    const off = client.on('teamDesk:presence', (presence) => {
      if (presence.conversationId !== conversationId) return;
      setOthers((current) => {
        const rest = current.filter((p) => p.memberId !== presence.memberId);
        const next = [...rest, presence];
        return next.filter((p) => p.memberId !== me && p.activity !== null && p.expiresAt > Date.now());
      });
    });
    // Expired entries leave even when no frame says so (a desktop that closed without a word).
    const sweep = setInterval(
      () => setOthers((current) => current.filter((p) => p.expiresAt > Date.now())),
      5_000,
    );
    const say = () =>
      void client
        .call('teamDesk:presence', { id: conversationId, activity: replying ? 'replying' : 'viewing' })
        .then((result) => result.ok && keep(result.value));
    say();
    const renew = setInterval(say, RENEW_MS);
    return () => {
      off();
      clearInterval(sweep);
      clearInterval(renew);
    };
  }, [client, conversationId, me, replying]);
  useEffect(
    () => () => void client.call('teamDesk:presence', { id: conversationId, activity: null }),
    [client, conversationId],
  );
  return others;
}
