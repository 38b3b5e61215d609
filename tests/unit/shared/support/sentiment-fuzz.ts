// Inputs for the sentiment/language differential tests: hand-picked edge cases of the old regexes, and seeded
// random posts built from the lexicons' own words with the punctuation, emoji, links and mentions around them.
import { LEXICON_EN } from '../../../../src-shared/text/lexicon-en.ts';
import { LEXICON_FR } from '../../../../src-shared/text/lexicon-fr.ts';
import type { SentimentLexicon } from '../../../../src-shared/text/sentiment-types.ts';

export const edgeCases: readonly string[] = [
  '',
  ' ',
  '!!!',
  'good',
  'GOOD',
  'Good',
  'not good',
  'NOT good',
  'I LOVE IT',
  'I LOVE it',
  ":) :( <3 :'( >:( :D :P :p :/ :| =) =D =P =p :-) :-D :-P :-/ ;) ;-)",
  'good:)',
  'good :)bad',
  ':))',
  ':DD great',
  'x>:( bad',
  '>:(, ugh',
  'so sad :(.',
  'sad :(\nhappy :)',
  '<3<3 love',
  'a<3 b',
  '\u00a0:)\u3000:(',
  '😍😡👍🏽👎🏿❤️❤🤦‍♀️🤦‍♂️🤦🏻‍♀️😮‍💨☹️⚠️☀️',
  '👨‍👩‍👧‍👦 family 🏳️‍🌈',
  'ℹ info ℹ️ ℹ\u200d😀 aℹb',
  'keycap 1️⃣ #️⃣ ©️ ®',
  '2024 was great, 3rd time lucky',
  "l'2 qu'3 L'appli N'EST PAS top",
  'L’appli n’est pas géniale, qu’il dit',
  'lʼappli nʼest pas bonne',
  'l\u1ffdappli l\u1fefappli l´appli',
  'Cafe\u0301 de\u0301c\u0327u tre\u0300s',
  'Café déçu très Œuvre cœur Straße İstanbul',
  'ǅemal ǈ 𝐆𝐑𝐄𝐀𝐓 𝐠𝐫𝐞𝐚𝐭 Ⅻ ²³',
  '中文 很好 good',
  'ſuper great httpſ://x.com ſhttp://y.com',
  'Kelvin \u212ahttp://x.com good',
  'see https://example.com/great-awesome-love',
  'HTTPS://EXAMPLE.COM/AWFUL awful',
  'xhttps://bad.example/terrible ok',
  '_http://a.b great',
  'http:// empty link bad',
  'http://\u00a0nbsp great',
  'https://a.b/c,https://d.e/f great',
  'link: https://ex.com/a?b=1. Great!',
  '@Shop do you ship?',
  '@user@mastodon.social terrible service',
  '@a@b.c-@d great',
  // The match before takes the '-' that would have opened this mention, so "great" stays.
  '@a@b.c-@great',
  '@a@b.c-@GREAT awful',
  '@a.b@c awful',
  '@@a good',
  'x@y.com great',
  'mail me a@b terrible',
  '😀@user lovely',
  'é@user lovely',
  '_@user bad',
  '@user.name.',
  '@a-b-c_d great @-bad',
  '#great #awful hashtags',
  "d'@Orange super",
  "aujourd'hui c'est l'horreur",
  "jusqu'à quoiqu'il lorsqu'on puisqu'elle",
  "can't believe how good, won't recommend enough",
  "I can't recommend them enough",
  'not happy at all',
  'pas content du tout',
  "ne marchent pas, file d'attente énorme",
  "L'appli ne marche plus",
  'Le nouveau forfait est plus avantageux',
  'Un peu cher mais ça vaut vraiment le coup',
  'plus jamais ça',
  'never again',
  'The staff were lovely but the food was awful',
  'good?? bad?? ok???',
  'great!!!!!! awful??',
  'good – bad — ok - fine, nice',
  'good…bad. ok; fine!nice?great\nawful',
  'a\ud83dgood \ude00bad \ud83d',
  '\ud800@user great',
  'tab\tgood\vbad\fok\rfine',
  'super pratique',
  'kind of bad',
  'a bit slow',
  'so so so good',
  'very very very very good',
];

