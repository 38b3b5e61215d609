// English sentiment lexicon for customer-service posts: praise, complaints, delays, refunds, faults.
// Valences on VADER's −4…+4 scale, written by hand for this domain (not copied from another lexicon).
import type { SentimentLexicon } from './sentiment-types.ts';

// A dense table reads better than one entry per line.
// prettier-ignore
const POSITIVE: Record<string, number> = {
  acceptable: 1.2,
  love: 3.2, loved: 3.0, loving: 2.9, lovely: 2.8, adore: 3.2, liked: 1.8, enjoy: 2.2, enjoyed: 2.2,
  enjoyable: 2.2, great: 3.1, good: 1.9, nice: 1.8, fine: 0.8, ok: 0.9, okay: 0.9, decent: 1.3, solid: 1.5,
  excellent: 3.2, amazing: 3.2, awesome: 3.1, fantastic: 3.3, brilliant: 3.0, superb: 3.1, outstanding: 3.2,
  perfect: 2.9, perfectly: 2.6, wonderful: 3.1, marvellous: 3.0, terrific: 3.0, incredible: 2.8,
  stellar: 2.8, exceptional: 2.9, flawless: 2.6, faultless: 2.6, spotless: 2.2, impeccable: 2.7,
  beautiful: 2.9, beautifully: 2.6, gorgeous: 3.0, stunning: 2.8, delicious: 2.9, tasty: 2.2, yummy: 2.3,
  fresh: 1.2, happy: 2.7, glad: 2.1, pleased: 2.2, delighted: 3.0, thrilled: 3.0, excited: 2.2,
  satisfied: 2.0, impressed: 2.5, impressive: 2.6, grateful: 2.5, thankful: 2.4, relieved: 1.8,
  reassuring: 2.0, reassured: 1.8, helpful: 2.3, friendly: 2.2, kind: 2.0, polite: 1.8, courteous: 2.0,
  patient: 1.5, attentive: 2.0, professional: 1.8, generous: 2.3, lovelier: 2.6, quick: 1.2, quickly: 1.0,
  fast: 1.2, speedy: 1.4, prompt: 1.5, promptly: 1.5, efficient: 1.8, easy: 1.4, easily: 1.2,
  effortless: 2.0, seamless: 2.2, smooth: 1.6, handy: 1.6, intuitive: 1.8, comfortable: 1.8, comfy: 1.8,
  reliable: 2.0, dependable: 2.0, clean: 1.2, tidy: 1.2, quiet: 0.8, safe: 1.2, secure: 1.2, affordable: 1.6,
  bargain: 1.6, worth: 1.5, valuable: 1.8, best: 3.0, better: 1.9, top: 1.5, favourite: 2.2, favorite: 2.2,
  recommend: 2.0, recommended: 2.0, thanks: 1.9, thank: 1.8, thx: 1.6, ty: 1.4, appreciate: 2.0,
  appreciated: 2.2, kudos: 2.2, shoutout: 1.8, bravo: 2.5, congrats: 2.4, congratulations: 2.4, wow: 2.0,
  yay: 2.4, woohoo: 2.4, cool: 1.3, fun: 2.0, cute: 1.8, epic: 2.2, legend: 2.2, hero: 2.2, heroes: 2.2,
  gem: 2.2, win: 1.8, winner: 2.2, works: 1.0, working: 0.8, worked: 1.2, fixed: 1.6, solved: 2.0,
  sorted: 1.6, resolved: 2.0, refunded: 1.5, upgraded: 1.8, improved: 1.8, improvement: 1.6, early: 1.0,
  free: 1.0, bonus: 1.5, trust: 1.5, trusted: 1.6, loyal: 1.6, super: 2.0, pleasant: 2.2, welcoming: 2.0,
  sure: 0.6, 'thank you': 2.0, 'well done': 2.6, 'made my day': 3.0, 'you rock': 2.6, 'guys rock': 2.6,
  'on time': 1.5, 'as always': 0.6, 'worth it': 2.0, 'value for money': 2.0, 'top notch': 2.8,
  'hassle free': 2.2, 'spot on': 2.4, 'nice touch': 2.2, 'thanks in advance': 0.3,
};

