import { describe, expect, it } from 'vitest';
import { detectSecrets, type SecretMatch } from './detectors';
import type { MailSecretKind } from './kinds';

const found = (text: string) => detectSecrets(text).map((m) => ({ kind: m.kind, value: m.value }));
const kindsIn = (text: string) => detectSecrets(text).map((m) => m.kind);
const only = (text: string, kind: MailSecretKind): SecretMatch[] =>
  detectSecrets(text).filter((m) => m.kind === kind);

const base64Line = 'MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH';

describe('passwords written in mail', () => {
  it.each([
    ['Your temporary password is Xk9#mPq2vL and it expires tomorrow.', 'Xk9#mPq2vL'],
    ['Username: bob\nPassword: hunter2hunter', 'hunter2hunter'],
    ['login: bob / pw: S3cret!!', 'S3cret!!'],
    ['Your new password: "Tr0ub4dor&3"', 'Tr0ub4dor&3'],
    ['Ihr neues Passwort lautet: Sommer2024!', 'Sommer2024!'],
    ['Votre mot de passe : Azerty123', 'Azerty123'],
    ['Su contraseña es Gato-Negro-77', 'Gato-Negro-77'],
    ['Je wachtwoord is Fiets2024', 'Fiets2024'],
    ['Ditt lösenord: Kanelbulle9', 'Kanelbulle9'],
    ['Salasana: Mokki1234', 'Mokki1234'],
    ['The Wi-Fi password is CoffeeShop2024.', 'CoffeeShop2024'],
    ['Password:\n   correcthorsebattery', 'correcthorsebattery'],
    ['パスワード：Tk9pQ2zL', 'Tk9pQ2zL'],
  ])('finds the password in %j', (text, password) => {
    expect(only(text, 'password').map((m) => m.value)).toEqual([password]);
  });

  it('masks the password in its hint and points at its span', () => {
    const text = 'Temporary password: Xk9#mPq2vL';
    const [match] = detectSecrets(text);
    expect(match).toMatchObject({ kind: 'password', hint: 'Password, 10 characters' });
    expect(text.slice(match!.start, match!.end)).toBe('Xk9#mPq2vL');
    expect(match!.hint).not.toContain('Xk9');
  });

  it('ties a password to the address written before it', () => {
    expect(
      only('Log in at https://portal.acme-corp.com with password: Blue42sky', 'password')[0]?.serviceHost,
    ).toBe('portal.acme-corp.com');
  });

  it.each([
    'Forgot your password? Reset it here.',
    'Your password is secure and was changed.',
    'Password: ********',
    'Password: Required',
    'password: at least 8 characters',
    'Your password must be 12 characters long.',
    'Password: <your password>',
    'Enter your password to continue',
    'The password has been changed to protect your account.',
    'Show your boarding pass is ready',
    'Password: (the one you chose at sign-up)',
    'password manager recommendations',
    // Code quoted in mail (found by running the detectors over 7 MB of package READMEs).
    '  password: passwordInput.value,',
    'const password = form.get("password");',
    'password: PASSWORD_MESSAGE,',
    'var password = signer.getDateTime()',
  ])('stays quiet on %j', (text) => {
    expect(only(text, 'password')).toEqual([]);
  });
});

