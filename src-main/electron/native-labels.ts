// Texts of the tray and the native application menu, in the languages the renderer has (en, fr). Main has no
// i18next: these few labels live here, in the language the renderer shows once it has said which (see
// src-main/app/app-language.ts), and until then from the system's preferred languages like the renderer's default.

export interface NativeLabels {
  readonly trayTooltip: string;
  readonly show: string;
  readonly quit: string;
  readonly file: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly reload: string;
  readonly toggleDevTools: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly window: string;
  readonly minimize: string;
  readonly close: string;
  readonly about: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly showAll: string;
}

const en: NativeLabels = {
  trayTooltip: 'Roost',
  show: 'Show Roost',
  quit: 'Quit Roost',
  file: 'File',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  window: 'Window',
  minimize: 'Minimize',
  close: 'Close Window',
  about: 'About Roost',
  hide: 'Hide Roost',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
};

const fr: NativeLabels = {
  trayTooltip: 'Roost',
  show: 'Afficher Roost',
  quit: 'Quitter Roost',
  file: 'Fichier',
  edit: 'Édition',
  undo: 'Annuler',
  redo: 'Rétablir',
  cut: 'Couper',
  copy: 'Copier',
  paste: 'Coller',
  selectAll: 'Tout sélectionner',
  view: 'Affichage',
  reload: 'Recharger',
  toggleDevTools: 'Outils de développement',
  resetZoom: 'Taille réelle',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  fullScreen: 'Plein écran',
  window: 'Fenêtre',
  minimize: 'Réduire',
  close: 'Fermer la fenêtre',
  about: 'À propos de Roost',
  hide: 'Masquer Roost',
  hideOthers: 'Masquer les autres',
  showAll: 'Tout afficher',
};

export const NATIVE_LABELS = { en, fr } as const;
export type NativeLanguage = keyof typeof NATIVE_LABELS;

/** The first preferred language (BCP 47 tags, best first) Roost has labels for, else English. */
export function nativeLabelsFor(preferred: readonly string[]): NativeLabels {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'en' || base === 'fr') return NATIVE_LABELS[base];
  }
  return en;
}

/** The labels for the in-app language when the renderer has said it, else for the system's languages. */
export function nativeLabelsForApp(
  appLanguage: NativeLanguage | null,
  system: readonly string[],
): NativeLabels {
  return appLanguage ? NATIVE_LABELS[appLanguage] : nativeLabelsFor(system);
}
