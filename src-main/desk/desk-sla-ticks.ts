// The desk's clock: every 30 seconds snoozed conversations whose time has come wake up, and SLA warnings and
// breaches that fell due since the last tick are recorded as events the renderer is told about.
import { wakeIfDue } from '../../src-shared/desk/conversation.ts';
import { slaEventsBetween } from '../../src-shared/desk/sla.ts';
import type { DeskContext } from './desk-context.ts';

const TICK_MS = 30_000;

export interface DeskTicker {
  /** Starts ticking; returns the stop function. */
  start(): () => void;
  tick(): void;
}

export function createDeskTicker(ctx: DeskContext): DeskTicker {
  const { repo, store, clock, timers } = ctx.deps;
  let lastTick = clock.now();

  function tick(): void {
    const now = clock.now();
    const since = lastTick;
    lastTick = now;
    const changed: string[] = [];
    store.transaction(() => {
      for (const c of repo.inStates(['new', 'open', 'pending', 'snoozed'], 100_000)) {
        const woke = wakeIfDue(c.life, now);
        if (woke !== c.life) {
          ctx.save({ ...c, life: woke }, 'woke', {}, now);
          changed.push(c.id);
        }
        for (const e of slaEventsBetween(c.clocks, since, now, ctx.policy())) {
          repo.addEvent(c.id, e.kind === 'breach' ? 'sla_breach' : 'sla_warning', e, now);
          changed.push(c.id);
        }
      }
    });
    ctx.noteChanged(changed);
  }

  return {
    start() {
      let stopped = false;
      let handle: unknown = null;
      const loop = () => {
        if (stopped) return;
        try {
          tick();
        } finally {
          if (!stopped) handle = timers.setTimeout(loop, TICK_MS);
        }
      };
      handle = timers.setTimeout(loop, TICK_MS);
      return () => {
        stopped = true;
        if (handle !== null) timers.clearTimeout(handle);
      };
    },
    tick,
  };
}
