// Textes français de la protection de marque : alertes de piratage, badges d’usurpation et de lien suspect.
import type { protectionEn } from './protection-en.ts';

export const protectionFr: typeof protectionEn = {
  title: 'Protection de la marque',
  intro:
    'Roost compare les publications et le profil de chaque compte avec ce qu’il a envoyé. Tout ce qui est fait sur un compte en dehors de Roost — publication, réponse, republication, suppression ou changement de profil — apparaît ici en un intervalle de relève au plus.',
  checkNow: 'Vérifier maintenant',
  checking: 'Vérification…',
  checked: '{{count}} comptes vérifiés.',
  showAcknowledged: 'Afficher les alertes reconnues',
  none: 'Aucune alerte. Rien n’a été fait sur vos comptes en dehors de Roost.',
  list: 'Alertes',
  kind: {
    post: 'Publication faite hors de Roost',
    reply: 'Réponse faite hors de Roost',
    repost: 'Republication faite hors de Roost',
    deletion: 'Publication supprimée hors de Roost',
    profile: 'Profil modifié hors de Roost',
  },
  field: {
    displayName: 'Le nom affiché est maintenant : {{value}}',
    avatar: 'L’avatar a changé',
    description: 'La description est maintenant : {{value}}',
  },
  account: '@{{handle}}',
  acknowledge: 'C’était nous',
  acknowledgeLabel: 'C’était nous : reconnaître « {{what}} » sur @{{handle}}',
  acknowledged: 'Reconnue',
  open: 'Ouvrir la publication',
  loadFailed: 'Impossible de lire les alertes : {{message}}',
  notify: {
    title: 'Piratage possible de @{{handle}}',
    body: '{{what}}. Si ce n’était pas votre équipe, sécurisez le compte maintenant.',
    more: '{{count}} autres alertes dans Réglages → Gouvernance',
  },
  impostor: {
    badge: 'Usurpation possible',
    handle: 'Cet identifiant imite @{{imitates}}, l’un de vos comptes.',
    name: 'Ce nom affiché imite @{{imitates}}, l’un de vos comptes.',
  },
  link: {
    badge: 'Lien suspect',
    badgeCount: '{{count}} liens suspects',
    blocked: '{{host}} figure sur la liste de blocage ({{detail}}).',
    lookalike: '{{host}} imite votre domaine {{detail}}.',
    confirmTitle: 'Ouvrir ce lien ?',
    confirmOpen: 'Ouvrir quand même',
    cancel: 'Annuler',
  },
};
