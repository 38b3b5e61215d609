// The draft being edited: restored on start, saved ~300 ms after the last change and at once when the
// window is hidden, closed or the composer unmounts, so typed text survives a crash or a restart.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftsRepository } from '../repositories/drafts-repository.ts';
import { emptyContent, type DraftContent, type DraftRecord } from './draft.ts';

export const SAVE_DELAY_MS = 300;

export type SaveState = 'loading' | 'saved' | 'unsaved' | 'error';

export interface DraftHandle {
  readonly id: string | null;
  readonly content: DraftContent;
  /** Bumped when the content is replaced from outside the editor (load, restore), so inputs re-read it. */
  readonly revision: number;
  readonly saveState: SaveState;
  readonly record: DraftRecord | null;
  change(update: (content: DraftContent) => DraftContent): void;
  /** Saves now; a checkpoint also keeps the previous text as a version. */
  flush(checkpoint?: boolean): Promise<DraftRecord | undefined>;
  open(id: string): Promise<void>;
  startNew(initial?: Partial<DraftContent>): Promise<void>;
  restore(version: number): Promise<void>;
}

export function useDraft(drafts: DraftsRepository): DraftHandle {
  const [id, setId] = useState<string | null>(null);
  const [content, setContent] = useState<DraftContent>(emptyContent);
  const [record, setRecord] = useState<DraftRecord | null>(null);
  const [revision, setRevision] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('loading');
  const latest = useRef<{ id: string | null; content: DraftContent; dirty: boolean }>({
    id: null,
    content: emptyContent(),
    dirty: false,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = useCallback((draft: DraftRecord) => {
    latest.current = { id: draft.id, content: draft.content, dirty: false };
    setId(draft.id);
    setContent(draft.content);
    setRecord(draft);
    setRevision((r) => r + 1);
    setSaveState('saved');
  }, []);

  const flush = useCallback(
    async (checkpoint = false) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const { id: current, content: toSave, dirty } = latest.current;
      if (!current || (!dirty && !checkpoint)) return undefined;
      latest.current = { ...latest.current, dirty: false };
      try {
        const saved = await drafts.save(current, toSave, { checkpoint });
        if (saved && latest.current.id === current) {
          setRecord(saved);
          if (!latest.current.dirty) setSaveState('saved');
        }
        return saved;
      } catch {
        latest.current = { ...latest.current, dirty: true };
        setSaveState('error');
        return undefined;
      }
    },
    [drafts],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const draft = (await drafts.lastOpen()) ?? (await drafts.create());
        if (!cancelled) show(draft);
      } catch {
        if (!cancelled) setSaveState('error');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [drafts, show]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush(true);
    };
    const onLeave = () => void flush(true);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
      void flush(true);
    };
  }, [flush]);

  const change = useCallback(
    (update: (content: DraftContent) => DraftContent) => {
      const next = update(latest.current.content);
      latest.current = { ...latest.current, content: next, dirty: true };
      setContent(next);
      setSaveState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(false), SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Loads another draft; a storage failure is shown, never thrown at the caller. */
  const replaceWith = useCallback(
    async (load: () => Promise<DraftRecord | undefined>) => {
      try {
        await flush(true);
        const draft = await load();
        if (draft) show(draft);
      } catch {
        setSaveState('error');
      }
    },
    [flush, show],
  );

  const open = useCallback((target: string) => replaceWith(() => drafts.get(target)), [drafts, replaceWith]);
  const startNew = useCallback(
    (initial: Partial<DraftContent> = {}) => replaceWith(() => drafts.create(initial)),
    [drafts, replaceWith],
  );
  const restore = useCallback(
    (version: number) =>
      replaceWith(async () => {
        const current = latest.current.id;
        return current ? drafts.restoreVersion(current, version) : undefined;
      }),
    [drafts, replaceWith],
  );

  return { id, content, revision, saveState, record, change, flush, open, startNew, restore };
}
