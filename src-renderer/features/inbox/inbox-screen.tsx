// The Inbox: the inquiry desk's views (mine, unassigned, pending, snoozed, resolved, breaching), sorted by
// priority and SLA, a conversation pane, and keyboard control (j/k, e resolve, n note, r reply, ? help).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DESK_VIEWS,
  type DeskActionInput,
  type DeskView,
  type SavedReply,
} from '../../../src-shared/contract/desk-contract.ts';
import { useRoost, useServices } from '../../app-context.tsx';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { ConversationList } from './components/conversation-list.tsx';
import { ConversationPane, type PaneHandle } from './components/conversation-pane.tsx';
import { KeyboardHelp } from './components/keyboard-help.tsx';
import { DeskSettingsPanel } from './components/admin/desk-settings-panel.tsx';
import { useConversation, useDeskCounts, useDeskList } from './model/use-desk.ts';
import { useDeskKeys, useNow } from './model/use-desk-keys.ts';
import { useTeamStatus } from './model/use-team-desk.ts';
import { TeamInbox } from './team-inbox.tsx';

type DeskSource = 'team' | 'personal';

/**
 * A desktop that joined a team works the team's desk; when it also has accounts of its own, a switch offers
 * both ("Team desk | My accounts"). Without a team, the Inbox is a team of one's, as before.
 */
export function InboxScreen() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const hasAccounts = useRoost((s) => (s.accounts?.length ?? 0) > 0);
  const [source, setSource] = useState<DeskSource>('team');
  const joined = status !== null && status.state !== 'none' && status.state !== 'revoked';
  const both = joined && hasAccounts;
  const switcher: ReactNode = both ? (
    <div role="group" aria-label={t('inbox.team.source')} className="inbox__source">
      {(['team', 'personal'] as const).map((s) => (
        <button
          key={s}
          type="button"
          className={`button${s === source ? ' button--primary' : ''}`}
          aria-pressed={s === source}
          onClick={() => setSource(s)}
        >
          {t(s === 'team' ? 'inbox.team.teamDesk' : 'inbox.team.myAccounts')}
        </button>
      ))}
    </div>
  ) : null;
  if (joined && (source === 'team' || !hasAccounts))
    return <TeamInbox me={status.memberId} role={status.role} switcher={switcher} />;
  return <PersonalInbox switcher={switcher} />;
}

function PersonalInbox({ switcher }: { switcher: ReactNode }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [view, setView] = useState<DeskView>('unassigned');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [saved, setSaved] = useState<readonly SavedReply[]>([]);
  const [list] = useDeskList(view);
  const counts = useDeskCounts();
  const [detail] = useConversation(selectedId);
  const pane = useRef<PaneHandle>(null);
  const now = useNow();
  const conversations = list.value ?? [];
  const hasAccounts = useRoost((s) => (s.accounts?.length ?? 0) > 0);
  const navigate = useRoost((s) => s.navigate);

  useEffect(() => {
    // Read again when the settings close: saved replies may have been edited there.
    if (!settingsOpen) void client.call('desk:savedReplies', {}).then((r) => r.ok && setSaved(r.value));
  }, [client, settingsOpen]);

  const act = useCallback(
    (action: DeskActionInput) => {
      if (selectedId) void client.call('desk:act', { id: selectedId, action });
    },
    [client, selectedId],
  );

  const keys = useMemo(() => ({ e: () => act({ kind: 'resolve' }) }), [act]);
  const openHelp = useCallback(() => setHelp(true), []);
  useDeskKeys({
    conversations,
    selectedId,
    setSelectedId,
    paused: settingsOpen,
    keys,
    pane,
    onHelp: openHelp,
  });

  const queue = (
    <>
      {list.error && (
        <p role="alert" className="item__error">
          {t('inbox.loadFailed', { message: list.error })}
        </p>
      )}
      <div className="inbox__body">
        {conversations.length === 0 && list.value ? (
          <div className="inbox__empty" data-testid="empty-inbox">
            <p>{t('empty.inbox')}</p>
            {hasAccounts ? (
              <p>{t('inbox.empty')}</p>
            ) : (
              <p>
                {t('empty.needsAccount')}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate('settings', 'accounts')}
                >
                  {t('empty.addAccount')}
                </button>
              </p>
            )}
          </div>
        ) : (
          <ConversationList
            conversations={conversations}
            selectedId={selectedId}
            onSelect={setSelectedId}
            now={now}
          />
        )}
        {detail.value ? (
          <ConversationPane
            key={detail.value.summary.id}
            ref={pane}
            detail={detail.value}
            savedReplies={saved}
            now={now}
            onAct={act}
          />
        ) : (
          <p className="inbox__pick">{t('inbox.pick')}</p>
        )}
      </div>
    </>
  );

  return (
    <section className="inbox" aria-labelledby="section-heading">
      <header className="inbox__head">
        <SectionHeading>{t('inbox.title')}</SectionHeading>
        {switcher}
        <nav aria-label={t('inbox.views.label')} className="inbox__views">
          {DESK_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={`button${v === view ? ' button--primary' : ''}`}
              aria-pressed={v === view}
              onClick={() => {
                setView(v);
                setSelectedId(null);
              }}
            >
              {t('inbox.viewCount', { view: t(`inbox.views.${v}`), count: counts?.[v] ?? 0 })}
            </button>
          ))}
        </nav>
        <button type="button" className="button" onClick={() => void client.call('desk:refresh', {})}>
          {t('inbox.checkNow')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={settingsOpen}
          onClick={() => setSettingsOpen((open) => !open)}
        >
          {t('inbox.settings.open')}
        </button>
      </header>
      {settingsOpen ? <DeskSettingsPanel onClose={() => setSettingsOpen(false)} /> : queue}
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
    </section>
  );
}
