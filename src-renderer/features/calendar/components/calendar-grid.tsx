// The week (days × hours) or month (days) grid. One cell at a time is in the tab order (roving
// tabindex): arrows move between cells, Enter opens the first post of a cell, Space picks up a scheduled
// post and Alt+arrows move it; posts can also be dragged to another cell.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src-shared/domain/account.ts';
import type { OutboxJob } from '../../../../src-shared/contract/publishing-contract.ts';
import {
  HOURS,
  dayKey,
  fromDayKey,
  isMovable,
  jobInstant,
  slotKey,
  slotOf,
  step,
  type Slot,
  type View,
} from '../model/calendar-math.ts';

const DRAG_TYPE = 'application/x-roost-job';
const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
type Arrow = (typeof ARROWS)[number];
const isArrow = (key: string): key is Arrow => (ARROWS as readonly string[]).includes(key);

export interface GridProps {
  readonly view: View;
  readonly days: readonly Date[];
  readonly jobs: readonly OutboxJob[];
  readonly accounts: readonly Account[];
  readonly selectedJob: string | null;
  readonly anchorMonth: number;
  onSelect(jobId: string | null): void;
  onOpen(job: OutboxJob): void;
  onMove(job: OutboxJob, slot: Slot): Promise<boolean>;
}

export function CalendarGrid(props: GridProps) {
  const { view, days, jobs, accounts, selectedJob, onSelect, onOpen, onMove } = props;
  const { t, i18n } = useTranslation();
  const gridRef = useRef<HTMLDivElement>(null);
  const today = dayKey(new Date());
  const initialDay = days.some((d) => dayKey(d) === today) ? today : dayKey(days[0] ?? new Date());
  const [focused, setFocused] = useState<Slot>({ day: initialDay, hour: view === 'week' ? 9 : -1 });
  const [moveFocus, setMoveFocus] = useState(0);
  const dayKeys = days.map(dayKey);
  const active: Slot =
    dayKeys.includes(focused.day) && (view === 'week') === focused.hour >= 0
      ? focused
      : {
          day: dayKeys.includes(focused.day) ? focused.day : initialDay,
          hour: view === 'week' ? Math.max(0, focused.hour) : -1,
        };

  useEffect(() => {
    if (moveFocus === 0) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-slot="${slotKey(active)}"]`)?.focus();
    // Focus follows keyboard moves only, never data changes.
  }, [moveFocus]);

  const bySlot = new Map<string, OutboxJob[]>();
  for (const job of [...jobs].sort((a, b) => jobInstant(a).getTime() - jobInstant(b).getTime())) {
    const key = slotKey(slotOf(view, job));
    bySlot.set(key, [...(bySlot.get(key) ?? []), job]);
  }
  const handle = (id: string) => accounts.find((a) => a.id === id)?.handle ?? id;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const dayLabel = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const longDay = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long' });

  const focusSlot = (slot: Slot) => {
    setFocused(slot);
    setMoveFocus((n) => n + 1);
  };

  const onKeyDown = (event: KeyboardEvent, slot: Slot) => {
    const here = bySlot.get(slotKey(slot)) ?? [];
    if (isArrow(event.key)) {
      event.preventDefault();
      const next = step(view, slot, event.key);
      if (!dayKeys.includes(next.day)) return;
      const picked = jobs.find((j) => j.id === selectedJob);
      if (event.altKey && picked) {
        void onMove(picked, next).then((moved) => moved && focusSlot(next));
        return;
      }
      focusSlot(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (here[0]) onOpen(here[0]);
    } else if (event.key === ' ') {
      event.preventDefault();
      const movable = here.filter(isMovable);
      const index = movable.findIndex((j) => j.id === selectedJob);
      // Space again picks the next post of a crowded cell, then none.
      onSelect(movable[index + 1]?.id ?? null);
    } else if (event.key === 'Escape') {
      onSelect(null);
    }
  };

  const onDrop = (event: DragEvent, slot: Slot) => {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const job = jobs.find((j) => j.id === id);
    if (job && isMovable(job)) void onMove(job, slot);
  };

  const cell = (slot: Slot, label: string) => {
    const key = slotKey(slot);
    const here = bySlot.get(key) ?? [];
    const isActive = slotKey(active) === key;
    return (
      <div
        key={key}
        role="gridcell"
        className="calendar__cell"
        data-slot={key}
        data-testid={`slot-${key}`}
        data-today={slot.day === today || undefined}
        data-outside={
          view === 'month' && fromDayKey(slot.day).getMonth() !== props.anchorMonth ? true : undefined
        }
        tabIndex={isActive ? 0 : -1}
        aria-label={t('calendar.cell', { label, count: here.length })}
        onFocus={() => setFocused(slot)}
        onKeyDown={(e) => onKeyDown(e, slot)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => onDrop(e, slot)}
      >
        {view === 'month' && (
          <span className="calendar__date" aria-hidden="true">
            {fromDayKey(slot.day).getDate()}
          </span>
        )}
        {here.map((job) => (
          <button
            key={job.id}
            type="button"
            tabIndex={-1}
            className="calendar__job"
            data-state={job.state}
            data-testid={`job-${job.id}`}
            aria-pressed={selectedJob === job.id}
            draggable={isMovable(job)}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, job.id);
              e.dataTransfer.setData('text/plain', job.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => onOpen(job)}
          >
            {t('calendar.job', {
              time: time.format(jobInstant(job)),
              handle: `@${handle(job.accountId)}`,
              text: job.text.length > 40 ? `${job.text.slice(0, 40)}…` : job.text,
              state: t(`calendar.states.${job.state}`),
            })}
          </button>
        ))}
      </div>
    );
  };

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={t('calendar.grid')}
      className={`calendar__grid calendar__grid--${view}`}
      data-testid="calendar-grid"
    >
      <div role="row" className="calendar__row calendar__row--head">
        {view === 'week' && <span role="columnheader" className="calendar__corner" />}
        {days.slice(0, 7).map((d) => (
          <span role="columnheader" key={dayKey(d)} className="calendar__dayhead">
            {view === 'week'
              ? dayLabel.format(d)
              : new Intl.DateTimeFormat(i18n.language, { weekday: 'short' }).format(d)}
          </span>
        ))}
      </div>
      {view === 'week'
        ? HOURS.map((hour) => (
            <div role="row" key={hour} className="calendar__row">
              <span role="rowheader" className="calendar__hour">
                {String(hour).padStart(2, '0')}:00
              </span>
              {days.map((d) =>
                cell({ day: dayKey(d), hour }, `${longDay.format(d)} ${String(hour).padStart(2, '0')}:00`),
              )}
            </div>
          ))
        : Array.from({ length: days.length / 7 }, (_, w) => (
            <div role="row" key={w} className="calendar__row">
              {days.slice(w * 7, w * 7 + 7).map((d) => cell({ day: dayKey(d), hour: -1 }, longDay.format(d)))}
            </div>
          ))}
    </div>
  );
}
