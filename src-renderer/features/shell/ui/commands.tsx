// The command palette's registry: the app frame lists sections and preferences, and any mounted feature
// (the deck) adds its own actions while it is on screen. Providers are read when the palette opens, so the
// list always reflects the current workspaces and columns.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface Command {
  readonly id: string;
  readonly label: string;
  /** Shown beside the label and matched by the filter: "Go to", "Deck", "Workspace", … */
  readonly group: string;
  /** The shortcut that does the same thing without the palette. */
  readonly shortcut?: string;
  run(): void;
}

export type CommandProvider = () => readonly Command[];

interface Registry {
  add(provider: CommandProvider): () => void;
  all(): readonly Command[];
}

const RegistryContext = createContext<Registry | null>(null);

export function CommandsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState<Registry>(() => {
    const providers = new Set<{ current: CommandProvider }>();
    return {
      add(provider) {
        const entry = { current: provider };
        providers.add(entry);
        return () => void providers.delete(entry);
      },
      all: () => [...providers].flatMap((entry) => entry.current()),
    };
  });
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export function useCommandRegistry(): Registry | null {
  return useContext(RegistryContext);
}

/** Offers `provider`'s commands while the calling component is mounted (a no-op outside the app frame). */
export function useCommands(provider: CommandProvider): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(provider);
  latest.current = provider;
  useEffect(() => registry?.add(() => latest.current()), [registry]);
}