describe('tokens and keys', () => {
  const tokens: [MailSecretKind, string][] = [
    ['github_token', `ghp_${'aB3dE5fG7h'.repeat(3)}aB3dE5`],
    ['github_token', `github_pat_11ABCDEFG0${'x'.repeat(72)}`],
    ['gitlab_token', 'glpat-xY9z8W7v6U5t4S3r2Q1p'],
    ['aws_access_key', 'AKIAZ3MTYQ7LB5XWQ2PD'],
    ['google_api_key', 'AIzaSyD4k2mP9qR7sT1uV3wX5yZ8aB0cD2eF4gH'],
    ['slack_token', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
    ['slack_webhook', 'https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/AbCdEfGhIjKlMnOpQrStUvWx'],
    ['stripe_key', 'sk_live_51HqL2kA9bC8dE7fG6hI5jK4l'],
    ['openai_key', `sk-proj-${'Ab1Cd2Ef3G'.repeat(3)}T3BlbkFJ${'Zy9Xw8Vu7T'.repeat(3)}`],
    ['anthropic_key', `sk-ant-api03-${'Ab1-Cd2_Ef'.repeat(9)}AbCdEfAA`],
    ['npm_token', `npm_${'Ab1Cd2Ef3G'.repeat(3)}Hi4Jk5`],
    ['sendgrid_key', 'SG.aBcDeFgHiJkLmNoPqRsTuV.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefg'],
    ['shopify_token', 'shpat_0123456789abcdef0123456789abcdef'],
    ['huggingface_token', `hf_${'AbCdEfGhIj'.repeat(3)}AbCd`],
    ['groq_key', `gsk_${'Ab1Cd2Ef3G'.repeat(5)}Hi`],
    ['linear_key', `lin_api_${'Ab1Cd2Ef3G'.repeat(4)}`],
    ['notion_token', `ntn_12345678901${'Ab1Cd2Ef3G'.repeat(3)}Hi4Jk`],
    ['grafana_token', 'glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_0a1b2c3d'],
    ['vault_token', `hvs.${'Ab1Cd2Ef3G'.repeat(9)}Hi4Jk5Lm`],
    ['vercel_token', 'vcp_Ab1Cd2Ef3GHi4Jk5Lm6No7P'],
    ['databricks_token', 'dapi0123456789abcdef0123456789abcdef'],
    ['docker_token', 'dckr_pat_Ab1Cd2Ef3GHi4Jk5Lm6No7Pq8RS'],
    ['figma_token', `figd_${'Ab1Cd2Ef3G'.repeat(4)}`],
    ['onepassword_token', `ops_eyJ${'QWJjRGVm'.repeat(14)}fQ==`],
    [
      'jwt',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ],
  ];

  it.each(tokens)('finds a %s', (kind, token) => {
    expect(found(`Here it is: ${token} — keep it safe.`)).toEqual([{ kind, value: token }]);
  });

  it('finds an AWS secret key beside its key ID, and a labelled one', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzKEY1234';
    expect(only(`Access key ID: AKIAZ3MTYQ7LB5XWQ2PD\nSecret: ${secret}`, 'aws_secret_key')[0]?.value).toBe(
      secret,
    );
    expect(only(`aws_secret_access_key = ${secret}`, 'aws_secret_key')[0]?.value).toBe(secret);
    // A git SHA or another 40-character value with no AWS key near it is not one.
    expect(only(`commit 3f786850e387550fdab836ed7e6dc881de23001b\n${secret}`, 'aws_secret_key')).toEqual([]);
  });

  it('finds PEM private keys, also quoted in a reply, and not public keys or signatures', () => {
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${base64Line}\n${base64Line}\n-----END OPENSSH PRIVATE KEY-----`;
    const quoted = pem.replace(/^/gm, '> ');
    expect(only(pem, 'private_key')).toHaveLength(1);
    expect(only(quoted, 'private_key')[0]?.value).toBe(only(pem, 'private_key')[0]?.value);
    expect(only(pem, 'private_key')[0]?.hint).toBe('OPENSSH private key');
    expect(kindsIn(`-----BEGIN PUBLIC KEY-----\n${base64Line}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(
      kindsIn(`-----BEGIN PGP SIGNATURE-----\n\n${base64Line}\n=abcd\n-----END PGP SIGNATURE-----`),
    ).toEqual([]);
  });

  it('finds user names and passwords in addresses, not placeholders', () => {
    expect(found('DATABASE_URL=postgres://admin:S3cr3tPw@db.example.com:5432/app')).toEqual([
      { kind: 'url_credentials', value: 'postgres://admin:S3cr3tPw@db.example.com' },
    ]);
    expect(kindsIn('postgres://user:password@localhost/db and https://user:****@example.com')).toEqual([]);
  });

  it('reports a token inside an address once, as the token', () => {
    const token = `ghp_${'aB3dE5fG7h'.repeat(3)}aB3dE5`;
    expect(kindsIn(`git clone https://bob:${token}@github.com/acme/app.git`)).toEqual(['github_token']);
  });

  it('does not take the AWS documentation example key for a real one', () => {
    expect(kindsIn('AKIAIOSFODNN7EXAMPLE')).toEqual([]);
  });
});

