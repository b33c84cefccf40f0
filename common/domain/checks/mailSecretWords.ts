/**
 * What to do about each kind of secret found in mail, in plain words: the task's title, the next
 * action, and about how long it takes. Kinds this build does not know get the general advice.
 */
import { format } from '../../messages/format';
import { MAIL_SECRET_LABELS, isMailSecretKind } from '../mailScan/kinds';

/** The advice for one kind of secret. */
export interface MailSecretAction {
  /** The task's title, in the imperative. */
  title: string;
  /** The next concrete step. */
  action: string;
  minutes: number;
}

/** About how long each kind takes to deal with, in minutes; any other kind: {@link TOKEN_MINUTES}. */
const MINUTES: Readonly<Record<AdvisedKind, number>> = {
  password: 5,
  url_credentials: 15,
  otp_seed: 10,
  recovery_codes: 5,
  reset_link: 5,
  private_key: 20,
  secret_attachment: 20,
  payment_card: 10,
  iban: 5,
  national_id: 10,
  jwt: 5,
};
const TOKEN_MINUTES = 10;

/** The kinds with advice of their own; the others (tokens, keys) get the general advice. */
type AdvisedKind =
  | 'password'
  | 'url_credentials'
  | 'otp_seed'
  | 'recovery_codes'
  | 'reset_link'
  | 'private_key'
  | 'secret_attachment'
  | 'payment_card'
  | 'iban'
  | 'national_id'
  | 'jwt';

const isAdvised = (kind: string): kind is AdvisedKind => Object.hasOwn(MINUTES, kind);

/**
 * The advice for a secret of `kind` found in mail; `service` names the account it belongs to, when
 * that is known ("GitHub"). The words come from the catalogue (`mailAdvice.*`).
 */
export function mailSecretAction(kind: string, service: string | null): MailSecretAction {
  const values = { hasService: service ? 'yes' : 'no', service: service ?? '' };
  if (isAdvised(kind)) {
    return {
      title: format(`mailAdvice.${kind}.title`, values),
      action: format(`mailAdvice.${kind}.action`, values),
      minutes: MINUTES[kind],
    };
  }
  const label = isMailSecretKind(kind) ? MAIL_SECRET_LABELS[kind] : format('mailAdvice.secret');
  return {
    title: format('mailAdvice.other.title', { ...values, label }),
    action: format('mailAdvice.other.action', values),
    minutes: TOKEN_MINUTES,
  };
}
