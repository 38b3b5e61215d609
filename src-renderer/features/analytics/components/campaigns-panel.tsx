// Campaigns and ROI: add a campaign (UTM campaign, goal, cost, value per conversion and per click, short
// links), import conversions from a CSV file (every bad line named, nothing imported in part), and the
// results per campaign and per network.
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CONVERSION_COLUMNS,
  importConversionsText,
  type ImportProblem,
} from '../../../../src-shared/analytics/conversions-import.ts';
import {
  campaignResult,
  resultsByNetwork,
  type CampaignResult,
} from '../../../../src-shared/analytics/roi.ts';
import type { CampaignRow, ConversionRow, PostSampleRow } from '../../../db/analytics-rows.ts';
import type { RoostDb } from '../../../db/roost-db.ts';
import { useFormatters, type Formatters } from '../model/formatters.ts';
import {
  addCampaign,
  allConversions,
  decodeUtf8,
  listCampaigns,
  removeCampaign,
  saveConversions,
} from '../repositories/campaigns-repository.ts';
import { ChartCard } from './chart-card.tsx';
import { networkName } from './listening-charts.tsx';

type T = TFunction;

export function describeProblem(t: T, p: ImportProblem): string {
  switch (p.kind) {
    case 'encoding':
    case 'empty':
      return t(`analytics.campaigns.problem.${p.kind}`);
    case 'syntax':
      return t('analytics.campaigns.problem.syntax', { line: p.line });
    case 'missingColumns':
      return t('analytics.campaigns.problem.missingColumns', { line: p.line, columns: p.columns.join(', ') });
    case 'fieldCount':
      return t('analytics.campaigns.problem.fieldCount', {
        line: p.line,
        expected: p.expected,
        found: p.found,
      });
    case 'badDate':
      return t('analytics.campaigns.problem.badDate', { line: p.line, value: p.value });
    case 'badNumber':
      return t('analytics.campaigns.problem.badNumber', { line: p.line, column: p.column, value: p.value });
    case 'missingValue':
      return t('analytics.campaigns.problem.missingValue', { line: p.line, column: p.column });
    case 'duplicate':
      return t('analytics.campaigns.problem.duplicate', { line: p.line, first: p.firstLine });
  }
}

function resultCells(r: CampaignResult, fmt: Formatters): (string | number)[] {
  const opt = (n: number | null, f: (x: number) => string) => (n === null ? '—' : f(n));
  return [
    r.messages,
    r.clicks,
    r.conversions,
    fmt.money(r.value),
    opt(r.valuePerMessage, fmt.money),
    opt(r.costPerConversion, fmt.money),
    opt(r.roi, (x) => fmt.percent(x * 100)),
  ];
}

