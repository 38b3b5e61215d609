// Inquiry-like posts for the sandbox's demo people: questions to the brand account about billing, an order,
// a hacked account or opening hours, in English and French, and follow-ups in the same thread, so the Inbox
// has live inquiries (with the default skills and priority words) to show in a demo.

export type InquiryLang = 'en' | 'fr';
export type InquiryTopic = 'billing' | 'delivery' | 'security' | 'hours';

export interface InquiryText {
  readonly lang: InquiryLang;
  readonly topic: InquiryTopic;
  readonly text: string;
}

/** Each question carries a word the desk's default skills and priority rules know (refund, order, hacked…). */
const QUESTIONS: Record<InquiryLang, Record<InquiryTopic, readonly string[]>> = {
  en: {
    billing: ['I was charged twice, can I get a refund?', 'Where is the invoice for my last purchase?'],
    delivery: ['My order has not arrived yet, any news?', 'Can you tell me where my parcel is?'],
    security: [
      'I think my account was hacked, please help!',
      'Someone changed my password, I cannot log in.',
    ],
    hours: ['What are your opening hours on Saturday?', 'Are you open today?'],
  },
  fr: {
    billing: [
      'On m’a débité deux fois, puis-je avoir un remboursement ?',
      'Où est la facture de ma commande ?',
    ],
    delivery: [
      'Ma commande n’est toujours pas arrivée, des nouvelles ?',
      'Mon colis est bloqué depuis une semaine.',
    ],
    security: ['Mon compte a été piraté, aidez-moi !', 'Je ne peux plus changer mon mot de passe.'],
    hours: ['Quelles sont vos heures d’ouverture samedi ?', 'Êtes-vous ouvert aujourd’hui ?'],
  },
};

const FOLLOW_UPS: Record<InquiryLang, readonly string[]> = {
  en: ['Any update on this?', 'Still waiting, this is urgent.', 'Thanks, it works now!'],
  fr: ['Du nouveau ?', 'Toujours rien, c’est urgent.', 'Merci, c’est réglé !'],
};

const TOPICS = Object.keys(QUESTIONS.en) as InquiryTopic[];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A new question to the brand; `n` keeps every post's text unique, as the network would see real ones. */
export function inquiryText(brandHandle: string, n: number, random: () => number): InquiryText {
  const lang: InquiryLang = random() < 0.5 ? 'en' : 'fr';
  const topic = pick(TOPICS, random);
  return { lang, topic, text: `@${brandHandle} ${pick(QUESTIONS[lang][topic], random)} (#${n})` };
}

/** The contact writing again in the thread of their question, naming the brand so it is notified. */
export function followUpText(
  brandHandle: string,
  lang: InquiryLang,
  n: number,
  random: () => number,
): string {
  return `@${brandHandle} ${pick(FOLLOW_UPS[lang], random)} (#${n})`;
}
