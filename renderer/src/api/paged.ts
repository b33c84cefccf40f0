import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';

/** How many items one request brings: a short list is one request, and one render. */
export const PAGE_SIZE = 100;

/** What a paged channel answers: the items from an offset, and how many there are in all. */
export interface Page<T> {
  total: number;
  items: T[];
}

/**
 * A long list fetched in windows from main as it comes into view: the first window (with the
 * totals) at once, the others when the rows in `range` need them. Windows stay cached under `key`
 * (which must start with the change area that refreshes them, e.g. `['tasks', …]`). While a new
 * filter's first window loads, the previous one stays on screen (`isPlaceholder`).
 */
export function usePagedList<P extends Page<T>, T>(
  key: readonly unknown[],
  fetch: (offset: number, limit: number) => Promise<P>,
  range: { start: number; end: number } | null,
) {
  const first = useQuery({
    queryKey: [...key, 0],
    queryFn: () => fetch(0, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const total = first.data?.total ?? 0;
  const wanted: number[] = [];
  if (range && total > PAGE_SIZE) {
    const last = Math.min(
      Math.floor(Math.max(range.end, 0) / PAGE_SIZE),
      Math.floor((total - 1) / PAGE_SIZE),
    );
    for (let page = Math.max(1, Math.floor(range.start / PAGE_SIZE)); page <= last; page += 1)
      wanted.push(page);
  }
  const rest = useQueries({
    queries: wanted.map((page) => ({
      queryKey: [...key, page],
      queryFn: () => fetch(page * PAGE_SIZE, PAGE_SIZE),
    })),
  });
  const pages = new Map<number, T[]>();
  if (first.data) pages.set(0, first.data.items);
  wanted.forEach((page, i) => {
    const items = rest[i]?.data?.items;
    if (items) pages.set(page, items);
  });
  return {
    first,
    total,
    /** The item at an index, or undefined while its window loads. */
    itemAt: (index: number): T | undefined => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    isPlaceholder: first.isPlaceholderData,
  };
}
