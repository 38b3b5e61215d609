// The shared word tokenizer and the English/French guesser.
import { describe, expect, it } from 'vitest';
import { guessLanguage, primaryLanguage } from '../../../src-shared/text/language.ts';
import { foldText } from '../../../src-shared/text/fold.ts';
import { tokenize } from '../../../src-shared/text/tokenize.ts';

describe('foldText', () => {
  it.each([
    // Plain ASCII takes a shortcut; these check it agrees with the full folding.
    ['Plain ASCII, Tabs\tand\nLINES', 'plain ascii, tabs\tand\nlines'],
    ['It`s ok', "it's ok"],
    ['Café DÉJÀ vu', 'cafe deja vu'],
    ['L’été, Œuvre', "l'ete, oeuvre"],
    ['bell\u0007 then é', 'bell\u0007 then e'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('tokenize', () => {
  it.each([
    ['Déçue par le SERVICE', ['decue', 'par', 'le', 'service']],
    ["L'appli d'@Orange qu'il n'aime pas", ['appli', '@orange', 'il', 'aime', 'pas']],
    ['Don’t #FAIL @bob@mastodon.social', ["don't", '#fail', '@bob@mastodon.social']],
    ['Œuvre, cœur, Straße', ['oeuvre', 'coeur', 'strasse']],
    ["aujourd'hui jusqu'à", ["aujourd'hui", 'a']],
    ['sous-titres Wi-Fi', ['sous', 'titres', 'wi', 'fi']],
    ['see https://ex.com/a?b=1.', ['see', 'https://ex.com/a?b=1']],
  ])('%j → %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('can drop URLs and keep elisions for callers that need them', () => {
    expect(tokenize("n'est https://x.fr ok", { dropUrls: true, keepElisions: true })).toEqual([
      "n'",
      'est',
      'ok',
    ]);
  });
});

describe('guessLanguage', () => {
  it.each([
    ['My parcel was supposed to arrive on Monday and it is still not here', 'en'],
    ["Mon colis devait arriver lundi et il n'est toujours pas là", 'fr'],
    ['Très déçue par la livraison', 'fr'],
    ['@ColisExpress #fail', 'und'],
    ['👍👍', 'und'],
    ['ok', 'und'],
  ] as const)('%j → %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it('ignores mentions and hashtags, which are names rather than language', () => {
    expect(guessLanguage('@TheBestOfThe @TheShop #TheThing merci pour la livraison')).toBe('fr');
  });

  it('reduces network language tags to their primary subtag', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('FR_ca')).toBe('fr');
    expect(primaryLanguage('')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });
});