// A dense table reads better than one entry per line.
// prettier-ignore
const NEGATIVE: Record<string, number> = {
  hate: -2.7, hated: -2.8, hates: -2.6, terrible: -3.0, awful: -3.0, horrible: -3.1, horrendous: -3.2,
  dreadful: -3.0, atrocious: -3.2, appalling: -3.0, abysmal: -3.1, worst: -3.2, worse: -2.2, bad: -2.5,
  poor: -2.1, poorly: -2.0, useless: -2.6, pointless: -2.0, rubbish: -2.6, garbage: -2.8, crap: -2.6,
  crappy: -2.6, pathetic: -2.8, disgusting: -3.0, gross: -2.2, disgrace: -3.0, disgraceful: -3.0,
  shameful: -2.8, shame: -2.0, ridiculous: -2.3, absurd: -2.0, joke: -1.5, unacceptable: -2.8,
  outrageous: -2.8, shocking: -2.5, scandalous: -2.8, disappointed: -2.4, disappointing: -2.4,
  disappointment: -2.4, disappoints: -2.2, disappoint: -2.2, annoyed: -2.1, annoying: -2.1, irritating: -2.1,
  frustrated: -2.3, frustrating: -2.3, angry: -2.7, furious: -3.1, livid: -3.0, upset: -2.1, unhappy: -2.3,
  miserable: -2.8, hopeless: -2.5, worried: -1.6, worrying: -1.7, nervous: -1.2, anxious: -1.5,
  stressed: -1.8, stressful: -1.8, embarrassing: -1.8, embarrassed: -1.7, nightmare: -2.8, disaster: -2.8,
  mess: -1.9, chaos: -2.0, fail: -2.2, fails: -2.0, failed: -2.0, failure: -2.4, faulty: -2.2,
  defective: -2.4, broken: -2.2, broke: -1.8, damaged: -2.0, crushed: -1.5, ruined: -2.6, ruin: -2.4,
  ruins: -2.4, scam: -3.0, scammed: -3.0, scammers: -3.0, fraud: -2.7, ripoff: -2.8, 'rip off': -2.8,
  overpriced: -2.0, expensive: -1.2, pricey: -0.8, overcharged: -2.4, charged: -0.8, fee: -0.7, fees: -0.8,
  delay: -1.5, delays: -1.6, delayed: -1.7, late: -1.4, lost: -1.6, missing: -1.6, cancelled: -1.6,
  canceled: -1.6, cancelling: -0.9, canceling: -0.9, crash: -2.0, crashes: -2.0, crashing: -2.0,
  crashed: -2.0, stuck: -1.8, outage: -2.2, error: -1.6, errors: -1.6, bug: -1.4, bugs: -1.5, buggy: -2.0,
  glitch: -1.5, glitchy: -1.8, slow: -1.6, slowly: -1.0, cold: -0.8, stale: -1.8, mouldy: -2.4, moldy: -2.4,
  burnt: -1.6, rotten: -2.6, rude: -2.6, ignored: -2.2, ignore: -1.8, ignoring: -2.0, unhelpful: -2.3,
  incompetent: -2.8, clueless: -2.2, unprofessional: -2.4, waited: -1.0, waiting: -0.8, refused: -1.8,
  wrong: -1.8, problem: -1.6, problems: -1.6, issue: -1.3, issues: -1.3, complaint: -1.6, complaints: -1.6,
  complain: -1.6, avoid: -2.0, painful: -2.2, pain: -2.0, painfully: -1.2, sucks: -2.7, suck: -2.5,
  meh: -1.0, mediocre: -1.6, freezing: -1.2, soaked: -1.4, blurry: -1.4, throttled: -1.8, blocked: -1.4,
  lie: -2.0, lied: -2.4, lies: -2.2, misleading: -2.2, stolen: -2.4, dirty: -2.0, filthy: -2.6, smelly: -2.0,
  noisy: -1.4, crying: -1.8, unbelievable: -1.2, ugh: -1.8, argh: -1.8, wtf: -2.5, nobody: -0.8, zero: -0.8,
  nothing: -0.4, nowhere: -0.6, overcrowded: -1.6, crowded: -1.2, overbooked: -1.8, dropped: -0.8,
  stopped: -1.0, died: -1.8, dead: -1.8, leaking: -1.8, unreliable: -2.2, cheated: -2.5, incorrect: -1.4,
  mistake: -1.6, unfair: -2.0, greedy: -2.2, sorry: -0.3, hassle: -1.6, confusing: -1.6, confused: -1.4,
  complicated: -1.3, hard: -0.6, difficult: -1.2, impossible: -1.6, refund: -0.4, rough: -1.2, fault: -0.8,
  unusable: -2.6, inconvenient: -1.6, disrespectful: -2.6, scary: -1.8, dangerous: -2.2, unsafe: -2.2,
  downgrade: -1.6, sick: -1.5, tired: -1.0, 'for nothing': -1.5, 'fed up': -2.5, 'sick of': -2.3,
  'still waiting': -1.8, 'on hold': -1.2, 'never again': -2.5, 'not again': -1.6, 'still nothing': -1.8,
  'no reply': -1.6, 'no response': -1.6, 'no answer': -1.4, "can't believe": -1.0, 'let down': -2.2,
  'went wrong': -1.8, 'gone down': -1.2,
  // "like" alone is mostly a preposition; negated, it is a verb of dislike.
  'not like': -1.8, "don't like": -1.8, "didn't like": -1.8, "doesn't like": -1.8, 'dont like': -1.8,
  'didnt like': -1.8, 'doesnt like': -1.8,
};

