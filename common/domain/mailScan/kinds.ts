/**
 * What a mailbox scan looks for: each kind of exposed secret, its plain-words label, and — for the
 * kinds that belong to one service whatever mail they are in — that service's registrable domain.
 */
import { labelsOf } from '../../messages/format';

/** Every kind of secret the mailbox scan finds, as stable string ids. */
export const MAIL_SECRET_KINDS = [
  'password',
  'otp_seed',
  'recovery_codes',
  'reset_link',
  'private_key',
  'secret_attachment',
  'github_token',
  'gitlab_token',
  'aws_access_key',
  'aws_secret_key',
  'google_api_key',
  'slack_token',
  'slack_webhook',
  'stripe_key',
  'openai_key',
  'anthropic_key',
  'npm_token',
  'sendgrid_key',
  'shopify_token',
  'huggingface_token',
  'groq_key',
  'linear_key',
  'notion_token',
  'grafana_token',
  'vault_token',
  'vercel_token',
  'databricks_token',
  'docker_token',
  'figma_token',
  'onepassword_token',
  'jwt',
  'url_credentials',
  'payment_card',
  'iban',
  'national_id',
] as const;

/** One of {@link MAIL_SECRET_KINDS}. */
export type MailSecretKind = (typeof MAIL_SECRET_KINDS)[number];

/** How each kind is named to a person ("GitHub token"). */
export const MAIL_SECRET_LABELS: Readonly<Record<MailSecretKind, string>> = labelsOf(
  Object.fromEntries(MAIL_SECRET_KINDS.map((kind) => [kind, `mailSecret.kind.${kind}` as const])) as Record<
    MailSecretKind,
    `mailSecret.kind.${MailSecretKind}`
  >,
);

/**
 * The registrable domain of the service a kind always belongs to (a GitHub token is a github.com
 * credential whichever mail it is in). Kinds missing here belong to whoever sent the mail, a link's
 * host, or nobody that can be told.
 */
export const MAIL_SECRET_SERVICES: Readonly<Partial<Record<MailSecretKind, string>>> = {
  github_token: 'github.com',
  gitlab_token: 'gitlab.com',
  aws_access_key: 'aws.amazon.com',
  aws_secret_key: 'aws.amazon.com',
  google_api_key: 'google.com',
  slack_token: 'slack.com',
  slack_webhook: 'slack.com',
  stripe_key: 'stripe.com',
  openai_key: 'openai.com',
  anthropic_key: 'anthropic.com',
  npm_token: 'npmjs.com',
  sendgrid_key: 'sendgrid.com',
  shopify_token: 'shopify.com',
  huggingface_token: 'huggingface.co',
  groq_key: 'groq.com',
  linear_key: 'linear.app',
  notion_token: 'notion.so',
  grafana_token: 'grafana.com',
  vercel_token: 'vercel.com',
  databricks_token: 'databricks.com',
  docker_token: 'docker.com',
  figma_token: 'figma.com',
  onepassword_token: '1password.com',
};

/** True for a string that is one of {@link MAIL_SECRET_KINDS}. */
export function isMailSecretKind(value: string): value is MailSecretKind {
  return (MAIL_SECRET_KINDS as readonly string[]).includes(value);
}
