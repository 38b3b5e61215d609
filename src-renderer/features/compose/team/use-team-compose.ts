// The composer's team half: which team brand accounts the draft goes to, what stops it, and the send run.
// The selection is not part of the draft: it names accounts of the team server this desktop follows now.
import { useCallback, useMemo, useState } from 'react';
import type { RoostClient } from '../../../bridge/client.ts';
import type { DraftContent } from '../model/draft.ts';
import { teamPostProblems } from './team-post.ts';
import { useTeamBrands } from './use-team-brands.ts';
import { useTeamSend } from './use-team-send.ts';

export function useTeamCompose(client: RoostClient, content: DraftContent) {
  const brands = useTeamBrands();
  const [selected, setSelected] = useState<readonly string[]>([]);
  // An account whose access was taken away drops out of the selection by itself.
  const chosen = useMemo(() => brands.filter((b) => selected.includes(b.account.id)), [brands, selected]);
  const problems = useMemo(() => teamPostProblems(content, chosen), [content, chosen]);
  const send = useTeamSend(client);
  const toggle = useCallback(
    (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id])),
    [],
  );
  /** After the server accepted the post: a retry of the member's own accounts must not post it again. */
  const clearSelection = useCallback(() => setSelected([]), []);
  return { brands, selected, chosen, problems, send, toggle, clearSelection };
}
