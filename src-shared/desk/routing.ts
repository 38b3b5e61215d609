// Routing: which expert may take an inquiry, which one does, and in what order the holding queue drains.
// Pure functions over snapshots, so the team server can run them under its one lock and the embedded desk
// can run them for a team of one; neither keeps routing state anywhere else.
import type { Network } from '../domain/account.ts';
import { isBusinessTime, type BusinessCalendar } from './business-calendar.ts';
import { byPriority, containsPhrase } from './priority.ts';
import { isoDate, localDateTime } from './zoned-time.ts';

export type Skill = {
  readonly id: string;
  /** Any one of these words or phrases in the inquiry matches; empty means the topic does not matter. */
  readonly phrases: readonly string[];
  /** Primary language subtags ('en', 'fr'); empty means any. */
  readonly languages: readonly string[];
  readonly networks: readonly Network[];
  readonly brandAccountIds: readonly string[];
};

export type Inquiry = {
  readonly id: string;
  readonly text: string;
  readonly lang: string | null;
  readonly network: Network;
  readonly brandAccountId: string;
  readonly priority: number;
  /** When it entered the desk (epoch ms): orders ties and starts the skills timeout. */
  readonly createdAt: number;
};

export type Availability = 'available' | 'away' | 'offline';

export type Expert = {
  readonly id: string;
  readonly skills: readonly string[];
  readonly availability: Availability;
  /** Working hours in the expert's own time zone. */
  readonly hours: BusinessCalendar;
  /** Inclusive local date ranges (`YYYY-MM-DD`) in the expert's zone. */
  readonly outOfOffice: readonly { readonly from: string; readonly to: string }[];
  /** Most open conversations assigned at once. */
  readonly capacity: number;
  readonly openAssigned: number;
  readonly lastAssignedAt: number | null;
  /** When this expert was given conversations (epoch ms), for the hourly cap; older entries are ignored. */
  readonly recentAssignments: readonly number[];
};

export type RoutingConfig = {
  readonly order: 'round_robin' | 'balanced';
  /** After this many minutes waiting, required skills are waived; null = never. */
  readonly skillsTimeoutMinutes: number | null;
  /** Most conversations an expert gets per rolling hour; null = no cap. */
  readonly hourlyCap: number | null;
};

/** A skill matches when every rule it sets matches the inquiry. */
export function skillMatches(skill: Skill, inquiry: Inquiry): boolean {
  if (skill.phrases.length > 0 && !skill.phrases.some((p) => containsPhrase(inquiry.text, p))) return false;
  if (skill.languages.length > 0) {
    const lang = inquiry.lang?.toLowerCase().split('-')[0] ?? null;
    if (lang === null || !skill.languages.includes(lang)) return false;
  }
  if (skill.networks.length > 0 && !skill.networks.includes(inquiry.network)) return false;
  if (skill.brandAccountIds.length > 0 && !skill.brandAccountIds.includes(inquiry.brandAccountId))
    return false;
  return true;
}

/** The skills an inquiry needs: all that match it. */
export function requiredSkills(inquiry: Inquiry, skills: readonly Skill[]): string[] {
  return skills.filter((s) => skillMatches(s, inquiry)).map((s) => s.id);
}

export type Ineligibility =
  'away' | 'offline' | 'out_of_hours' | 'out_of_office' | 'at_capacity' | 'hourly_cap' | 'missing_skills';

const HOUR_MS = 3_600_000;

/** Why the expert cannot take work at all right now, ignoring the inquiry; null when they can. */
export function unavailability(expert: Expert, now: number): Ineligibility | null {
  if (expert.availability === 'away') return 'away';
  if (expert.availability === 'offline') return 'offline';
  const today = isoDate(localDateTime(now, expert.hours.timeZone));
  if (expert.outOfOffice.some((r) => r.from <= today && today <= r.to)) return 'out_of_office';
  if (!isBusinessTime(now, expert.hours)) return 'out_of_hours';
  return null;
}

