import type { MailSecretKind } from './kinds';

/**
 * Formats of API keys and tokens that announce themselves by a prefix. The formats are the
 * vendors' documented ones; the set follows secretlint's recommended preset
 * (`@secretlint/secretlint-rule-preset-recommend`, MIT, github.com/secretlint/secretlint), written
 * here as our own patterns because secretlint's engine reads about 5 MB/s of text — too slow to run
 * over every message — plus the kinds it lacks (Google API keys, Stripe, JWTs). Each pattern is
 * guarded by a literal that must occur in the text first, so most mail costs one `includes` a rule.
 */
export interface TokenRule {
  kind: MailSecretKind;
  /** Literals of which the text must contain one before the pattern is tried (case-sensitive). */
  keywords: readonly string[];
  /** Global pattern; the whole match is the secret. */
  pattern: RegExp;
  /** Extra check of a candidate (a checksum, a decoded header…). */
  isValid?: (secret: string) => boolean;
}

const END = '(?![A-Za-z0-9_])';
const START = '(?<![A-Za-z0-9_])';
const rule = (
  kind: MailSecretKind,
  keywords: string | readonly string[],
  body: string,
  isValid?: (secret: string) => boolean,
): TokenRule => ({
  kind,
  keywords: typeof keywords === 'string' ? [keywords] : keywords,
  pattern: new RegExp(`${START}${body}${END}`, 'g'),
  ...(isValid ? { isValid } : {}),
});

/** True unless the value is one of the examples vendors print in their documentation. */
const notDocumentationExample = (secret: string) => !/EXAMPLE/i.test(secret);

/** The prefix-announced token rules, in the order they are tried. */
export const TOKEN_RULES: readonly TokenRule[] = [
  rule('github_token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], '(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}'),
  rule('github_token', 'github_pat_', 'github_pat_[A-Za-z0-9_]{82}'),
  rule(
    'gitlab_token',
    ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-'],
    '(?:glpat|gldt|glrt|glptt|glsoat)-[A-Za-z0-9_-]{20,128}',
  ),
  rule(
    'aws_access_key',
    ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'A3T'],
    '(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}',
    notDocumentationExample,
  ),
  rule('google_api_key', 'AIza', 'AIza[0-9A-Za-z_-]{35}'),
  rule(
    'slack_token',
    ['xox', 'xapp-'],
    '(?:xox[abposr]|xapp)-(?:\\d-)?(?:[A-Za-z0-9]{1,40}-)+[A-Za-z0-9]{1,40}',
  ),
  {
    kind: 'slack_webhook',
    keywords: ['hooks.slack.com'],
    pattern:
      /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/T[A-Za-z0-9]{1,40}\/[AB][A-Za-z0-9]{1,40}\/[A-Za-z0-9]{1,40}/g,
  },
  rule('stripe_key', '_live_', '(?:sk|rk)_live_[0-9A-Za-z]{24,99}'),
  rule('stripe_key', '_test_', '(?:sk|rk)_test_[0-9A-Za-z]{24,99}'),
  rule(
    'openai_key',
    'sk-',
    'sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})',
  ),
  rule('anthropic_key', 'sk-ant-', 'sk-ant-(?:api|admin)0\\d-[A-Za-z0-9_-]{80,128}'),
  rule('npm_token', 'npm_', 'npm_[A-Za-z0-9]{36}'),
  rule('sendgrid_key', 'SG.', 'SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}'),
  rule(
    'shopify_token',
    ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    '(?:shpat|shpca|shppa|shpss)_[A-Za-z0-9]{32,64}',
  ),
  rule('huggingface_token', 'hf_', 'hf_[A-Za-z]{34}'),
  rule('groq_key', 'gsk_', 'gsk_[A-Za-z0-9]{52}'),
  rule('linear_key', 'lin_api_', 'lin_api_[A-Za-z0-9]{32,128}'),
  rule('notion_token', 'ntn_', 'ntn_\\d{11}[A-Za-z0-9]{35}'),
  {
    kind: 'grafana_token',
    keywords: ['glc_', 'glsa_'],
    pattern:
      /(?<![A-Za-z0-9_])(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9_+/=])/g,
  },
  rule(
    'vault_token',
    ['hvs.', 'hvr.', 'hvb.'],
    '(?:hvs\\.[A-Za-z0-9_-]{90,120}|hvr\\.[A-Za-z0-9_-]{90,120}|hvb\\.[A-Za-z0-9_-]{138,300})',
  ),
  rule(
    'vercel_token',
    ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    '(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}',
  ),
  rule('databricks_token', 'dapi', 'dapi[a-f0-9]{32}(?:-\\d)?'),
  rule('docker_token', 'dckr_pat_', 'dckr_pat_[A-Za-z0-9_-]{27}'),
  rule('figma_token', 'figd_', 'figd_[A-Za-z0-9_-]{40,200}'),
  {
    kind: 'onepassword_token',
    keywords: ['ops_ey'],
    pattern: /(?<![A-Za-z0-9_])ops_ey[A-Za-z0-9+/=]{100,1280}(?![A-Za-z0-9+/=])/g,
  },
  rule('jwt', 'eyJ', 'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{20,}', isSignedJwt),
];

/**
 * A JWT is only a secret when it is a real one: its header decodes to JSON naming an algorithm
 * other than `none`, and its payload decodes to a JSON object.
 */
export function isSignedJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  const headerJson = parseJsonObject(decodeBase64Url(header ?? ''));
  const alg = headerJson?.['alg'];
  return (
    typeof alg === 'string' &&
    alg.toLowerCase() !== 'none' &&
    parseJsonObject(decodeBase64Url(payload ?? '')) !== null
  );
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Decodes base64url (or base64) to a Latin-1 string of bytes; null on a character outside the alphabet. */
export function decodeBase64Url(text: string): string | null {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const char of text.replace(/=+$/, '')) {
    const value = BASE64URL.indexOf(char === '+' ? '-' : char === '/' ? '_' : char);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (text === null || !text.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
