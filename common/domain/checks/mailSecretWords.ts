/**
 * What to do about each kind of secret found in mail, in plain words: the task's title, the next
 * action, and about how long it takes. Kinds this build does not know get the general advice.
 */
import { MAIL_SECRET_LABELS, isMailSecretKind } from '../mailScan/kinds';

/** The advice for one kind of secret. */
export interface MailSecretAction {
  /** The task's title, in the imperative. */
  title: string;
  /** The next concrete step. */
  action: string;
  minutes: number;
}

const TOKEN_MINUTES = 10;

/**
 * The advice for a secret of `kind` found in mail; `service` names the account it belongs to, when
 * that is known ("GitHub").
 */
export function mailSecretAction(kind: string, service: string | null): MailSecretAction {
  const at = service ? ` at ${service}` : '';
  const label = isMailSecretKind(kind) ? MAIL_SECRET_LABELS[kind] : 'secret';
  switch (kind) {
    case 'password':
      return {
        title: `Change the password found in your mail${service ? ` (${service})` : ''}`,
        action: `Change that password${at} to a new one you have never used, and anywhere else you used it. Then say when, and this closes.`,
        minutes: 5,
      };
    case 'url_credentials':
      return {
        title: 'Change the password written in an address in your mail',
        action: `Change the password of that user${at} (a database or server login), and update whatever connects with it.`,
        minutes: 15,
      };
    case 'otp_seed':
      return {
        title: `Set up two-step sign-in again${service ? ` at ${service}` : ''}: its setup key was in your mail`,
        action: `Remove the authenticator entry${at} and add it again: a new setup key makes the old one useless.`,
        minutes: 10,
      };
    case 'recovery_codes':
      return {
        title: `Make new backup codes${service ? ` at ${service}` : ''}: the old ones were in your mail`,
        action: `Generate new backup codes${at}; that cancels the old ones. Keep the new ones offline.`,
        minutes: 5,
      };
    case 'reset_link':
      return {
        title: `Check the sign-in link found in your mail can no longer be used${service ? ` (${service})` : ''}`,
        action: `Most such links expire within hours. Sign in${at}, check the recent activity, and change the password if anything looks wrong.`,
        minutes: 5,
      };
    case 'private_key':
      return {
        title: 'Replace the private key found in your mail',
        action:
          'Make a new key pair, put the new public key where the old one was trusted (servers, GitHub, certificates), and remove the old one.',
        minutes: 20,
      };
    case 'secret_attachment':
      return {
        title: 'Replace what the sensitive attachment in your mail held',
        action:
          'Open the attachment on your own computer, list what it holds (passwords, keys, ID scans) and replace each one; for an ID scan, watch for misuse of your identity.',
        minutes: 20,
      };
    case 'payment_card':
      return {
        title: 'Ask your bank for a new card: its number was in your mail',
        action:
          'Call your bank or use its app to block the card and get a new number; check the last statements.',
        minutes: 10,
      };
    case 'iban':
      return {
        title: 'Watch the bank account whose number was in your mail',
        action:
          'An account number alone cannot take money, but it helps scams: check your statements, and tell your bank if a payment you did not make appears.',
        minutes: 5,
      };
    case 'national_id':
      return {
        title: 'Guard the ID number found in your mail',
        action:
          'An ID number cannot be changed: watch for loans, accounts or letters you did not ask for, and ask your country’s fraud service about a warning on your file.',
        minutes: 10,
      };
    case 'jwt':
      return {
        title: 'Sign out the session whose access token was in your mail',
        action: `Sign out everywhere${at} or revoke the token; most such tokens expire soon.`,
        minutes: 5,
      };
    default:
      return {
        title: `Replace the ${label} found in your mail`,
        action: `Revoke it${at} and create a new one, then update whatever uses it. Then say when, and this closes.`,
        minutes: TOKEN_MINUTES,
      };
  }
}
