import { format } from '../messages/format';

/** The catalogue ids of the months' names, January first (`dates.month.1` … `dates.month.12`). */
const MONTH_IDS = [
  'dates.month.1',
  'dates.month.2',
  'dates.month.3',
  'dates.month.4',
  'dates.month.5',
  'dates.month.6',
  'dates.month.7',
  'dates.month.8',
  'dates.month.9',
  'dates.month.10',
  'dates.month.11',
  'dates.month.12',
] as const;

/** The name of month `month` (1–12) in the catalogue in use, or null for another number. */
export function monthName(month: number): string | null {
  const id = MONTH_IDS[month - 1];
  return id ? format(id) : null;
}

/** "3 December 2026" from an ISO date or timestamp (its first ten characters). */
export function dayInWords(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return format('dates.day', { day, month: monthName(month) ?? '', year: String(year) });
}

/** "June 2012" from YYYY-MM(-DD), or "an unknown date" (breach dates are rarely precise to the day). */
export function monthYear(date: unknown): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}/.test(date)) return format('dates.unknown');
  const [year, month] = date.split('-').map(Number) as [number, number];
  const name = monthName(month);
  return name ? format('dates.monthYear', { month: name, year: String(year) }) : format('dates.unknown');
}