export function CampaignsPanel({ db, samples }: { db: RoostDb; samples: readonly PostSampleRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [campaigns, setCampaigns] = useState<readonly CampaignRow[]>([]);
  const [conversions, setConversions] = useState<readonly ConversionRow[]>([]);
  const [version, setVersion] = useState(0);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([listCampaigns(db), allConversions(db)]).then(([c, v]) => {
      if (!current) return;
      setCampaigns(c);
      setConversions(v);
    });
    return () => {
      current = false;
    };
  }, [db, version]);

  const onImport = async (file: File) => {
    setProblems([]);
    setNotice(null);
    const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    const parsed =
      text === null
        ? { ok: false as const, problems: [{ kind: 'encoding' as const }] }
        : importConversionsText(text);
    if (!parsed.ok) {
      setProblems(parsed.problems.map((p) => describeProblem(t, p)));
      return;
    }
    try {
      const summary = await saveConversions(db, parsed.rows);
      setNotice(t('analytics.campaigns.imported', { ...summary }));
      setVersion((v) => v + 1);
    } catch (error) {
      setProblems([t('analytics.campaigns.saveFailed', { message: (error as Error).message })]);
    }
  };

  const messages = samples.map((s) => ({ utmCampaign: s.utmCampaign, network: s.network, clicks: s.clicks }));
  const header = [
    t('analytics.campaigns.col.campaign'),
    t('analytics.campaigns.col.messages'),
    t('analytics.col.clicks'),
    t('analytics.campaigns.col.conversions'),
    t('analytics.campaigns.col.value'),
    t('analytics.campaigns.col.valuePerMessage'),
    t('analytics.campaigns.col.costPerConversion'),
    t('analytics.campaigns.col.roi'),
  ];
  const rows: (string | number)[][] = [];
  for (const c of campaigns) {
    rows.push([c.name, ...resultCells(campaignResult(c, conversions, messages), fmt)]);
    for (const n of resultsByNetwork(c, conversions, messages)) {
      rows.push([`${c.name} · ${networkName(t, n.network)}`, ...resultCells(n.result, fmt)]);
    }
  }

  return (
    <section className="analytics-panel" aria-labelledby="campaigns-title" data-testid="campaigns-panel">
      <h2 id="campaigns-title">{t('analytics.campaigns.title')}</h2>
      <CampaignForm db={db} onAdded={() => setVersion((v) => v + 1)} />
      <div className="analytics-panel__import">
        <label>
          {t('analytics.campaigns.import')}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void onImport(file);
            }}
          />
        </label>
        <p className="analytics-panel__hint">
          {t('analytics.campaigns.columns', { columns: CONVERSION_COLUMNS.join(', ') })}
        </p>
      </div>
      {notice && <p role="status">{notice}</p>}
      {problems.length > 0 && (
        <div role="alert" className="problems">
          <p>{t('analytics.campaigns.refused')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {campaigns.length > 0 && (
        <ChartCard
          id="campaigns"
          title={t('analytics.campaigns.results')}
          table={{ header, rows }}
          png={false}
          wide
        >
          <CampaignTable
            header={header}
            rows={rows}
            campaigns={campaigns}
            onRemove={(id) => void removeCampaign(db, id).then(() => setVersion((v) => v + 1))}
          />
        </ChartCard>
      )}
    </section>
  );
}

function CampaignTable({
  header,
  rows,
  campaigns,
  onRemove,
}: {
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  campaigns: readonly CampaignRow[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <>
      <table className="chart-table" data-testid="campaign-results">
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{typeof cell === 'number' ? fmt.number(cell) : cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="campaign-list">
        {campaigns.map((c) => (
          <li key={c.id}>
            {t('analytics.campaigns.summary', {
              name: c.name,
              utm: c.utmCampaign,
              cost: fmt.money(c.cost),
              goal: c.goal || '—',
            })}{' '}
            <button type="button" className="link-button" onClick={() => onRemove(c.id)}>
              {t('analytics.campaigns.remove', { name: c.name })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function CampaignForm({ db, onAdded }: { db: RoostDb; onAdded: () => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({
    name: '',
    utmCampaign: '',
    goal: '',
    cost: '0',
    valuePerConversion: '0',
    valuePerClick: '0',
    shortLinks: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
    try {
      await addCampaign(db, {
        name: fields.name,
        utmCampaign: fields.utmCampaign,
        goal: fields.goal,
        cost: number(fields.cost),
        valuePerConversion: number(fields.valuePerConversion),
        valuePerClick: number(fields.valuePerClick),
        shortLinks: fields.shortLinks.split(/\s+/).filter(Boolean),
      });
      setFields((f) => ({ ...f, name: '', utmCampaign: '', goal: '', shortLinks: '' }));
      onAdded();
    } catch (error) {
      setProblem(
        (error as { issues?: unknown }).issues
          ? t('analytics.campaigns.invalid')
          : t('analytics.campaigns.saveFailed', { message: (error as Error).message }),
      );
    }
  };
  const field = (key: keyof typeof fields, inputMode?: 'decimal') => (
    <label>
      {t(`analytics.campaigns.field.${key}`)}
      <input value={fields[key]} onChange={set(key)} inputMode={inputMode} />
    </label>
  );
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('analytics.campaigns.add')}>
      {field('name')}
      {field('utmCampaign')}
      {field('goal')}
      {field('cost', 'decimal')}
      {field('valuePerConversion', 'decimal')}
      {field('valuePerClick', 'decimal')}
      {field('shortLinks')}
      <button type="submit" className="button button--primary">
        {t('analytics.campaigns.add')}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
