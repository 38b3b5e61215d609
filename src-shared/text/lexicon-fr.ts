// French sentiment lexicon for customer-service posts: remerciements, réclamations, retards, remboursements,
// pannes. Valences on VADER's −4…+4 scale, written by hand for this domain. Keys keep their accents for
// readability; the scorer folds them, so "decu" and "déçu" meet.
import type { SentimentLexicon } from './sentiment-types.ts';

// A dense table reads better than one entry per line.
// prettier-ignore
const POSITIVE: Record<string, number> = {
  acceptable: 1.2,
  merci: 1.8, remercie: 1.9, remerciements: 2.0, génial: 3.1, géniale: 3.1, géniaux: 3.1, super: 2.0,
  top: 2.0, excellent: 3.1, excellente: 3.1, parfait: 2.9, parfaitement: 2.5, adore: 3.2, adoré: 3.0,
  adorer: 2.8, adorable: 2.6, aime: 2.2, aimé: 2.2, bon: 1.8, bonne: 1.8, bons: 1.8, mieux: 1.2,
  meilleur: 2.6, meilleure: 2.6, bravo: 2.6, félicitations: 2.6, chapeau: 1.8, délicieux: 2.9,
  délicieuse: 2.9, délice: 2.8, savoureux: 2.2, content: 2.2, heureux: 2.6, heureuse: 2.6, ravi: 2.8,
  satisfait: 2.0, impressionné: 2.4, impressionnant: 2.6, rapide: 1.3, rapidement: 1.1, efficace: 1.9,
  pratique: 1.4, fiable: 2.0, propre: 1.2, calme: 0.8, agréable: 2.3, sympa: 2.0, sympathique: 2.0,
  gentil: 2.1, gentille: 2.1, aimable: 2.0, serviable: 2.3, patient: 1.4, patience: 1.0, rassurant: 2.0,
  soigneux: 1.6, confortable: 1.8, remarquable: 2.6, magnifique: 3.0, formidable: 3.0, incroyable: 1.5,
  nickel: 2.2, impeccable: 2.6, cool: 1.4, chouette: 2.2, fantastique: 3.0, extraordinaire: 2.8,
  superbe: 3.0, merveilleux: 3.0, merveilleuse: 3.0, plaisir: 2.2, recommande: 2.0, recommander: 1.8,
  avantageux: 1.6, réglé: 1.6, résolu: 2.0, réparé: 1.6, corrigé: 1.4, remboursé: 1.4, retrouvé: 1.2,
  surclassé: 1.8, offert: 1.2, gratuit: 1.0, appréciable: 1.8, apprécié: 2.0, apprécie: 2.0, waouh: 2.0,
  wow: 2.0, ouah: 2.0, solide: 1.5, facile: 1.4, facilement: 1.2, réactif: 2.0, réactive: 2.0,
  réactivité: 1.8, professionnel: 1.8, fonctionne: 1.0, fonctionnent: 1.0, marche: 0.9, marchent: 1.0,
  fluide: 1.6, efficacité: 1.8, qualité: 0.6, confiance: 1.5, fidèle: 1.4, bonheur: 2.8, joie: 2.6,
  heureusement: 1.2, enfin: 0.4, vite: 0.8, idéal: 2.4, idéale: 2.4, pro: 1.2, classe: 1.8, convaincu: 1.6,
  convaincant: 1.8, 'au top': 2.6, 'au poil': 2.4, 'grand merci': 2.6, 'vaut le coup': 2.0,
  'vaut la peine': 2.0, 'les yeux fermés': 1.6, 'fait plaisir': 2.4, "à l'heure": 1.5, 'comme toujours': 0.6,
  'bon travail': 2.4, 'rien à redire': 2.4, 'merci de': 0, 'très bien': 2.0, 'trop bien': 2.4,
  'bien joué': 2.4, 'tant mieux': 1.6, "merci d'avance": 0.3,
};

