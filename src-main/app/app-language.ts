// The language the renderer shows, as main knows it: unknown (null) until the renderer says, after which
// the tray and the native menu follow the in-app choice instead of the system's languages. Memory only:
// the renderer repeats it at every start, as soon as its language is resolved.
export type AppLanguageCode = 'en' | 'fr';

export interface AppLanguage {
  current(): AppLanguageCode | null;
  set(language: AppLanguageCode): void;
  /** Calls `listener` after each change of language; returns the function that stops it. */
  onChange(listener: (language: AppLanguageCode) => void): () => void;
}

export function createAppLanguage(): AppLanguage {
  let language: AppLanguageCode | null = null;
  const listeners = new Set<(language: AppLanguageCode) => void>();
  return {
    current: () => language,
    set(next) {
      if (next === language) return;
      language = next;
      for (const listener of [...listeners]) listener(next);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
