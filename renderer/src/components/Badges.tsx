import { Badge } from '@mantine/core';
import {
  CRITICALITY_LABELS,
  MFA_LABELS,
  type Criticality,
  type MfaMethod,
} from '../../../common/domain/inventory';
import {
  strengthLabel,
  strengthMeaning,
  type StrengthScore,
} from '../../../common/domain/passwords/strength';

/** Badge colours chosen for WCAG AA contrast (Mantine's light variant falls below it on small text). */
const TONES = {
  red: { color: '#a51d1d', background: '#fff5f5', border: '#ffc9c9' },
  orange: { color: '#8f3300', background: '#fff4e6', border: '#ffd8a8' },
  yellow: { color: '#6b4700', background: '#fff9db', border: '#ffec99' },
  teal: { color: '#066649', background: '#e6fcf5', border: '#96f2d7' },
  gray: { color: '#495057', background: '#ffffff', border: '#ced4da' },
} as const;

// A label longer than its column (a longer language) wraps inside the badge instead of being cut off.
const WRAPPING = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;

/** A small status label in one of a few accessible tones. */
export function ToneBadge({
  tone,
  children,
  title,
}: {
  tone: keyof typeof TONES;
  children: string;
  title?: string;
}) {
  const { color, background, border } = TONES[tone];
  return (
    <Badge
      variant="outline"
      style={{ color, backgroundColor: background, borderColor: border }}
      styles={WRAPPING}
      {...(title ? { title } : {})}
    >
      {children}
    </Badge>
  );
}

const CRITICALITY_TONES: Record<Criticality, keyof typeof TONES> = {
  critical: 'red',
  important: 'orange',
  standard: 'gray',
};

/** How critical an account is. */
export function CriticalityBadge({ value }: { value: Criticality }) {
  return <ToneBadge tone={CRITICALITY_TONES[value]}>{CRITICALITY_LABELS[value]}</ToneBadge>;
}

const MFA_TONES: Record<MfaMethod, keyof typeof TONES> = {
  unknown: 'gray',
  none: 'red',
  sms: 'yellow',
  email: 'yellow',
  push: 'teal',
  totp: 'teal',
  passkey: 'teal',
  security_key: 'teal',
};

/** The account's second sign-in step, coloured by strength. */
export function MfaBadge({ value }: { value: MfaMethod }) {
  return <ToneBadge tone={MFA_TONES[value]}>{MFA_LABELS[value]}</ToneBadge>;
}

const STRENGTH_TONES: Record<StrengthScore, keyof typeof TONES> = {
  0: 'red',
  1: 'red',
  2: 'yellow',
  3: 'teal',
  4: 'teal',
};

/** A password's place on the one strength scale, with what it means on hover. */
export function StrengthBadge({ score }: { score: StrengthScore }) {
  return (
    <ToneBadge tone={STRENGTH_TONES[score]} title={strengthMeaning(score)}>
      {strengthLabel(score)}
    </ToneBadge>
  );
}
