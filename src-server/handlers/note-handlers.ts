// Team notes: the first shared record, and the shape later team records (inquiries, approvals) follow —
// created with version 1, updated only against the version the caller saw, every write a change.
import { ulid } from 'ulid';
import { TeamFailure } from '../../src-shared/team/team-contract.ts';
import { appendChange } from '../storage/change-log.ts';
import { NOTE_COLUMNS, toNote, type NoteRecord } from '../storage/team-records.ts';
import { requireCaller, type TeamHandlers } from './context.ts';

export const noteHandlers: Pick<TeamHandlers, 'notes:create' | 'notes:update'> = {
  async 'notes:create'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const note: NoteRecord = {
      id: ulid(ctx.now),
      text: input.text,
      version: 1,
      updatedBy: caller.memberId,
      updatedAt: ctx.now,
    };
    await ctx.db.run('INSERT INTO notes (id, text, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)', [
      note.id,
      note.text,
      note.version,
      note.updatedBy,
      note.updatedAt,
    ]);
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'note',
      entityId: note.id,
      version: 1,
      data: { ...note },
    });
    await ctx.audit({ action: 'notes:create', target: note.id, before: null, after: { version: 1 } });
    ctx.afterCommit(() => deps.feed.wake());
    return note;
  },

  async 'notes:update'(input, ctx, deps) {
    const caller = requireCaller(ctx);
    const row = await ctx.db.get(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`, [input.id]);
    if (!row) throw new TeamFailure('not_found', 'Note not found');
    const before = toNote(row);
    if (before.version !== input.version) {
      throw new TeamFailure(
        'conflict',
        `The note changed since version ${input.version} (now ${before.version})`,
      );
    }
    const after: NoteRecord = {
      ...before,
      text: input.text,
      version: before.version + 1,
      updatedBy: caller.memberId,
      updatedAt: ctx.now,
    };
    await ctx.db.run('UPDATE notes SET text = ?, version = ?, updated_by = ?, updated_at = ? WHERE id = ?', [
      after.text,
      after.version,
      after.updatedBy,
      after.updatedAt,
      after.id,
    ]);
    await appendChange(ctx.db, {
      at: ctx.now,
      actorId: caller.memberId,
      entity: 'note',
      entityId: after.id,
      version: after.version,
      data: { ...after },
    });
    await ctx.audit({
      action: 'notes:update',
      target: after.id,
      before: { version: before.version },
      after: { version: after.version },
    });
    ctx.afterCommit(() => deps.feed.wake());
    return after;
  },
};
