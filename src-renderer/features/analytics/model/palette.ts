// Chart colours from the Okabe–Ito palette, which stays distinguishable with the common colour-vision
// deficiencies. Light and dark themes use different orders so every series keeps at least 3:1 contrast
// with the background; sentiment always uses the same three meanings.
import { useEffect, useState } from 'react';

export interface ChartPalette {
  readonly series: readonly string[];
  readonly positive: string;
  readonly neutral: string;
  readonly negative: string;
  /** The previous period, drawn dashed. */
  readonly previous: string;
  readonly grid: string;
  readonly text: string;
  readonly background: string;
}

export const LIGHT_PALETTE: ChartPalette = {
  series: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00'],
  positive: '#009E73',
  neutral: '#7a7f87',
  negative: '#D55E00',
  previous: '#7a7f87',
  grid: '#d5d8dd',
  text: '#1b1d21',
  background: '#ffffff',
};

export const DARK_PALETTE: ChartPalette = {
  series: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00'],
  positive: '#009E73',
  neutral: '#a9b0bb',
  negative: '#E69F00',
  previous: '#a9b0bb',
  grid: '#3b414a',
  text: '#eceef1',
  background: '#1f2227',
};

function isDark(): boolean {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'dark') return true;
  if (pinned === 'light') return false;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** The palette for the theme on screen, following changes of the setting or the system. */
export function useChartPalette(): ChartPalette {
  const [dark, setDark] = useState(isDark);
  useEffect(() => {
    const update = () => setDark(isDark());
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media?.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return dark ? DARK_PALETTE : LIGHT_PALETTE;
}
