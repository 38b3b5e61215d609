// What a desk is configured with, and the defaults a team of one starts from: skills for the questions a
// brand account most often gets (billing, delivery, a hacked account, opening hours) in English and French,
// office hours on weekdays in the user's time zone, and SLA targets that are tighter for urgent inquiries.
import type { BusinessCalendar } from './business-calendar.ts';
import { DEFAULT_PRIORITY_RULES, type PriorityRules } from './priority.ts';
import type { Skill } from './routing.ts';
import type { SlaPolicy } from './sla.ts';

export type DeskSettings = {
  readonly skills: readonly Skill[];
  readonly priority: PriorityRules;
  readonly sla: SlaPolicy;
};

const topic = (id: string, phrases: string[]): Skill => ({
  id,
  phrases,
  languages: [],
  networks: [],
  brandAccountIds: [],
});

export const DEFAULT_SKILLS: readonly Skill[] = [
  topic('billing', ['refund', 'invoice', 'billing', 'charged', 'remboursement', 'facture', 'facturation']),
  topic('delivery', ['delivery', 'parcel', 'shipping', 'order', 'livraison', 'colis', 'commande']),
  topic('security', ['hacked', 'password', 'piraté', 'mot de passe', 'compte bloqué']),
  topic('hours', ['opening hours', 'open today', 'horaires', "heures d'ouverture", 'ouvert']),
];

export function officeHours(timeZone: string): BusinessCalendar {
  const day = [{ start: '09:00', end: '18:00' }];
  return { timeZone, week: [[], day, day, day, day, day, []], holidays: [] };
}

export function defaultDeskSettings(timeZone: string): DeskSettings {
  return {
    skills: DEFAULT_SKILLS,
    priority: DEFAULT_PRIORITY_RULES,
    sla: {
      calendar: officeHours(timeZone),
      tiers: [
        { minPriority: 0, firstResponseMinutes: 240, nextResponseMinutes: 480, resolutionMinutes: 2_400 },
        { minPriority: 40, firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 480 },
      ],
      warnBeforeMinutes: 30,
    },
  };
}
