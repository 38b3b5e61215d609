// Textes français de Réglages → Équipe (à part de fr.ts pour garder ensemble ceux de la fonctionnalité).
import type { teamEn } from './team-en.ts';

export const teamFr: typeof teamEn = {
  tab: 'Équipe',
  title: 'Équipe',
  intro:
    'Un serveur d’équipe partage les membres, les rôles et le journal d’audit entre les ordinateurs d’une équipe. Sans serveur, Roost fonctionne pour vous seul, comme aujourd’hui.',
  loading: 'Lecture des réglages de l’équipe…',
  join: {
    title: 'Rejoindre une équipe',
    link: 'Lien d’invitation',
    linkHint:
      'Collez le lien envoyé par un administrateur. Il ressemble à https://equipe.example/join#… et ne sert qu’une fois.',
    name: 'Votre nom dans l’équipe',
    device: 'Nom de cet ordinateur',
    deviceHint: 'Affiché dans la liste de vos appareils, pour pouvoir révoquer celui-ci s’il est perdu.',
    submit: 'Rejoindre',
    joining: 'Connexion à l’équipe…',
    keychain:
      'La clé de cet ordinateur pour l’équipe est gardée dans le trousseau du système ; elle ne quitte jamais le processus principal de Roost.',
  },
  state: {
    connecting: 'Connexion au serveur d’équipe…',
    connected: 'Connecté',
    offline:
      'Le serveur d’équipe est injoignable. Roost réessaie ; les changements de l’équipe arriveront dès qu’il répondra.',
    revoked: 'Accès révoqué',
  },
  overview: {
    server: 'Serveur',
    name: 'Nom',
    role: 'Votre rôle',
    status: 'État',
    leave: 'Quitter cette équipe',
    leaveConfirm:
      'Quitter l’équipe ? La clé de cet ordinateur et sa copie des données de l’équipe seront effacées. Pour revenir, il faudra une nouvelle invitation.',
    leaveYes: 'Quitter l’équipe',
    cancel: 'Annuler',
    left: 'Vous avez quitté l’équipe. Roost fonctionne maintenant pour vous seul.',
  },
  revoked: {
    title: 'Cet ordinateur n’a plus accès à l’équipe',
    member: 'Un administrateur vous a retiré de l’équipe le {{time}}.',
    device: 'L’accès de cet ordinateur à l’équipe a été révoqué le {{time}}.',
    erased:
      'Roost a effacé les données de l’équipe qu’il gardait sur cet ordinateur dès qu’il l’a appris. Ce que cet ordinateur détenait pendant qu’il était hors ligne n’a pas pu être repris : ce qui a été copié hors de Roost avant reste là où il a été copié.',
    personal: 'Vos propres comptes, colonnes et brouillons ne sont pas touchés.',
    check: 'Vérifier auprès du serveur',
    forget: 'Oublier cette équipe',
  },
  roles: {
    owner: 'Propriétaire',
    admin: 'Administrateur',
    lead: 'Responsable',
    expert: 'Expert',
    limited: 'Limité',
    viewer: 'Lecteur',
  },
  devices: {
    title: 'Mes appareils',
    empty: 'Aucun appareil.',
    current: 'cet ordinateur',
    enrolled: 'ajouté le {{time}}',
    revokedOn: 'révoqué le {{time}}',
    revoke: 'Révoquer',
    revokeLabel: 'Révoquer {{name}}',
  },
  members: {
    title: 'Membres',
    name: 'Nom',
    role: 'Rôle',
    joined: 'Arrivée',
    actions: 'Actions',
    you: '(vous)',
    roleLabel: 'Rôle de {{name}}',
    revoke: 'Révoquer',
    revokeLabel: 'Révoquer {{name}}',
    revokeConfirm:
      'Révoquer {{name}} ? Ses ordinateurs perdent l’accès en moins d’une seconde et sa prochaine requête est refusée. Ce que son portable détenait hors ligne ne peut pas être repris.',
    revokeYes: 'Révoquer {{name}}',
    revokedOn: 'révoqué le {{time}}',
    changed:
      'Quelqu’un a modifié ce membre depuis l’affichage de la liste. La liste a été rechargée ; recommencez.',
  },
  invitations: {
    title: 'Invitations',
    role: 'Rôle',
    expiry: 'Valable',
    hours_one: '{{count}} heure',
    hours_other: '{{count}} heures',
    days_one: '{{count}} jour',
    days_other: '{{count}} jours',
    create: 'Créer une invitation',
    created: 'Invitation créée. Envoyez ce lien à la personne invitée ; il ne sert qu’une fois.',
    copy: 'Copier le lien',
    copied: 'Copié.',
    copyFailed: 'Copie impossible ; sélectionnez le lien et copiez-le à la main.',
    empty: 'Aucune invitation ouverte.',
    open: '{{role}}, expire le {{time}}',
    used: '{{role}}, utilisée le {{time}}',
    revokedOn: '{{role}}, révoquée le {{time}}',
    expired: '{{role}}, expirée le {{time}}',
    revoke: 'Révoquer',
    revokeLabel: 'Révoquer l’invitation {{role}}',
  },
  audit: {
    title: 'Journal d’audit',
    intro:
      'Chaque requête que le serveur d’équipe a acceptée ou refusée. Personne ne peut modifier ni supprimer une entrée.',
    actor: 'Auteur',
    anyone: 'Tout le monde',
    action: 'Action contenant',
    from: 'Du',
    to: 'Au',
    apply: 'Filtrer',
    export: 'Exporter en CSV',
    empty: 'Aucune entrée ne correspond.',
    time: 'Heure',
    target: 'Cible',
    result: 'Résultat',
    results: { ok: 'fait', refused: 'refusé' },
    system: 'système',
    count_one: '{{count}} entrée',
    count_other: '{{count}} entrées',
  },
  errors: {
    not_a_link:
      'Ce n’est pas un lien d’invitation Roost. Collez le lien entier, y compris la partie après #.',
    invitation_invalid:
      'Cette invitation a déjà servi, a été révoquée ou a expiré. Demandez-en une nouvelle.',
    auth_failed:
      'Le serveur d’équipe a refusé cet ordinateur : son accès a été révoqué ou l’équipe l’a oublié.',
    forbidden: 'Votre rôle dans l’équipe ne le permet pas.',
    network_unreachable: 'Le serveur d’équipe est injoignable. Vérifiez l’adresse et votre connexion.',
    keychain:
      'Le trousseau du système est verrouillé ou indisponible : la clé d’équipe de cet ordinateur est inutilisable.',
    already_exists: 'Cet ordinateur fait déjà partie d’une équipe. Quittez-la d’abord.',
    other: 'Le serveur d’équipe n’a pas pu le faire : {{message}}',
  },
};
