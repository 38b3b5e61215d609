// Edits a column's filter (the shared ColumnFilter): keywords and phrases, language, media and links,
// engagement, sentiment, region (with what region honestly means), and muted authors and words.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ColumnFilterSchema,
  parseKeywordQuery,
  REGION_FILTER_EXPLANATION,
  type ColumnFilter,
} from '../../../../src-shared/filters/column-filter.ts';

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const terms = (values: readonly string[]) =>
  values.map((v) => (/\s/.test(v) && !v.startsWith('"') ? `"${v}"` : v)).join(' ');

export function FilterEditor({
  filter,
  onSave,
  onCancel,
}: {
  filter: ColumnFilter;
  onSave: (filter: ColumnFilter) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [include, setInclude] = useState(terms(filter.includeKeywords));
  const [includeMode, setIncludeMode] = useState(filter.includeMode);
  const [exclude, setExclude] = useState(terms(filter.excludeKeywords));
  const [languages, setLanguages] = useState(filter.languages.join(', '));
  const [media, setMedia] = useState(filter.media);
  const [links, setLinks] = useState(filter.links);
  const [minEngagement, setMinEngagement] = useState(String(filter.minEngagement));
  const [sentiments, setSentiments] = useState<ColumnFilter['sentiments']>(filter.sentiments);
  const [regionLanguages, setRegionLanguages] = useState(filter.region?.languages.join(', ') ?? '');
  const [regionSuffixes, setRegionSuffixes] = useState(filter.region?.serverSuffixes.join(', ') ?? '');
  const [regionServers, setRegionServers] = useState(filter.region?.servers.join(', ') ?? '');
  const [regionPlaces, setRegionPlaces] = useState(filter.region?.places.join(', ') ?? '');
  const [mutedAuthors, setMutedAuthors] = useState(filter.mutedAuthors.join(', '));
  const [mutedKeywords, setMutedKeywords] = useState(terms(filter.mutedKeywords));
  const [invalid, setInvalid] = useState(false);
  const explanation = REGION_FILTER_EXPLANATION[i18n.language === 'fr' ? 'fr' : 'en'];

  const save = () => {
    const region = {
      languages: list(regionLanguages),
      serverSuffixes: list(regionSuffixes),
      servers: list(regionServers),
      places: list(regionPlaces),
    };
    const hasRegion = Object.values(region).some((v) => v.length > 0);
    const parsed = ColumnFilterSchema.safeParse({
      includeKeywords: parseKeywordQuery(include),
      includeMode,
      excludeKeywords: parseKeywordQuery(exclude),
      languages: list(languages),
      media,
      links,
      minEngagement: Number(minEngagement) || 0,
      sentiments,
      region: hasRegion ? region : null,
      mutedAuthors: list(mutedAuthors),
      mutedKeywords: parseKeywordQuery(mutedKeywords),
    });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    onSave(parsed.data);
  };

  const field = (key: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type="text" value={value} onChange={(e) => set(e.target.value)} />
      {hint && <p className="hint">{hint}</p>}
    </div>
  );

  type Presence = ColumnFilter['media'];
  const presence = (key: string, label: string, value: Presence, set: (v: Presence) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value as Presence)}>
        <option value="any">{t('streams.filters.presence.any')}</option>
        <option value="with">{t('streams.filters.presence.with')}</option>
        <option value="without">{t('streams.filters.presence.without')}</option>
      </select>
    </div>
  );

  return (
    <form
      className="filter-editor"
      aria-label={t('streams.filters.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {field('include', t('streams.filters.include'), include, setInclude, t('streams.filters.keywordsHint'))}
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('streams.filters.includeMode')}</label>
        <select
          id={`${id}-mode`}
          value={includeMode}
          onChange={(e) => setIncludeMode(e.target.value as 'any' | 'all')}
        >
          <option value="any">{t('streams.filters.modeAny')}</option>
          <option value="all">{t('streams.filters.modeAll')}</option>
        </select>
      </div>
      {field('exclude', t('streams.filters.exclude'), exclude, setExclude)}
      {field(
        'languages',
        t('streams.filters.languages'),
        languages,
        setLanguages,
        t('streams.filters.languagesHint'),
      )}
      {presence('media', t('streams.filters.media'), media, setMedia)}
      {presence('links', t('streams.filters.links'), links, setLinks)}
      <div className="field">
        <label htmlFor={`${id}-eng`}>{t('streams.filters.minEngagement')}</label>
        <input
          id={`${id}-eng`}
          type="number"
          min={0}
          value={minEngagement}
          onChange={(e) => setMinEngagement(e.target.value)}
        />
      </div>
      <fieldset className="filter-editor__group">
        <legend>{t('streams.filters.sentiment')}</legend>
        {(['positive', 'neutral', 'negative'] as const).map((s) => (
          <label key={s} className="filter-editor__check">
            <input
              type="checkbox"
              checked={sentiments.includes(s)}
              onChange={(e) =>
                setSentiments(e.target.checked ? [...sentiments, s] : sentiments.filter((x) => x !== s))
              }
            />
            {t(`streams.filters.sentiments.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-editor__group">
        <legend>{t('streams.filters.region')}</legend>
        <p className="hint" data-testid="region-explanation">
          {explanation}
        </p>
        {field('rlang', t('streams.filters.regionLanguages'), regionLanguages, setRegionLanguages)}
        {field('rsuffix', t('streams.filters.regionSuffixes'), regionSuffixes, setRegionSuffixes)}
        {field('rservers', t('streams.filters.regionServers'), regionServers, setRegionServers)}
        {field('rplaces', t('streams.filters.regionPlaces'), regionPlaces, setRegionPlaces)}
      </fieldset>
      {field('mauthors', t('streams.filters.mutedAuthors'), mutedAuthors, setMutedAuthors)}
      {field('mwords', t('streams.filters.mutedKeywords'), mutedKeywords, setMutedKeywords)}
      {invalid && (
        <p className="field__issue" role="alert">
          {t('streams.filters.invalid')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('streams.filters.apply')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('streams.filters.cancel')}
        </button>
      </div>
    </form>
  );
}
