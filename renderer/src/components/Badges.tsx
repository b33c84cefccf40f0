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

/**
 * Badge colours chosen for WCAG AA contrast in both colour schemes (Mantine's light variant falls
 * below it on small text); the values are the `--ls-tone-*` custom properties of global.css.
 */
const TONES = {
  red: 'red',
  orange: 'orange',
  yellow: 'yellow',
  teal: 'teal',
  gray: 'gray',
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
  const name = TONES[tone];
  return (
    <Badge
      variant="outline"
      style={{
        color: `var(--ls-tone-${name})`,
        backgroundColor: `var(--ls-tone-${name}-bg)`,
        borderColor: `var(--ls-tone-${name}-border)`,
      }}
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
