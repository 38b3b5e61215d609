// One density choice for the palette and the deck menu: applied at once, then saved.
import type { AppServices } from '../../../app-context.tsx';
import type { DensityPreference } from '../../../preferences.ts';

/** Applies and saves a density choice (the palette, the deck menu). */
export function chooseDensity(
  services: Pick<AppServices, 'store' | 'settings'>,
  density: DensityPreference,
): void {
  services.store.getState().setDensity(density);
  services.settings.set('deck.density', density).catch(() => undefined);
}
