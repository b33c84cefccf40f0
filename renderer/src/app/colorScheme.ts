import { useEffect } from 'react';
import { useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import type { ColorSchemeChoice } from '../../../common/model/index';
import { useSettings } from '../api/hooks';

const MANTINE_SCHEME: Record<ColorSchemeChoice, MantineColorScheme> = {
  system: 'auto',
  light: 'light',
  dark: 'dark',
};

/**
 * Applies the colour scheme chosen in Settings (System follows `prefers-color-scheme`). Mantine
 * also keeps the choice in local storage, so the next start paints in it before the settings load.
 */
export function useColorSchemeSetting(): void {
  const settings = useSettings();
  const { setColorScheme } = useMantineColorScheme();
  const choice = settings.data?.colorScheme;
  useEffect(() => {
    if (choice) setColorScheme(MANTINE_SCHEME[choice]);
  }, [choice, setColorScheme]);
}

/**
 * Prints in the light scheme whatever the screen shows: paper is white, and light text on it would
 * be unreadable. The switch is made on the document element itself, synchronously, because the
 * browser lays the page out for printing right after `beforeprint` returns.
 */
export function usePrintInLight(): void {
  useEffect(() => {
    const root = document.documentElement;
    let shown: string | undefined;
    const before = () => {
      shown = root.dataset.mantineColorScheme;
      root.dataset.mantineColorScheme = 'light';
    };
    const after = () => {
      if (shown) root.dataset.mantineColorScheme = shown;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
