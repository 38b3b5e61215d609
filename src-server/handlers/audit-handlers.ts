// Reading the audit log (admins). There is deliberately no method that edits or deletes an entry.
import { listAudit } from '../storage/audit-log.ts';
import type { TeamHandlers } from './context.ts';

export const auditHandlers: Pick<TeamHandlers, 'audit:list'> = {
  async 'audit:list'(input, ctx) {
    return listAudit(ctx.db, input.afterId ?? 0, input.limit ?? 100);
  },
};
