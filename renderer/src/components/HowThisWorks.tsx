import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { format } from '../app/words';

/**
 * The technical detail behind a plain sentence (hashes, k-anonymity, file formats), folded away
 * in a native disclosure: the main text stays jargon-free, and the curious can open it.
 */
export function HowThisWorks({ children }: { children: ReactNode }) {
  return (
    <details>
      <summary>
        <Text span size="sm" fw={600}>
          {format('common.howThisWorks')}
        </Text>
      </summary>
      <Text size="sm" c="dimmed" mt={4}>
        {children}
      </Text>
    </details>
  );
}
