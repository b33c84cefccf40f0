import { Badge, createTheme, Notification } from '@mantine/core';

/** A calm theme: one accent colour, generous radius, readable sizes. */
export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white text on filled buttons above WCAG AA contrast.
  primaryShade: 9,
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  respectReducedMotion: true,
  components: {
    // Sentence case reads calmer than shouting capitals.
    Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 600 } }),
    // Every toast's close button says what it does (a button needs a name for screen readers).
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});
