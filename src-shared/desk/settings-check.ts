// What a desk's settings must satisfy beyond their shape, entry by entry, so a desk admin's form can point at
// the one rule at fault. An update with any issue is refused whole: a half-applied policy would route and
// time conversations by rules nobody chose.
import { localDateTime, parseClock } from './zoned-time.ts';
import type { DeskSettings } from './desk-settings.ts';

export type SettingsIssue = { readonly path: string; readonly message: string };

const SKILL_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function clockOrNull(text: string): number | null {
  try {
    return parseClock(text);
  } catch {
    return null;
  }
}

function validZone(timeZone: string): boolean {
  try {
    localDateTime(0, timeZone);
    return true;
  } catch {
    return false;
  }
}

function validDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  // A date that rolls over (2026-02-30 → March) is not the date the admin meant.
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function checkSkills(settings: DeskSettings, accountIds: ReadonlySet<string>, issues: SettingsIssue[]): void {
  const seen = new Set<string>();
  settings.skills.forEach((skill, i) => {
    const at = `skills.${i}`;
    if (!SKILL_ID.test(skill.id))
      issues.push({ path: `${at}.id`, message: 'lowercase letters, digits, - or _' });
    else if (seen.has(skill.id)) issues.push({ path: `${at}.id`, message: `"${skill.id}" is used twice` });
    seen.add(skill.id);
    const rules = skill.phrases.length + skill.languages.length + skill.networks.length;
    if (rules + skill.brandAccountIds.length === 0)
      issues.push({ path: at, message: 'a skill needs at least one rule, or it matches every inquiry' });
    skill.phrases.forEach((p, j) => {
      if (p.trim() === '') issues.push({ path: `${at}.phrases.${j}`, message: 'empty word or phrase' });
    });
    skill.languages.forEach((l, j) => {
      if (!LANGUAGE.test(l))
        issues.push({ path: `${at}.languages.${j}`, message: 'a language code such as en or fr' });
    });
    skill.brandAccountIds.forEach((id, j) => {
      if (!accountIds.has(id))
        issues.push({ path: `${at}.brandAccountIds.${j}`, message: 'no such account' });
    });
  });
}

function checkPriority(settings: DeskSettings, issues: SettingsIssue[]): void {
  settings.priority.terms.forEach((term, i) => {
    if (term.text.trim() === '')
      issues.push({ path: `priority.terms.${i}.text`, message: 'empty word or phrase' });
  });
  settings.priority.vipContacts.forEach((vip, i) => {
    if (vip.trim() === '' || /\s/.test(vip.trim()))
      issues.push({ path: `priority.vipContacts.${i}`, message: 'a handle or id, without spaces' });
  });
}

function checkSla(settings: DeskSettings, issues: SettingsIssue[]): void {
  const { calendar, tiers } = settings.sla;
  if (!validZone(calendar.timeZone))
    issues.push({ path: 'sla.calendar.timeZone', message: `unknown time zone "${calendar.timeZone}"` });
  let open = false;
  calendar.week.forEach((periods, day) => {
    let previousEnd = -1;
    periods.forEach((period, j) => {
      const at = `sla.calendar.week.${day}.${j}`;
      const start = clockOrNull(period.start);
      const end = clockOrNull(period.end);
      if (start === null || end === null)
        issues.push({ path: at, message: 'times as HH:MM, 00:00 to 24:00' });
      else if (end <= start) issues.push({ path: at, message: 'a period must end after it starts' });
      else if (start < previousEnd)
        issues.push({ path: at, message: 'periods must be in order and not overlap' });
      else {
        previousEnd = end;
        open = true;
      }
    });
  });
  if (!open) issues.push({ path: 'sla.calendar.week', message: 'business hours need at least one period' });
  calendar.holidays.forEach((h, i) => {
    if (!validDate(h)) issues.push({ path: `sla.calendar.holidays.${i}`, message: 'a date as YYYY-MM-DD' });
  });
  const floors = new Set<number>();
  tiers.forEach((tier, i) => {
    if (floors.has(tier.minPriority))
      issues.push({ path: `sla.tiers.${i}.minPriority`, message: 'two targets for the same priority' });
    floors.add(tier.minPriority);
  });
  if (!floors.has(0)) issues.push({ path: 'sla.tiers', message: 'one target must start at priority 0' });
}

/** Every issue found, in the order of the form; empty when the settings can be used. */
export function checkDeskSettings(settings: DeskSettings, accountIds: ReadonlySet<string>): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  checkSkills(settings, accountIds, issues);
  checkPriority(settings, issues);
  checkSla(settings, issues);
  return issues;
}