describe('two-step sign-in secrets', () => {
  it('finds an otpauth URI with its issuer', () => {
    const [match] = only(
      'otpauth://totp/GitHub:bob?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=github.com',
      'otp_seed',
    );
    expect(match).toMatchObject({ value: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', serviceHost: 'github.com' });
  });

  it('finds a setup key written in groups for manual entry, once', () => {
    const text =
      "Can't scan the QR code? Enter this key in your authenticator app:\n jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxq";
    expect(found(text)).toEqual([{ kind: 'otp_seed', value: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ' }]);
  });

  it('finds a grouped setup key without digits, but not a word in capitals', () => {
    expect(only('Your secret key: abcd efgh jkmn pqrs', 'otp_seed').map((m) => m.value)).toEqual([
      'ABCDEFGHJKMNPQRS',
    ]);
    expect(only('Secret: CONFIDENTIALINFORMATION', 'otp_seed')).toEqual([]);
  });

  it('does not take a product key or a tracking code for a setup key', () => {
    expect(only('Your product key: ABCDE-FGH2J-KLMN3-PQRST-UVWXY', 'otp_seed')).toEqual([]);
    expect(only('Tracking key: ABCDEFGHJKLMNPQR', 'otp_seed')).toEqual([]);
  });

  it.each([
    ['Google', 'Your backup codes:\n1. 1234 5678\n2. 2345 6789\n3. 3456 7890\n4. 4567 8901\n5. 5678 9012', 5],
    ['GitHub', 'Recovery codes\nab12c-de34f\ngh56i-jk78l\nmn90o-pq12r\nst34u-vw56x\nyz78a-bc90d', 5],
    ['German', 'Ihre Wiederherstellungscodes: 12345678, 23456789, 34567890, 45678901', 4],
  ])('finds a %s backup code list', (_name, text, count) => {
    const [match] = only(text, 'recovery_codes');
    expect(match?.hint).toBe(`Two-step backup codes, ${count} codes`);
  });

  it('does not read order numbers after "codes" as backup codes', () => {
    expect(
      only(
        'Use these discount codes at checkout: SUMMER, WINTER.\nOrder 12345678 shipped.',
        'recovery_codes',
      ),
    ).toEqual([]);
  });
});

describe('sign-in and reset links', () => {
  it.each([
    'https://accounts.example.com/reset-password?token=a8Fj3kLm9Qx2Zt7Yw1Vb&utm_source=mail',
    'https://app.example.io/auth/magic-link/3f2a9c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b',
    'https://example.com/users/password/edit?reset_password_token=Zx81kd92jfQpLm3nRt',
    'https://login.example.org/verify?code=8Hk2mQ9pLx4nZt7w',
  ])('finds %s', (link) => {
    expect(found(`Click here: ${link}.`)).toEqual([{ kind: 'reset_link', value: link }]);
  });

  it.each([
    'https://example.com/forgot-password',
    'https://news.example.com/unsubscribe?token=a8Fj3kLm9Qx2Zt7Yw1Vb',
    'https://click.example.com/ls/click?upn=a8Fj3kLm9Qx2Zt7Yw1Vb3kLm9Qx2Zt7Yw1Vb',
    'https://login.microsoftonline.com/common/oauth2/authorize?client_id=3f2a9c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b',
    'https://example.com/login?utm_campaign=a8Fj3kLm9Qx2Zt7Yw1Vb',
    // Documentation pages whose path words look like sign-in words.
    'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data',
    'https://pkijs.org/docs/examples/signing-and-encryption-with-CMS/working-with-PKCS-7-certificate-bags-P7B',
  ])('stays quiet on %s', (link) => {
    expect(kindsIn(link)).toEqual([]);
  });
});

describe('cards, bank accounts and ID numbers', () => {
  it.each([
    ['4111 1111 1111 1111', 'Visa'],
    ['5555-5555-5555-4444', 'Mastercard'],
    ['3782 822463 10005', 'American Express'],
  ])('finds the card %s', (card, network) => {
    const [match] = only(`Card: ${card}`, 'payment_card');
    expect(match?.hint).toBe(`${network} card number, ${card.replace(/\D/g, '').length} digits`);
  });

  it('needs a card word near an ungrouped number, and a valid check digit', () => {
    expect(only('Visa card 4111111111111111 exp 12/27', 'payment_card')).toHaveLength(1);
    expect(only('Order number 4111111111111111', 'payment_card')).toEqual([]);
    expect(only('4111 1111 1111 1112', 'payment_card')).toEqual([]);
    expect(only('1234 5678 9012 3456', 'payment_card')).toEqual([]);
    // Found by the benchmark: an order number after a sentence that mentions an expiry.
    expect(only('Your code expired.\nOrder number 2702521733606653 has shipped.', 'payment_card')).toEqual(
      [],
    );
    expect(only('Credit card, order number 4111111111111111', 'payment_card')).toEqual([]);
  });

  it('reads digits that pass two ID checks as the scheme with the stronger one', () => {
    // 230665-7632 is a valid HETU (mod 31) and, by chance, a valid Swedish samordningsnummer (Luhn).
    expect(only('Henkilötunnus 230665-7632', 'national_id').map((m) => m.hint)).toEqual([
      'Finnish personal identity code (HETU), 11 characters',
    ]);
  });

  it('finds IBANs with a valid checksum, grouped or not', () => {
    expect(only('IBAN: GB82 WEST 1234 5698 7654 32 BIC: WESTGB22', 'iban').map((m) => m.value)).toEqual([
      'GB82WEST12345698765432',
    ]);
    expect(only('DE89370400440532013000', 'iban')).toHaveLength(1);
    expect(only('GB82 WEST 1234 5698 7654 33', 'iban')).toEqual([]);
  });

  it.each([
    ['BSN: 111222333', 'Dutch citizen service number (BSN)'],
    ['personnummer 19811228-9874', 'Swedish personal identity number'],
    ['811228-9874', 'Swedish personal identity number'],
    ['131052-308T', 'Finnish personal identity code (HETU)'],
    ['DNI: 12345678Z', 'Spanish identity number (DNI/NIE)'],
    ['NIE X1234567L', 'Spanish identity number (DNI/NIE)'],
    ['RSSMRA85T10A562S', 'Italian tax code (codice fiscale)'],
    ['National Insurance number: AB123456C', 'UK National Insurance number'],
    ['AB 12 34 56 C', 'UK National Insurance number'],
  ])('finds %j', (text, scheme) => {
    expect(only(text, 'national_id')[0]?.hint).toMatch(new RegExp(`^${scheme.replace(/[()]/g, '\\$&')}`));
  });

  it.each([
    'BSN: 111222334',
    'Order 111222333 shipped',
    '811228-9875',
    '131052-308U',
    'Reference 12345678Z',
    'RSSMRA85T10A562T',
    'AB123456C',
    'QQ 12 34 56 C',
    'National Insurance number: GB123456C',
  ])('stays quiet on %j', (text) => {
    expect(only(text, 'national_id')).toEqual([]);
  });
});

describe('decoys', () => {
  it.each([
    ['a git SHA', 'Merged 3f786850e387550fdab836ed7e6dc881de23001b into main'],
    ['a UUID', 'Request id 123e4567-e89b-12d3-a456-426614174000'],
    ['an MD5', 'md5: d41d8cd98f00b204e9800998ecf8427e'],
    ['a SHA-256', 'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a UPS tracking number', 'Tracking: 1Z999AA10123456784'],
    ['a tracking link', 'https://t.example.com/r/?id=h3k2j4h5k6j7&utm_source=newsletter&utm_campaign=fall'],
    [
      'a DKIM signature quoted in a forward',
      'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s1; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZVoG4ZHRNiYzR',
    ],
    [
      'a PGP signature',
      `-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE${base64Line}\n${base64Line}\n=XyZ1\n-----END PGP SIGNATURE-----`,
    ],
    [
      'base64 image data',
      `R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7${base64Line}${base64Line}`,
    ],
    ['an unsigned JWT', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl'],
    ['a phone number', 'Call +31 20 123 4567 or 0044 20 7946 0958'],
  ])('ignores %s', (_name, text) => {
    expect(kindsIn(text)).toEqual([]);
  });
});

describe('options', () => {
  it('looks only for the kinds asked for', () => {
    const text = `Password: Xk9#mPq2vL and ghp_${'aB3dE5fG7h'.repeat(3)}aB3dE5`;
    expect(detectSecrets(text, { kinds: new Set(['github_token']) }).map((m) => m.kind)).toEqual([
      'github_token',
    ]);
  });
});
