import { format } from '../../messages/format';
import { IMPORT_FORMAT_KEYS, IMPORT_FORMAT_LABEL_IDS } from './formatKeys';
import type { ImportFormat } from './types';

/**
 * Human labels of every format, for pickers and previews, in the order a picker lists them
 * (the user-mapped CSV last), worded by the catalogue when read. The CLI prints the keys.
 */
export const IMPORT_FORMATS: Readonly<Record<ImportFormat, { readonly label: string }>> = Object.freeze(
  Object.fromEntries(
    IMPORT_FORMAT_KEYS.map((key) => [
      key,
      Object.freeze({
        get label() {
          return format(IMPORT_FORMAT_LABEL_IDS[key]);
        },
      }),
    ]),
  ) as Record<ImportFormat, { readonly label: string }>,
);