const EMOTICONS = [
  ':)',
  ':(',
  '<3',
  ":'(",
  '>:(',
  ':D',
  ':P',
  ':p',
  ':/',
  ':|',
  '=)',
  '=D',
  ':-)',
  ':-(',
  ';)',
];
const EMOJI = [
  '😍',
  '😡',
  '👍',
  '👍🏽',
  '👎🏿',
  '❤️',
  '❤',
  '🤦‍♀️',
  '🤦🏻‍♂️',
  '😮‍💨',
  '☹️',
  '⚠️',
  '🎉',
  '💔',
  '👨‍👩‍👧',
  'ℹ️',
  '🐌',
];
const PUNCTUATION = ['!', '?', '.', ';', '…', ',', '–', '—', '-', '!!', '??', '...', ':', '"', '(', ')'];
const GLUE = [' ', ' ', ' ', ' ', ' ', '', '\n', '  ', '\u00a0', ', ', '. ', '! '];
const LINKS = [
  'https://example.com/great',
  'http://ex.fr/a?b=1.',
  'HTTP://SHOUT.EXAMPLE/BAD',
  'https://x.y/😍',
  'https://',
  'www.example.com',
];
const MENTIONS = [
  '@shop',
  '@u@h.t-',
  '@user@mastodon.social',
  '@a.b-c',
  '@Équipe_1',
  '@x@y',
  '@@z',
  'me@host.tld',
];
const ODDITIES = [
  "l'",
  "n'",
  "qu'",
  "L'",
  'N’',
  'ʼ',
  "'",
  '’',
  '\u0301',
  '\u0327',
  'é',
  'È',
  'œ',
  'ſ',
  '\u212a',
  'ℹ',
  '\ud83d',
  '\ude00',
  '\u3000',
  '2',
  '42',
  '#tag',
  '#',
  '@',
  'İ',
];

function wordsOf(lexicon: SentimentLexicon): string[] {
  return [
    ...Object.keys(lexicon.valences),
    ...Object.keys(lexicon.boosters),
    ...lexicon.negators,
    ...lexicon.conditionalNegators,
    ...lexicon.postVerbalNegators,
    ...lexicon.contrast,
    ...lexicon.emphaticNegation,
  ];
}
const EN_WORDS = [
  ...wordsOf(LEXICON_EN),
  'the',
  'service',
  'delivery',
  'it',
  'was',
  'is',
  "don't",
  "isn't",
  "can't",
  'enough',
];
const FR_WORDS = [
  ...wordsOf(LEXICON_FR),
  'le',
  'service',
  'livraison',
  "c'est",
  "n'est",
  'les',
  'colis',
  "j'aime",
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A lexicon word, sometimes capitalised, shouted, pluralised or with its accents taken apart. */
function word(random: () => number, words: readonly string[]): string {
  let w = pick(random, words);
  const r = random();
  if (r < 0.12) w = w.toUpperCase();
  else if (r < 0.2) w = w.charAt(0).toUpperCase() + w.slice(1);
  else if (r < 0.25) w = `${w}s`;
  else if (r < 0.28) w = w.normalize('NFD');
  else if (r < 0.31) w = w.replace(/'/g, '’');
  return w;
}

function piece(random: () => number, words: readonly string[]): string {
  const r = random();
  if (r < 0.62) return word(random, words);
  if (r < 0.7) return pick(random, PUNCTUATION);
  if (r < 0.77) return pick(random, EMOTICONS);
  if (r < 0.84) return pick(random, EMOJI);
  if (r < 0.88) return pick(random, LINKS);
  if (r < 0.92) return pick(random, MENTIONS);
  return pick(random, ODDITIES);
}

/** `count` posts of 1–40 pieces, mostly one language, sometimes both. */
export function fuzzTexts(random: () => number, count: number): string[] {
  const texts: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const mix = random();
    const length = 1 + Math.floor(random() * random() * 40);
    let text = '';
    for (let i = 0; i < length; i += 1) {
      const words = mix < 0.45 ? EN_WORDS : mix < 0.9 ? FR_WORDS : random() < 0.5 ? EN_WORDS : FR_WORDS;
      text += piece(random, words) + pick(random, GLUE);
    }
    texts.push(random() < 0.5 ? text.trim() : text);
  }
  return texts;
}
