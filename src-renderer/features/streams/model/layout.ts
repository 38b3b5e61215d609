// Workspaces (tabs) and the columns in each, as the deck stores them in IndexedDB.
import { z } from '../../../../src-shared/zod.ts';
import { ColumnSourceSchema } from '../../../../src-shared/domain/column.ts';
import { ColumnFilterSchema } from '../../../../src-shared/filters/column-filter.ts';

export const COLUMN_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type ColumnWidth = (typeof COLUMN_WIDTHS)[number];
export const WIDTH_PX: Record<ColumnWidth, number> = { narrow: 280, medium: 340, wide: 440 };

export const WorkspaceSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(80),
  position: z.number(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const DeckColumnSchema = z.object({
  id: z.string().min(1).max(64),
  workspaceId: z.string().min(1).max(64),
  position: z.number(),
  title: z.string().max(80),
  source: ColumnSourceSchema,
  width: z.enum(COLUMN_WIDTHS).default('medium'),
  /** Arrivals stay behind the "new" pill until the reader lets them in. */
  paused: z.boolean().default(false),
  /** Desktop notifications for new items. */
  alert: z.boolean().default(false),
  filter: ColumnFilterSchema.default(ColumnFilterSchema.parse({})),
});
export type DeckColumn = z.infer<typeof DeckColumnSchema>;

export interface Layout {
  readonly workspaces: readonly Workspace[];
  readonly columns: readonly DeckColumn[];
}
