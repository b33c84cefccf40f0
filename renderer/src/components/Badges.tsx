import { Badge } from '@mantine/core';
import {
  CRITICALITY_LABELS,
  MFA_LABELS,
  type Criticality,
  type MfaMethod,
} from '../../../common/domain/inventory';

const CRITICALITY_COLORS: Record<Criticality, string> = {
  critical: 'red',
  important: 'orange',
  standard: 'gray',
};

/** How critical an account is. */
export function CriticalityBadge({ value }: { value: Criticality }) {
  return (
    <Badge color={CRITICALITY_COLORS[value]} variant={value === 'standard' ? 'outline' : 'light'}>
      {CRITICALITY_LABELS[value]}
    </Badge>
  );
}

const STRONG: ReadonlySet<MfaMethod> = new Set(['totp', 'passkey', 'security_key', 'push']);

/** The account's second sign-in step, coloured by strength. */
export function MfaBadge({ value }: { value: MfaMethod }) {
  const color = STRONG.has(value) ? 'teal' : value === 'none' ? 'red' : value === 'unknown' ? 'gray' : 'yellow';
  return (
    <Badge color={color} variant={value === 'unknown' ? 'outline' : 'light'}>
      {MFA_LABELS[value]}
    </Badge>
  );
}
