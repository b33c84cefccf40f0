/** What a person types to confirm "Erase everything" (case and surrounding spaces do not matter). */
export const ERASE_CONFIRMATION = 'erase everything';

/** Whether `typed` confirms erasing everything. */
export function confirmsErase(typed: string): boolean {
  return typed.trim().toLowerCase() === ERASE_CONFIRMATION;
}
