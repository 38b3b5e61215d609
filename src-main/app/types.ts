// What a transport (Electron IPC, browser-mode host) needs from main's services.
import type { Router } from '../rpc/router.ts';
import type { EventBus } from '../rpc/event-bus.ts';
import type { AppLanguage } from './app-language.ts';

export interface MainServices {
  readonly router: Router;
  readonly events: EventBus;
  /** The language the renderer shows; the tray and native menu follow it. */
  readonly language: AppLanguage;
  /** The OS or browser says the network went up or down. */
  setOnline(online: boolean): void;
  /** The machine is about to sleep or just woke. */
  notifyPower(state: 'suspend' | 'resume'): void;
  /** Stops every timer, child process and database handle. */
  stop(): Promise<void>;
}

export interface MainServicesOptions {
  /** Folder for main's SQLite database and logs. */
  readonly dataDir: string;
  readonly mode: 'electron' | 'browser';
  readonly version: string;
  /**
   * Browser mode's `--private-keyring`: the environment that reaches a throwaway Secret Service, whose
   * secrets vanish when Roost stops (the UI says so).
   */
  readonly privateKeyringEnv?: NodeJS.ProcessEnv;
}