// A dense table reads better than one entry per line.
// prettier-ignore
const NEGATIVE: Record<string, number> = {
  nul: -2.7, nulle: -2.7, nuls: -2.7, nulles: -2.7, déçu: -2.4, décevant: -2.4, déception: -2.4,
  déçoit: -2.2, décevoir: -2.2, horrible: -3.1, affreux: -3.0, affreuse: -3.0, catastrophique: -3.0,
  catastrophe: -2.8, lamentable: -2.9, pire: -3.0, pitoyable: -2.8, honteux: -2.8, honteuse: -2.8,
  honte: -2.4, scandaleux: -2.9, scandale: -2.8, inadmissible: -2.9, inacceptable: -2.8, arnaque: -3.0,
  arnaqué: -3.0, escroquerie: -3.0, escrocs: -3.0, voleurs: -2.8, agacé: -2.0, agaçant: -2.1, énervant: -2.3,
  énervé: -2.3, furieux: -3.0, furieuse: -3.0, fâché: -2.3, colère: -2.4, mécontent: -2.3, insatisfait: -2.2,
  frustrant: -2.3, frustré: -2.2, inquiet: -1.6, inquiète: -1.6, stressant: -1.8, pénible: -2.1,
  galère: -2.2, cauchemar: -2.8, désastre: -2.8, mauvais: -2.4, mauvaise: -2.4, mal: -1.8, médiocre: -2.0,
  moyen: -0.5, inutile: -2.3, cassé: -2.1, casse: -1.5, abîmé: -2.0, défectueux: -2.2, défectueuse: -2.2,
  panne: -2.0, plante: -1.5, planté: -1.6, bug: -1.4, bugue: -1.6, erreur: -1.5, retard: -1.6, retardé: -1.7,
  annulé: -1.6, supprimé: -1.2, perdu: -1.6, manquant: -1.5, manque: -1.2, lent: -1.6, lente: -1.6,
  lenteur: -1.8, froid: -0.8, froide: -0.8, rassis: -1.8, moisi: -2.4, brûlé: -1.6, sale: -2.0,
  malpoli: -2.6, impoli: -2.6, désagréable: -2.4, ignoré: -2.0, bloqué: -1.5, coincé: -1.5, débité: -0.8,
  prélevé: -0.8, cher: -1.0, chère: -1.0, problème: -1.5, souci: -1.4, plainte: -1.5, réclamation: -1.0,
  gâché: -2.4, gâcher: -2.2, fichu: -1.8, trempé: -1.2, flou: -1.2, bridé: -1.6, blague: -1.4,
  débarqué: -1.2, surbooking: -1.6, bondé: -1.4, pleurs: -1.6, peur: -1.6, pff: -1.5, pfff: -1.7,
  marre: -2.5, fuyez: -2.6, fuir: -2.2, éviter: -1.5, évitez: -2.0, zéro: -0.8, impossible: -1.6,
  compliqué: -1.3, difficile: -1.2, dommage: -1.5, hélas: -1.2, malheureusement: -1.4, triste: -2.0,
  déplorable: -2.8, minable: -2.8, naze: -2.4, pourri: -2.8, merdique: -3.0, merde: -2.6, bof: -1.0,
  remboursement: -0.3, remboursez: -0.6, inquiétant: -1.8, honteusement: -2.4, dégoûté: -2.6,
  dégoûtant: -2.8, écœuré: -2.6, déplaisant: -2.2, incompétent: -2.8, incompétence: -2.6, mensonge: -2.2,
  menteur: -2.4, trompeur: -2.2, injuste: -2.0, dangereux: -2.2, pitié: -1.4, ridicule: -2.3, absurde: -2.0,
  humiliant: -2.6, gêné: -1.4, gênant: -1.6, attente: -0.6, attendre: -0.5, déconnecte: -1.0, galérer: -2.0,
  râler: -1.6, plaintes: -1.5, déteste: -2.7, détester: -2.6, détesté: -2.7, détestable: -2.8,
  manquent: -1.5, manquaient: -1.5, manquait: -1.5, 'moins bien': -1.2, 'pour rien': -1.5,
  'ras le bol': -2.6, 'en colère': -2.6, 'ne sert à rien': -2.4, 'sert à rien': -2.4, "n'importe quoi": -2.3,
  'plus jamais': -2.4, 'hors service': -2.0, 'en retard': -1.6, 'toujours rien': -1.8, 'toujours pas': -1.0,
  'aucune réponse': -1.6, 'pas de réponse': -1.6, "j'y crois pas": -1.0, 'se moque': -2.4,
  'se moquent': -2.4, foutez: -2.6, "n'est nulle part": -1.8, "ne sont nulle part": -1.8,
};

export const LEXICON_FR: SentimentLexicon = {
  language: 'fr',
  valences: { ...POSITIVE, ...NEGATIVE },
  // prettier-ignore
  boosters: {
    très: 0.293, vraiment: 0.293, tellement: 0.3, trop: 0.293, extrêmement: 0.4, super: 0.293, hyper: 0.3,
    ultra: 0.3, vachement: 0.3, absolument: 0.35, totalement: 0.3, complètement: 0.3, particulièrement: 0.2,
    énormément: 0.35, si: 0.2, tant: 0.2, infiniment: 0.35, carrément: 0.3, grave: 0.25, franchement: 0.15,
    plus: 0.1, bien: 0.2, 'un peu': -0.293, légèrement: -0.293, plutôt: -0.15, moyennement: -0.35,
    assez: -0.1, presque: -0.2, 'un petit peu': -0.35,
  },
  negators: [
    'ne',
    "n'",
    'non',
    'pas',
    'jamais',
    'aucun',
    'aucune',
    'rien',
    'sans',
    'ni',
    'nullement',
    'guère',
  ],
  conditionalNegators: ['plus'],
  postVerbalNegators: ['pas', 'jamais'],
  contrast: [
    'mais',
    'cependant',
    'pourtant',
    'par contre',
    'en revanche',
    'toutefois',
    'néanmoins',
    'sauf que',
  ],
  emphaticNegation: ['du tout'],
  variants: (w) => {
    const out: string[] = [];
    const singular = w.length > 3 && (w.endsWith('s') || w.endsWith('x')) ? w.slice(0, -1) : w;
    if (singular !== w) out.push(singular);
    if (singular.length > 3 && singular.endsWith('e')) out.push(singular.slice(0, -1));
    return out;
  },
};
