/** "1 account", "3 accounts", "0 accounts": a count with its noun in English. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
