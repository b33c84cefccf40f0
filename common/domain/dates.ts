/** The months' names in English, for dates written out in words. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "3 December 2026" from an ISO date or timestamp (its first ten characters). */
export function dayInWords(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** "June 2012" from YYYY-MM(-DD), or "an unknown date" (breach dates are rarely precise to the day). */
export function monthYear(date: unknown): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}/.test(date)) return 'an unknown date';
  const [year, month] = date.split('-').map(Number) as [number, number];
  const name = MONTH_NAMES[month - 1];
  return name ? `${name} ${year}` : 'an unknown date';
}
