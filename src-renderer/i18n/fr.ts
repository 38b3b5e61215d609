// Textes français ; mêmes clés que en.ts, imposées par le type Messages.
import type { ErrorCode } from '../../src-shared/contract/errors.ts';
import type { Messages } from './en.ts';

const errors: Record<ErrorCode, string> = {
  invalid_input: 'Certains champs sont à corriger. Vérifiez les champs signalés, puis réessayez.',
  unknown_method: 'Cette version de Roost ne connaît pas cette action. Redémarrez Roost ; si cela persiste, réinstallez-le.',
  forbidden: 'Roost a refusé cette demande car elle ne venait pas de la fenêtre Roost. Rechargez la fenêtre et réessayez.',
  not_found: 'Cet élément n’existe plus. Il a peut-être été supprimé dans une autre fenêtre ; la liste a été actualisée.',
  auth_failed:
    'Le serveur n’a pas accepté cet identifiant et ce mot de passe d’application. Vérifiez-les (un mot de passe d’application ressemble à xxxx-xxxx-xxxx-xxxx) et réessayez.',
  network_unreachable:
    'Roost n’a pas pu joindre le serveur. Vérifiez votre connexion Internet et l’adresse du serveur, puis réessayez.',
  rate_limited: 'Le serveur limite les requêtes en ce moment. Patientez quelques minutes, puis réessayez.',
  server_error: 'Le serveur a rencontré un problème. Réessayez dans un instant ; si cela persiste, consultez la page d’état du service.',
  keychain_locked:
    'Le trousseau du système est verrouillé. Déverrouillez-le (ouvrez votre session de trousseau) et réessayez.',
  keychain_unavailable:
    'Aucun trousseau système n’est disponible : Roost ne peut pas conserver le mot de passe en sécurité. Installez ou démarrez un service de trousseau (GNOME Keyring, KWallet) et réessayez.',
  keychain_timeout:
    'Le trousseau du système n’a pas répondu à temps. Il attend peut-être son déverrouillage dans une autre fenêtre ; faites-le, puis réessayez.',
  already_exists: 'Ce compte est déjà dans Roost.',
  internal: 'Une erreur s’est produite dans Roost. Réessayez ; si cela se reproduit, redémarrez Roost et signalez le problème.',
};

export const fr: Messages = {
  app: { name: 'Roost' },
  nav: {
    label: 'Sections',
    streams: 'Flux',
    inbox: 'Boîte de réception',
    compose: 'Rédiger',
    calendar: 'Calendrier',
    analytics: 'Statistiques',
    settings: 'Réglages',
  },
  connection: {
    connecting: 'Connexion…',
    online: 'Connecté',
    offline: 'Hors ligne : reconnexion…',
    noInternet: 'Pas de connexion Internet',
  },
  empty: {
    notYet: 'Bientôt disponible',
    streams: 'Des colonnes en direct de vos flux Bluesky, Mastodon et RSS s’afficheront ici, mises à jour à l’arrivée des messages.',
    inbox: 'Les mentions, réponses et messages qui vous sont attribués vous attendront ici, avec leur fil et les notes internes.',
    compose: 'Rédigez et programmez vos messages ici, avec un aperçu par réseau et des vérifications avant tout envoi.',
    calendar: 'Vos messages programmés et publiés apparaîtront ici dans un calendrier.',
    analytics: 'La portée, l’engagement et les résultats de vos messages seront présentés ici en graphiques.',
    needsAccount: 'Commencez par ajouter un compte.',
    addAccount: 'Aller à Réglages → Comptes',
  },
  settings: {
    title: 'Réglages',
    tabsLabel: 'Pages des réglages',
    accounts: 'Comptes',
    general: 'Général',
  },
  general: {
    language: 'Langue',
    languageSystem: 'Comme le système',
    theme: 'Thème',
    themeSystem: 'Comme le système',
    themeLight: 'Clair',
    themeDark: 'Sombre',
    savedLocally: 'Ces choix sont enregistrés sur cet ordinateur.',
  },
  accounts: {
    addTitle: 'Ajouter un compte Bluesky',
    server: 'Serveur',
    serverHint: 'Gardez https://bsky.social sauf si votre compte est hébergé sur un autre serveur.',
    handle: 'Identifiant',
    handleHint: 'Votre identifiant (par exemple alice.bsky.social) ou l’adresse e-mail de connexion.',
    appPassword: 'Mot de passe d’application',
    appPasswordHint: 'Pas votre mot de passe principal : créez dans Bluesky un mot de passe d’application pour Roost. Il est conservé dans le trousseau du système, jamais dans cette fenêtre.',
    appPasswordLink: 'Qu’est-ce qu’un mot de passe d’application ?',
    add: 'Ajouter le compte',
    adding: 'Ajout…',
    added: '{{handle}} a été ajouté.',
    listTitle: 'Vos comptes',
    loading: 'Chargement des comptes…',
    none: 'Aucun compte pour l’instant. Ajoutez-en un avec le formulaire ci-dessus.',
    avatarAlt: 'Avatar de {{name}}',
    network: { bluesky: 'Bluesky', mastodon: 'Mastodon', rss: 'RSS' },
    serverLabel: 'Serveur : {{server}}',
    status: {
      active: 'Actif',
      needs_sign_in: 'Reconnexion nécessaire',
      keychain_locked: 'Trousseau verrouillé',
      keychain_unavailable: 'Trousseau indisponible',
    },
    protected: 'Compte protégé (marque)',
    protectedHint: 'Publier sur un compte protégé demande toujours une confirmation.',
    remove: 'Retirer',
    confirmRemoval: 'Confirmer le retrait',
    cancel: 'Annuler',
    removeQuestion: 'Retirer {{handle}} de Roost ? Son mot de passe d’application est supprimé du trousseau.',
    invalid: {
      service: 'Saisissez l’adresse complète du serveur, commençant par https://.',
      identifier: 'Saisissez votre identifiant ou votre adresse e-mail.',
      appPassword: 'Saisissez un mot de passe d’application (256 caractères au plus).',
    },
  },
  vault: {
    title: 'Trousseau du système',
    checking: 'Vérification du trousseau…',
    available: 'Disponible : les mots de passe d’application sont conservés dans le trousseau du système.',
    locked: 'Verrouillé : déverrouillez votre trousseau (par exemple en rouvrant votre session), puis vérifiez à nouveau.',
    unavailable:
      'Indisponible : aucun service de trousseau n’a répondu. Installez-en ou démarrez-en un (GNOME Keyring, KWallet), puis vérifiez à nouveau.',
    timed_out: 'Sans réponse : le trousseau attend peut-être son déverrouillage dans une autre fenêtre.',
    refresh: 'Vérifier à nouveau',
  },
  errors,
};
