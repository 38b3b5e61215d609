// Negation and contrast in English and French: the examples ("not good enough", "je n'aime pas",
// "ce n'est pas acceptable", "pas du tout satisfait"), French negation after the verb, only an inability
// turning "… enough" into praise, and the clause after a contrast weighing more.
import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../../src-shared/text/sentiment.ts';

const label = (text: string, lang: 'en' | 'fr') => scoreSentiment(text, lang).label;

describe('negation', () => {
  it.each([
    ['The quality is not good enough.', 'negative'],
    ['Not good enough for a premium brand', 'negative'],
    ['I do not like the new layout', 'negative'],
    ["We didn't like the food", 'negative'],
    ['This is not acceptable', 'negative'],
    ['Not satisfied at all', 'negative'],
    ["I can't recommend them enough", 'positive'],
    ["Can't thank you enough!", 'positive'],
    ['Not bad at all', 'positive'],
  ] as const)('en: %j is %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });

  it.each([
    ["Je n'aime pas", 'negative'],
    ["Je n'aime pas ce produit", 'negative'],
    ["Ce n'est pas acceptable", 'negative'],
    ["Ce n'est plus acceptable", 'negative'],
    ['Pas du tout satisfait', 'negative'],
    ["J'aime pas le nouveau design", 'negative'],
    ['Je recommande pas cette boutique', 'negative'],
    ["Je n'ai pas aimé", 'negative'],
    ["Ce n'est pas mal", 'positive'],
    ['Pas mal du tout', 'positive'],
  ] as const)('fr: %j is %s', (text, expected) => {
    expect(label(text, 'fr')).toBe(expected);
  });

  it('weighs a French elided negation like a full one', () => {
    expect(scoreSentiment("Je n'aime pas", 'fr').score).toBe(scoreSentiment('Je ne aime pas', 'fr').score);
  });
});

describe('contrast', () => {
  it.each([
    ['Great food but terrible service', 'en', 'negative'],
    ['The wait was terrible, but the food was great', 'en', 'positive'],
    ["C'est joli, toutefois beaucoup trop cher et fragile", 'fr', 'negative'],
    ['Livraison en retard, néanmoins le produit est excellent', 'fr', 'positive'],
    ["C'est cher mais ça vaut le coup", 'fr', 'positive'],
  ] as const)('%j (%s) is %s', (text, lang, expected) => {
    expect(label(text, lang)).toBe(expected);
  });
});
