// Reads a conversions file (already decoded: the renderer refuses bytes that are not UTF-8): Roost's documented columns, or the export layouts of GA4 and Matomo (their
// column names are mapped below). Every row is checked before anything is kept; the result is either all
// rows or a list of problems, each naming its line, so a bad file never imports in part.
import { parseCsv, CsvSyntaxError } from './csv.ts';

export const CONVERSION_COLUMNS = [
  'date',
  'utm_campaign',
  'utm_source',
  'utm_medium',
  'utm_content',
  'conversions',
  'revenue',
] as const;
type Column = (typeof CONVERSION_COLUMNS)[number];

/** Header names accepted per column, compared without case: Roost's own, GA4's, Matomo's. */
const ALIASES: Record<Column, readonly string[]> = {
  date: ['date', 'day', 'jour'],
  utm_campaign: [
    'utm_campaign',
    'session campaign',
    'campaign',
    'campaign name',
    'session manual campaign name',
  ],
  utm_source: ['utm_source', 'session source', 'source', 'campaign source', 'session manual source'],
  utm_medium: ['utm_medium', 'session medium', 'medium', 'campaign medium', 'session manual medium'],
  utm_content: ['utm_content', 'session manual ad content', 'content', 'campaign content'],
  conversions: ['conversions', 'key events', 'nb_conversions', 'goal conversions'],
  revenue: ['revenue', 'total revenue', 'purchase revenue', 'goal revenue'],
};
const OPTIONAL: ReadonlySet<Column> = new Set(['utm_content', 'utm_medium', 'revenue']);

export interface ParsedConversion {
  readonly line: number;
  readonly date: string;
  readonly utmCampaign: string;
  readonly utmSource: string;
  readonly utmMedium: string;
  readonly utmContent: string;
  readonly conversions: number;
  readonly revenue: number;
}

export type ImportProblem =
  | { readonly kind: 'encoding' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'syntax'; readonly line: number; readonly detail: string }
  | { readonly kind: 'missingColumns'; readonly line: number; readonly columns: readonly string[] }
  | { readonly kind: 'fieldCount'; readonly line: number; readonly expected: number; readonly found: number }
  | { readonly kind: 'badDate'; readonly line: number; readonly value: string }
  | { readonly kind: 'badNumber'; readonly line: number; readonly column: string; readonly value: string }
  | { readonly kind: 'missingValue'; readonly line: number; readonly column: string }
  | { readonly kind: 'duplicate'; readonly line: number; readonly firstLine: number };

export type ImportResult =
  | { readonly ok: true; readonly rows: readonly ParsedConversion[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const MAX_PROBLEMS = 50;

export function importConversionsText(text: string): ImportResult {
  // GA4 exports open with '#' comment lines; skip them but keep line numbers.
  const lines = text.split(/\r\n|\n|\r/);
  let skipped = 0;
  while (skipped < lines.length && (lines[skipped]?.startsWith('#') || lines[skipped]?.trim() === ''))
    skipped++;
  const body = lines.slice(skipped).join('\n');
  let records;
  try {
    records = parseCsv(body, detectDelimiter(lines[skipped] ?? '')).map((r) => ({
      ...r,
      line: r.line + skipped,
    }));
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { ok: false, problems: [{ kind: 'syntax', line: error.line + skipped, detail: error.message }] };
    throw error;
  }
  const [header, ...data] = records;
  if (!header || data.length === 0) return { ok: false, problems: [{ kind: 'empty' }] };
  const positions = mapHeader(header.fields);
  const missing = CONVERSION_COLUMNS.filter((c) => positions[c] === undefined && !OPTIONAL.has(c));
  if (missing.length > 0)
    return { ok: false, problems: [{ kind: 'missingColumns', line: header.line, columns: missing }] };

  const problems: ImportProblem[] = [];
  const rows: ParsedConversion[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (record.fields.length !== header.fields.length) {
      problems.push({
        kind: 'fieldCount',
        line: record.line,
        expected: header.fields.length,
        found: record.fields.length,
      });
      continue;
    }
    const get = (c: Column) => {
      const at = positions[c];
      return at === undefined ? '' : (record.fields[at] ?? '').trim();
    };
    const row = readRow(record.line, get, problems);
    if (!row) continue;
    const identity = conversionIdentity(row);
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push({ kind: 'duplicate', line: record.line, firstLine: first });
      continue;
    }
    seen.set(identity, record.line);
    rows.push(row);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** Date, campaign, source, medium and content: one row per combination (a second one is a duplicate). */
export function conversionIdentity(row: Omit<ParsedConversion, 'line' | 'conversions' | 'revenue'>): string {
  return [row.date, row.utmCampaign, row.utmSource, row.utmMedium, row.utmContent].join('\u0000');
}

function readRow(
  line: number,
  get: (c: Column) => string,
  problems: ImportProblem[],
): ParsedConversion | null {
  const before = problems.length;
  const date = parseDate(get('date'));
  if (date === null) problems.push({ kind: 'badDate', line, value: get('date') });
  const campaign = get('utm_campaign');
  if (campaign === '') problems.push({ kind: 'missingValue', line, column: 'utm_campaign' });
  const source = get('utm_source');
  if (source === '') problems.push({ kind: 'missingValue', line, column: 'utm_source' });
  const conversions = parseAmount(get('conversions'), true);
  if (conversions === null)
    problems.push({ kind: 'badNumber', line, column: 'conversions', value: get('conversions') });
  const revenueText = get('revenue');
  const revenue = revenueText === '' ? 0 : parseAmount(revenueText, false);
  if (revenue === null) problems.push({ kind: 'badNumber', line, column: 'revenue', value: revenueText });
  if (problems.length > before || date === null || conversions === null || revenue === null) return null;
  return {
    line,
    date,
    utmCampaign: campaign,
    utmSource: source,
    utmMedium: get('utm_medium'),
    utmContent: get('utm_content'),
    conversions,
    revenue,
  };
}

function mapHeader(fields: readonly string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  fields.forEach((name, i) => {
    const norm = name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    for (const c of CONVERSION_COLUMNS) if (out[c] === undefined && ALIASES[c].includes(norm)) out[c] = i;
  });
  return out;
}

/** Matomo exports in some locales use ';' or tabs; the header line tells which. */
function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** YYYY-MM-DD, or GA4's YYYYMMDD; a real calendar day. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const time = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(iso) ? iso : null;
}

/** A plain decimal number with a '.' (no thousands separators, which are ambiguous across locales). */
function parseAmount(value: string, whole: boolean): number | null {
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) return null;
  return n;
}
