// The team's desk in the Inbox: the team's views (mine, unassigned, team, …) from main's team cache, owner
// names, bulk actions on ticked rows, my availability, and the team pane. Keyboard as in a team of one:
// j/k move, a claims, e resolves, n note, r reply, ? help.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TEAM_DESK_VIEWS,
  type Expert,
  type TeamDeskAction,
  type TeamDeskView,
} from '../../../src-shared/desk/desk-team-contract.ts';
import { useServices } from '../../app-context.tsx';
import { SectionHeading } from '../shell/ui/section-heading.tsx';
import { ConversationList } from './components/conversation-list.tsx';
import type { PaneHandle } from './components/conversation-pane.tsx';
import { KeyboardHelp } from './components/keyboard-help.tsx';
import { TeamAvailability } from './components/team/team-availability.tsx';
import { TeamPane } from './components/team/team-pane.tsx';
import { TeamDeskAdmin } from './components/team/team-desk-admin.tsx';
import { useDeskKeys, useNow } from './model/use-desk-keys.ts';
import { useTeamConversation, useTeamDeskCounts, useTeamDeskList } from './model/use-team-desk.ts';

/** Roles that may set experts and routing (the server checks again). */
const DESK_ADMINS = new Set(['owner', 'admin', 'lead']);

export function TeamInbox({
  me,
  role,
  switcher,
}: {
  me: string | null;
  role: string | null;
  switcher: ReactNode;
}) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [view, setView] = useState<TeamDeskView>('mine');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [help, setHelp] = useState(false);
  const [adminOpen, setAdminOpen] = useState(false);
  const [experts, setExperts] = useState<readonly Expert[]>([]);
  const [reasons, setReasons] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [list] = useTeamDeskList(view);
  const counts = useTeamDeskCounts();
  const [detail] = useTeamConversation(selectedId);
  const pane = useRef<PaneHandle>(null);
  const now = useNow();
  const conversations = list.value ?? [];

  useEffect(() => {
    void client.call('teamDesk:experts', {}).then((r) => r.ok && setExperts(r.value));
    void client.call('teamDesk:settings', {}).then((r) => r.ok && setReasons(r.value.awayReasons));
  }, [client]);

  const act = useCallback(
    (action: TeamDeskAction) => {
      const summary = detail.value?.summary;
      if (!summary) return;
      void client.call('teamDesk:act', { id: summary.id, version: summary.version, action }).then((r) => {
        setNotice(r.ok ? null : t('inbox.team.failed', { message: r.error.message }));
      });
    },
    [client, detail.value, t],
  );

  const bulk = (action: TeamDeskAction) =>
    void client.call('teamDesk:bulkAct', { ids: [...checked], action }).then((r) => {
      if (!r.ok) return setNotice(t('inbox.team.failed', { message: r.error.message }));
      setChecked(new Set(r.value.refused.map((x) => x.id)));
      const reasons = r.value.refused.map((x) => x.reason).join('; ');
      setNotice(
        r.value.refused.length
          ? t('inbox.team.bulkRefused', { count: r.value.refused.length, reasons })
          : null,
      );
    });

  const keys = useMemo(() => ({ a: () => act({ kind: 'claim' }), e: () => act({ kind: 'resolve' }) }), [act]);
  const openHelp = useCallback(() => setHelp(true), []);
  useDeskKeys({ conversations, selectedId, setSelectedId, paused: adminOpen, keys, pane, onHelp: openHelp });
  const owners = useMemo(() => new Map(conversations.map((c) => [c.id, c.ownerName])), [conversations]);

  const mine = experts.find((e) => e.memberId === me) ?? null;
  return (
    <section className="inbox" aria-labelledby="section-heading">
      <header className="inbox__head">
        <SectionHeading>{t('inbox.title')}</SectionHeading>
        {switcher}
        <nav aria-label={t('inbox.views.label')} className="inbox__views">
          {TEAM_DESK_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={`button${v === view ? ' button--primary' : ''}`}
              aria-pressed={v === view}
              onClick={() => {
                setView(v);
                setSelectedId(null);
                setChecked(new Set());
              }}
            >
              {t('inbox.viewCount', { view: t(`inbox.views.${v}`), count: counts?.[v] ?? 0 })}
            </button>
          ))}
        </nav>
        <TeamAvailability
          mine={mine}
          reasons={reasons}
          onChanged={(next) =>
            // A member's first availability makes them an expert: add them if they were not listed yet.
            setExperts((all) =>
              all.some((e) => e.memberId === next.memberId)
                ? all.map((e) => (e.memberId === next.memberId ? next : e))
                : [...all, next],
            )
          }
        />
        {role !== null && DESK_ADMINS.has(role) && (
          <button
            type="button"
            className="button"
            aria-pressed={adminOpen}
            onClick={() => setAdminOpen((open) => !open)}
          >
            {t('inbox.settings.open')}
          </button>
        )}
      </header>
      {adminOpen && <TeamDeskAdmin />}
      {checked.size > 0 && (
        <div
          className="inbox__bulk"
          role="group"
          aria-label={t('inbox.team.selected', { count: checked.size })}
        >
          <span>{t('inbox.team.selected', { count: checked.size })}</span>
          <button type="button" className="button" onClick={() => bulk({ kind: 'resolve' })}>
            {t('inbox.team.bulkResolve')}
          </button>
          <select
            aria-label={t('inbox.team.bulkAssign')}
            value=""
            onChange={(e) => e.target.value && bulk({ kind: 'assign', memberId: e.target.value })}
          >
            <option value="">{t('inbox.team.bulkAssign')}</option>
            {experts.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {m.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      {(notice ?? list.error) && (
        <p role="alert">{notice ?? t('inbox.loadFailed', { message: list.error })}</p>
      )}
      <div className="inbox__body">
        <ConversationList
          conversations={conversations}
          selectedId={selectedId}
          onSelect={setSelectedId}
          now={now}
          ownerOf={(c) => owners.get(c.id) ?? null}
          checked={checked}
          onCheck={(id, on) =>
            setChecked((current) => {
              const next = new Set(current);
              if (on) next.add(id);
              else next.delete(id);
              return next;
            })
          }
        />
        {detail.value ? (
          <TeamPane
            key={detail.value.summary.id}
            ref={pane}
            detail={detail.value}
            members={experts}
            me={me}
            now={now}
            onAct={act}
          />
        ) : (
          <p className="inbox__pick">{t('inbox.pick')}</p>
        )}
      </div>
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
    </section>
  );
}
