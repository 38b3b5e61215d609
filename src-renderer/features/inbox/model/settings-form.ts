// The desk settings as a form edits them: lists typed as comma-separated text, business hours as
// "09:00-12:00, 13:00-18:00" per weekday. Turning the form back into settings never drops what was typed:
// a period that does not parse is sent as typed, and main names the entry at fault.
import type { DeskSettingsInput } from '../../../../src-shared/contract/desk-settings-schema.ts';
import type { ContractError } from '../../../../src-shared/contract/errors.ts';
import type { DeskSettings } from '../../../../src-shared/desk/desk-settings.ts';
import type { Network } from '../../../../src-shared/domain/account.ts';

export type SkillForm = {
  id: string;
  phrases: string;
  languages: string;
  networks: Network[];
  brandAccountIds: string[];
};

export type TierForm = {
  minPriority: string;
  firstResponseMinutes: string;
  nextResponseMinutes: string;
  resolutionMinutes: string;
};

export type DeskSettingsForm = {
  skills: SkillForm[];
  terms: { text: string; points: string }[];
  vipContacts: string;
  vipPoints: string;
  negativeSentimentPoints: string;
  timeZone: string;
  /** Sunday first, as the calendar stores it. */
  week: string[];
  holidays: string;
  tiers: TierForm[];
  warnBeforeMinutes: string;
  /** Kept as they were: not edited on this screen. */
  rest: Pick<DeskSettings['priority'], 'followerThreshold' | 'followerPoints' | 'networkPoints'>;
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** An empty or non-numeric field becomes NaN, which the contract refuses with the field's path. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function toForm(s: DeskSettings): DeskSettingsForm {
  return {
    skills: s.skills.map((k) => ({
      id: k.id,
      phrases: k.phrases.join(', '),
      languages: k.languages.join(', '),
      networks: [...k.networks],
      brandAccountIds: [...k.brandAccountIds],
    })),
    terms: s.priority.terms.map((t) => ({ text: t.text, points: String(t.points) })),
    vipContacts: s.priority.vipContacts.join(', '),
    vipPoints: String(s.priority.vipPoints),
    negativeSentimentPoints: String(s.priority.negativeSentimentPoints),
    timeZone: s.sla.calendar.timeZone,
    week: s.sla.calendar.week.map((day) => day.map((p) => `${p.start}-${p.end}`).join(', ')),
    holidays: s.sla.calendar.holidays.join(', '),
    tiers: [...s.sla.tiers]
      .sort((a, b) => a.minPriority - b.minPriority)
      .map((t) => ({
        minPriority: String(t.minPriority),
        firstResponseMinutes: String(t.firstResponseMinutes),
        nextResponseMinutes: String(t.nextResponseMinutes),
        resolutionMinutes: String(t.resolutionMinutes),
      })),
    warnBeforeMinutes: String(s.sla.warnBeforeMinutes),
    rest: {
      followerThreshold: s.priority.followerThreshold,
      followerPoints: s.priority.followerPoints,
      networkPoints: s.priority.networkPoints,
    },
  };
}

function period(text: string) {
  const [start = '', end = ''] = text.split('-').map((s) => s.trim());
  return { start, end };
}

export function fromForm(f: DeskSettingsForm): DeskSettingsInput {
  return {
    skills: f.skills.map((k) => ({
      id: k.id.trim(),
      phrases: list(k.phrases),
      languages: list(k.languages).map((l) => l.toLowerCase()),
      networks: [...k.networks],
      brandAccountIds: [...k.brandAccountIds],
    })),
    priority: {
      terms: f.terms.map((t) => ({ text: t.text.trim(), points: num(t.points) })),
      vipContacts: list(f.vipContacts).map((v) => v.replace(/^@/, '')),
      vipPoints: num(f.vipPoints),
      negativeSentimentPoints: num(f.negativeSentimentPoints),
      followerThreshold: f.rest.followerThreshold,
      followerPoints: f.rest.followerPoints,
      networkPoints: { ...f.rest.networkPoints },
    },
    sla: {
      calendar: {
        timeZone: f.timeZone.trim(),
        week: f.week.map((day) => list(day).map(period)),
        holidays: list(f.holidays),
      },
      tiers: f.tiers.map((t) => ({
        minPriority: num(t.minPriority),
        firstResponseMinutes: num(t.firstResponseMinutes),
        nextResponseMinutes: num(t.nextResponseMinutes),
        resolutionMinutes: num(t.resolutionMinutes),
      })),
      warnBeforeMinutes: num(f.warnBeforeMinutes),
    },
  };
}

export type Issues = ContractError['issues'];

/** The messages of the issues at `prefix` or inside it (`skills.0` holds `skills.0.phrases.1`). */
export function issuesAt(issues: Issues, prefix: string): string[] {
  return (issues ?? [])
    .filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`))
    .map((i) => i.message);
}