export const LEXICON_EN: SentimentLexicon = {
  language: 'en',
  valences: { ...POSITIVE, ...NEGATIVE },
  // prettier-ignore
  boosters: {
    very: 0.293, really: 0.293, extremely: 0.4, incredibly: 0.35, absolutely: 0.35, so: 0.25, super: 0.293,
    totally: 0.3, completely: 0.3, utterly: 0.35, highly: 0.3, hugely: 0.3, truly: 0.293, such: 0.2,
    most: 0.2, exceptionally: 0.35, particularly: 0.2, especially: 0.2, remarkably: 0.3, seriously: 0.25,
    fully: 0.2, deeply: 0.3, thoroughly: 0.3, quite: 0.15, too: 0.2, soo: 0.3, sooo: 0.35, massively: 0.3,
    insanely: 0.35, huge: 0.25, big: 0.15, slightly: -0.293, somewhat: -0.293, kinda: -0.25, barely: -0.35,
    marginally: -0.3, partly: -0.25, fairly: -0.15, 'a bit': -0.293, 'a little': -0.293, 'kind of': -0.25,
    'sort of': -0.25,
  },
  // prettier-ignore
  negators: [
    'not', 'no', 'never', 'none', 'nope', 'nor', 'neither', 'without', 'nothing', 'nowhere', 'rarely',
    'seldom', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont',
    'wouldnt', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint',
  ],
  conditionalNegators: [],
  postVerbalNegators: [],
  contrast: ['but', 'however'],
  emphaticNegation: ['at all'],
  variants: (w) => {
    const out: string[] = [];
    if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
    if (w.endsWith('es') && w.length > 4) out.push(w.slice(0, -2));
    if (w.endsWith('s') && w.length > 3) out.push(w.slice(0, -1));
    if (w.endsWith('ly') && w.length > 5) out.push(w.slice(0, -2));
    return out;
  },
};