export function assignmentsInLastHour(expert: Expert, now: number): number {
  return expert.recentAssignments.filter((t) => t > now - HOUR_MS && t <= now).length;
}

/** Every reason the expert may not take this inquiry now (empty = eligible). */
export function ineligibility(
  expert: Expert,
  inquiry: Inquiry,
  needed: readonly string[],
  now: number,
  config: RoutingConfig,
): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  const away = unavailability(expert, now);
  if (away) reasons.push(away);
  if (expert.openAssigned >= expert.capacity) reasons.push('at_capacity');
  if (config.hourlyCap !== null && assignmentsInLastHour(expert, now) >= config.hourlyCap) {
    reasons.push('hourly_cap');
  }
  if (!skillsWaived(inquiry, now, config) && !needed.every((s) => expert.skills.includes(s))) {
    reasons.push('missing_skills');
  }
  return reasons;
}

export function skillsWaived(inquiry: Inquiry, now: number, config: RoutingConfig): boolean {
  return (
    config.skillsTimeoutMinutes !== null && now - inquiry.createdAt >= config.skillsTimeoutMinutes * 60_000
  );
}

function byAssignmentOrder(config: RoutingConfig): (a: Expert, b: Expert) => number {
  const lastAssigned = (e: Expert) => e.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const byId = (a: Expert, b: Expert) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (config.order === 'balanced') {
    return (a, b) => a.openAssigned - b.openAssigned || lastAssigned(a) - lastAssigned(b) || byId(a, b);
  }
  return (a, b) => lastAssigned(a) - lastAssigned(b) || byId(a, b);
}

/** The expert who gets the inquiry now, or null when it must wait in the holding queue. */
export function chooseExpert(
  inquiry: Inquiry,
  experts: readonly Expert[],
  skills: readonly Skill[],
  now: number,
  config: RoutingConfig,
): Expert | null {
  const needed = requiredSkills(inquiry, skills);
  const eligible = experts.filter((e) => ineligibility(e, inquiry, needed, now, config).length === 0);
  return eligible.sort(byAssignmentOrder(config))[0] ?? null;
}

export type Assignment = { readonly inquiryId: string; readonly expertId: string };

function afterAssignment(expert: Expert, now: number): Expert {
  return {
    ...expert,
    openAssigned: expert.openAssigned + 1,
    lastAssignedAt: now,
    recentAssignments: [...expert.recentAssignments.filter((t) => t > now - HOUR_MS), now],
  };
}

/**
 * Drains the holding queue in order — highest priority first, then oldest — giving each inquiry to an
 * eligible expert while any has room. An inquiry nobody can take stays queued without blocking the ones
 * behind it (they may need other skills). Returns the assignments, the inquiries still waiting (in order)
 * and the experts as they stand afterwards.
 */
export function drainQueue(
  queue: readonly Inquiry[],
  experts: readonly Expert[],
  skills: readonly Skill[],
  now: number,
  config: RoutingConfig,
): { assignments: Assignment[]; waiting: Inquiry[]; experts: Expert[] } {
  let current = [...experts];
  const assignments: Assignment[] = [];
  const waiting: Inquiry[] = [];
  for (const inquiry of [...queue].sort(byPriority)) {
    const chosen = chooseExpert(inquiry, current, skills, now, config);
    if (!chosen) {
      waiting.push(inquiry);
      continue;
    }
    assignments.push({ inquiryId: inquiry.id, expertId: chosen.id });
    current = current.map((e) => (e.id === chosen.id ? afterAssignment(e, now) : e));
  }
  return { assignments, waiting, experts: current };
}

/**
 * A reopened conversation stays with its owner if the owner can take work now; otherwise it goes back to
 * the holding queue to be routed again. Capacity is not checked: the owner already holds the context.
 */
export function ownerOnReopen(
  ownerId: string | null,
  experts: readonly Expert[],
  now: number,
): string | null {
  if (ownerId === null) return null;
  const owner = experts.find((e) => e.id === ownerId);
  return owner && unavailability(owner, now) === null ? ownerId : null;
}
