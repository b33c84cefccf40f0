// How the window looks: the colour scheme the person chose, and what it means for the native window.
import type { ColorSchemeChoice } from '../model/index';

/** The colour-scheme choices, in the order the settings screen offers them. */
export const COLOR_SCHEME_CHOICES = [
  'system',
  'light',
  'dark',
] as const satisfies readonly ColorSchemeChoice[];

/**
 * The window's background in each scheme: the colour the native window paints before the page has
 * drawn (and while it resizes), so that a dark window never flashes white. The same values as the
 * page's body background (Mantine's white and dark-7).
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#242424' } as const;
