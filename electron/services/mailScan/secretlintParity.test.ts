import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../../common/domain/mailScan';

/**
 * The detectors express secretlint's recommended preset as patterns of their own (secretlint's
 * engine is too slow to run over every message). This keeps them honest: over texts holding a
 * secret of each kind the preset knows, everything secretlint reports is found by the detectors too.
 */
const b64 = 'MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH';
const SAMPLES = [
  `token ghp_${'aB3dE5fG7h'.repeat(3)}aB3dE5 here`,
  `fine-grained github_pat_11ABCDEFG0${'x1Y2z3W4v5'.repeat(7)}ab`,
  'gitlab glpat-xY9z8W7v6U5t4S3r2Q1p ok',
  'AWS_ACCESS_KEY_ID=AKIAZ3MTYQ7LB5XWQ2PD\nAWS_SECRET_ACCESS_KEY=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',
  'slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  'hook https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/AbCdEfGhIjKlMnOpQrStUvWx',
  `openai sk-proj-${'Ab1Cd2Ef3G'.repeat(7)}Ab1CT3BlbkFJ${'Zy9Xw8Vu7T'.repeat(7)}Zy9X`,
  `anthropic sk-ant-api03-${'Ab1-Cd2_Ef'.repeat(9)}AbCdEfAA`,
  `npm npm_${'Ab1Cd2Ef3G'.repeat(3)}Hi4Jk5`,
  'sendgrid SG.aBcDeFgHiJkLmNoPqRsTuV.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdefg',
  'shopify shpat_0123456789abcdef0123456789abcdef',
  `hf hf_${'AbCdEfGhIj'.repeat(3)}AbCd`,
  `groq gsk_${'Ab1Cd2Ef3G'.repeat(5)}Hi`,
  `linear lin_api_${'Ab1Cd2Ef3G'.repeat(4)}`,
  `notion ntn_12345678901${'Ab1Cd2Ef3G'.repeat(3)}Hi4Jk`,
  'grafana glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_0a1b2c3d',
  `vault hvs.${'Ab1Cd2Ef3G'.repeat(9)}Hi4Jk5Lm`,
  'vercel vcp_Ab1Cd2Ef3GHi4Jk5Lm6No7P',
  'databricks dapi0123456789abcdef0123456789abcdef',
  'docker dckr_pat_Ab1Cd2Ef3GHi4Jk5Lm6No7Pq8RS',
  `figma figd_${'Ab1Cd2Ef3G'.repeat(4)}`,
  `-----BEGIN RSA PRIVATE KEY-----\n${b64}\n${b64}\n${b64}\n-----END RSA PRIVATE KEY-----`,
  'DATABASE_URL=postgres://admin:S3cr3tPw@db.example.com:5432/app',
  'MONGO=mongodb://root:Xy7pQ2wE@mongo.example.com:27017/admin',
  'see https://bob:Tr0ub4dor3@example.com/private',
];

describe("parity with secretlint's recommended preset", () => {
  it.each(SAMPLES)('finds what secretlint finds in %j', async (content) => {
    const result = await lintSource({
      source: { content, filePath: '/mail.txt', ext: '.txt', contentType: 'text' },
      options: {
        config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] },
      },
    });
    const ours = detectSecrets(content);
    expect(result.messages.length).toBeGreaterThan(0);
    for (const message of result.messages) {
      const [start, end] = message.range;
      const covered = ours.some((match) => match.start < end && start < match.end);
      expect(covered, `${message.ruleId} at ${start}-${end} is not found by the detectors`).toBe(true);
    }
  });
});
