import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale, type MessageLocale } from '../messages/format';
import {
  DATASET_FILES,
  DATASET_KEYS,
  DatasetFileError,
  htmlToText,
  jsonPath,
  parseDatasetText,
  type DatasetFiles,
  type DatasetKey,
} from './datasets';

/** The bundled copies the app ships (tests may read them; the app reads them through the loader). */
const DATA_DIR = join(import.meta.dirname, '../../electron/data');
const text = (key: DatasetKey) => readFileSync(join(DATA_DIR, DATASET_FILES[key].file), 'utf8');
const full = <K extends DatasetKey>(key: K): DatasetFiles[K] => parseDatasetText(key, text(key), 'full');

describe('bundled datasets', () => {
  it.each(DATASET_KEYS)('%s validates fully against its schema', (key) => {
    expect(() => full(key)).not.toThrow();
  });

  it('HIBP breach list: 833 complete records, 41 without a domain', () => {
    const breaches = full('breaches');
    expect(breaches).toHaveLength(833);
    expect(breaches.filter((breach) => breach.Domain === '')).toHaveLength(41);
  });

  it('HIBP supplement: 197 records, 192 partial, 5 with a domain, 6 named from their logo', () => {
    const supplement = full('breachesSupplement');
    expect(supplement).toHaveLength(197);
    expect(supplement.filter((breach) => breach._partial)).toHaveLength(192);
    expect(supplement.filter((breach) => breach.Domain)).toHaveLength(5);
    expect(supplement.filter((breach) => breach._name_derived_from_logo)).toHaveLength(6);
  });

  it('2FA directory: 2,566 services, 1,881 with 2FA', () => {
    const directory = full('twoFactor');
    expect(directory.count).toBe(2566);
    expect(directory.entries).toHaveLength(2566);
    expect(directory.entries.filter((entry) => entry.tfa)).toHaveLength(1881);
    expect(directory.commit_date.slice(0, 10)).toBe('2026-08-04');
  });

  it('passkeys directory: 260 services', () => {
    const directory = full('passkeys');
    expect(directory.count).toBe(260);
    expect(directory.entries).toHaveLength(260);
  });

  it('change-password URLs: 651 domains; shared credentials: 102 groups', () => {
    expect(Object.keys(full('changePasswordUrls'))).toHaveLength(651);
    expect(full('sharedCredentials')).toHaveLength(102);
  });

  it('the cheap run-time check accepts every bundled file and returns the same data', () => {
    for (const key of DATASET_KEYS) {
      const structural = parseDatasetText(key, text(key), 'structural');
      // zod drops fields the schemas do not declare; compare on the declared ones.
      expect(parseDatasetText(key, JSON.stringify(structural), 'full')).toEqual(full(key));
    }
  });
});

describe('parseDatasetText', () => {
  const breaches = () => JSON.parse(text('breaches')) as Record<string, unknown>[];

  it.each(['full', 'structural'] as const)('%s: names the file and the JSON path of a wrong type', (mode) => {
    const records = breaches();
    records[7]!['PwnCount'] = '12 million';
    expect(() => parseDatasetText('breaches', JSON.stringify(records), mode)).toThrow(
      /^Bundled dataset hibp-breaches\.json is invalid at \$\[7\]\.PwnCount: /,
    );
  });

  it('full: reports the element inside an array and keys that are not identifiers', () => {
    const directory = JSON.parse(text('twoFactor'));
    directory.entries[3].tfa = ['sms', 'carrier-pigeon'];
    expect(() => parseDatasetText('twoFactor', JSON.stringify(directory), 'full')).toThrow(
      'Bundled dataset 2fa-directory.json is invalid at $.entries[3].tfa[1]',
    );
    directory.entries[3].tfa = ['sms'];
    directory.entries[9]['custom-software'] = 'Authy';
    expect(() => parseDatasetText('twoFactor', JSON.stringify(directory), 'full')).toThrow(
      'at $.entries[9]["custom-software"]',
    );
  });

  it('full: points inside a shared-credentials group rather than at the whole group', () => {
    const groups = JSON.parse(text('sharedCredentials'));
    groups[4] = { shared: ['example.com', 42] };
    expect(() => parseDatasetText('sharedCredentials', JSON.stringify(groups), 'full')).toThrow(
      'shared-credentials.json is invalid at $[4].shared[1]',
    );
  });

  it('full: catches what only the schema knows (bad dates, counts, duplicates, http links)', () => {
    const records = breaches();
    records[2]!['BreachDate'] = '2013-02-30';
    expect(() => parseDatasetText('breaches', JSON.stringify(records), 'full')).toThrow('at $[2].BreachDate');

    const duplicate = breaches();
    duplicate[5]!['Name'] = duplicate[4]!['Name'];
    expect(() => parseDatasetText('breaches', JSON.stringify(duplicate), 'full')).toThrow(
      'Duplicate breach Name',
    );

    const directory = JSON.parse(text('passkeys'));
    directory.count = 261;
    expect(() => parseDatasetText('passkeys', JSON.stringify(directory), 'full')).toThrow(
      'passkeys-directory.json is invalid at $.count: "count" says 261 but there are 260 entries.',
    );

    const urls = JSON.parse(text('changePasswordUrls'));
    urls['example.com'] = 'http://example.com/password';
    expect(() => parseDatasetText('changePasswordUrls', JSON.stringify(urls), 'full')).toThrow(
      'at $["example.com"]',
    );
  });

  it('structural: rejects a record that is not an object and an unknown 2FA method', () => {
    const records = breaches();
    (records as unknown[])[0] = 'LinkedIn';
    expect(() => parseDatasetText('breaches', JSON.stringify(records), 'structural')).toThrow(
      'at $[0]: Expected an object.',
    );
    const directory = JSON.parse(text('twoFactor'));
    directory.entries[1].tfa = ['sms', 'carrier-pigeon'];
    expect(() => parseDatasetText('twoFactor', JSON.stringify(directory), 'structural')).toThrow(
      'at $.entries[1].tfa',
    );
  });

  it('names the file when the text is not JSON', () => {
    expect(() => parseDatasetText('passkeys', '{"source": "https://', 'full')).toThrow(
      /^Bundled dataset passkeys-directory\.json is not valid JSON/,
    );
  });
});

describe('a refused dataset, in the catalogue’s words', () => {
  afterEach(() => setMessageLocale('en'));

  /** A damaged copy of a bundled dataset: the change, the check, and the values its refusal names. */
  interface Damage {
    key: DatasetKey;
    change: (json: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
    mode?: 'full' | 'structural';
    /** Values from the file the refusal quotes as they are (besides its file name and path). */
    data?: string[];
  }
  const DAMAGES: Record<string, Damage> = {
    'a wrong type': { key: 'breaches', change: (r) => (r[7].PwnCount = '12 million') },
    'a wrong type (quick check)': {
      key: 'breaches',
      mode: 'structural',
      change: (r) => (r[7].PwnCount = '12 million'),
    },
    'a missing field': { key: 'twoFactor', change: (d) => delete d.entries[3].name, data: ['name'] },
    'an unknown value': {
      key: 'twoFactor',
      change: (d) => (d.entries[3].tfa = ['sms', 'pigeon']),
      data: ['"pigeon"', 'sms, call, email, u2f, totp, custom-software, custom-hardware'],
    },
    'an unknown value (quick check)': {
      key: 'twoFactor',
      mode: 'structural',
      change: (d) => (d.entries[3].tfa = ['sms', 'pigeon']),
      data: ['sms, call, email, u2f, totp, custom-software, custom-hardware'],
    },
    'a date that does not exist': { key: 'breaches', change: (r) => (r[2].BreachDate = '2013-02-30') },
    'a date in another form': { key: 'breaches', change: (r) => (r[2].BreachDate = '30/01/2013') },
    'a duplicate breach': {
      key: 'breaches',
      change: (r) => (r[5].Name = r[4].Name),
      data: [],
    },
    'a count that does not match': { key: 'passkeys', change: (d) => (d.count = 261), data: ['261'] },
    'a bad commit and date': { key: 'passkeys', change: (d) => (d.commit = 'main') },
    'a bad commit date': { key: 'passkeys', change: (d) => (d.commit_date = 'yesterday') },
    'a region that is not a code': {
      key: 'twoFactor',
      change: (d) => (d.entries[3].regions = ['Europe']),
    },
    'a breach domain with a space': { key: 'breaches', change: (r) => (r[3].Domain = 'example .com') },
    'a link that is not a web address': {
      key: 'twoFactor',
      change: (d) => (d.entries[3].documentation = 'ftp://example.com/2fa'),
    },
    'an http change-password link': {
      key: 'changePasswordUrls',
      change: (d) => (d['example.com'] = 'http://example.com/password'),
    },
    'a host key in capitals': {
      key: 'changePasswordUrls',
      change: (d) => (d['Example.com'] = 'https://example.com/password'),
      data: ['"Example.com"'],
    },
    'a host key in capitals (quick check)': {
      key: 'changePasswordUrls',
      mode: 'structural',
      change: (d) => (d['Example.com'] = 'https://example.com/password'),
    },
    'a list where an object belongs (quick check)': {
      key: 'changePasswordUrls',
      mode: 'structural',
      change: () => {},
    },
    'an unknown family kind': {
      key: 'accountFamilies',
      change: (d) => (d.families[0].kind = 'family'),
      data: ['"family"', 'personal, work, both'],
    },
    'a family domain that is not registrable': {
      key: 'accountFamilies',
      change: (d) => (d.families[0].domains[0] = 'mail.google.com'),
      data: ['"mail.google.com"'],
    },
    'a family id that is not kebab-case': {
      key: 'accountFamilies',
      change: (d) => (d.families[0].id = 'Google Account'),
      data: ['microsoft-account'],
    },
  };
  const NOT_JSON: Record<string, string> = {
    'text that ends too soon': '{"source": "https://',
    'a stray character': '{"source": x}',
    'a character after the JSON': '{"count": 1}\n  x',
  };

  /** The refusal of a damage, or of text that is not JSON, in `locale`. */
  function refusal(name: string, locale: MessageLocale): { message: string; data: string[] } {
    setMessageLocale(locale);
    try {
      const damage = DAMAGES[name];
      const key = damage?.key ?? 'passkeys';
      let input = NOT_JSON[name] ?? '';
      if (damage) {
        const json = name.startsWith('a list where') ? [] : JSON.parse(text(key));
        damage.change(json);
        input = JSON.stringify(json);
      }
      try {
        parseDatasetText(key, input, damage?.mode ?? 'full');
      } catch (error) {
        expect(error).toBeInstanceOf(DatasetFileError);
        const { file, path, message } = error as DatasetFileError;
        return { message, data: [file, ...(path ? [path] : []), ...(damage?.data ?? [])] };
      }
      throw new Error(`${name} was accepted`);
    } finally {
      setMessageLocale('en');
    }
  }

  /** The runs of two or more plain (unaccented) letters left once the values are taken out. */
  const plainWords = ({ message, data }: { message: string; data: string[] }) => {
    let rest = message;
    for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
    return rest.match(/[A-Za-z]{2,}/g) ?? [];
  };

  it.each([...Object.keys(DAMAGES), ...Object.keys(NOT_JSON)])(
    '%s: no plain English word besides the values it names',
    (name) => {
      const pseudo = refusal(name, 'pseudo');
      expect(plainWords(pseudo), pseudo.message).toEqual([]);
      // The same refusal in English has words: the check above can fail.
      const english = refusal(name, 'en');
      expect(plainWords(english).length, english.message).toBeGreaterThan(1);
      expect(english.message).toMatch(/^Bundled dataset /);
    },
  );

  it('says what zod found in our words, never in zod’s', () => {
    const said = (name: string) => refusal(name, 'en').message;
    expect(said('a wrong type')).toBe(
      'Bundled dataset hibp-breaches.json is invalid at $[7].PwnCount: Expected a number, got a string.',
    );
    expect(said('a missing field')).toBe(
      'Bundled dataset 2fa-directory.json is invalid at $.entries[3].name: Missing required field "name".',
    );
    expect(said('an unknown family kind')).toBe(
      'Bundled dataset account-families.json is invalid at $.families[0].kind: Unknown value "family": expected one of personal, work, both.',
    );
    expect(said('a stray character')).toBe(
      'Bundled dataset passkeys-directory.json is not valid JSON: it has a character that does not belong.',
    );
    expect(said('a character after the JSON')).toBe(
      'Bundled dataset passkeys-directory.json is not valid JSON: it stops being JSON at line 2, column 3.',
    );
    for (const name of Object.keys(DAMAGES)) {
      expect(said(name)).not.toMatch(
        /Invalid (input|option|key in)|Too (big|small)|received|Expected an http\(s\)/,
      );
    }
  });

  it('words a downloaded copy’s refusal without calling it bundled', () => {
    const records = JSON.parse(text('breaches'));
    records[7].PwnCount = '12 million';
    try {
      parseDatasetText('breaches', JSON.stringify(records));
      expect.unreachable();
    } catch (error) {
      expect((error as DatasetFileError).refusal).toBe(
        'hibp-breaches.json is invalid at $[7].PwnCount: Expected a number, got a string.',
      );
    }
  });
});

describe('jsonPath', () => {
  it('writes identifiers with dots, indexes and other keys with brackets', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['entries', 0, 'additional-domains', 2])).toBe('$.entries[0]["additional-domains"][2]');
    expect(jsonPath(['_partial'])).toBe('$._partial');
  });
});

describe('htmlToText', () => {
  it('strips tags and keeps the text between them', () => {
    expect(htmlToText('<p>Hello <b>world</b>, <em>really</em></p>')).toBe('Hello world, really');
    expect(htmlToText("salted SHA-1 hashes for users who <em>didn't</em> sign up")).toBe(
      "salted SHA-1 hashes for users who didn't sign up",
    );
  });

  it('separates words at block tags and line breaks', () => {
    expect(htmlToText('one<br>two<br/>three<p>four</p><li>five</li>')).toBe('one two three four five');
  });

  it('keeps link texts and drops their URLs', () => {
    const text = htmlToText(
      'The <a href="https://www.troyhunt.com/x?a=1&b=2" target="_blank" rel="noopener">breach was found</a> later.',
    );
    expect(text).toBe('The breach was found later.');
    expect(text).not.toMatch(/troyhunt|https?:|href/);
  });

  it('ends a tag at the first > outside a quoted value, as browsers do', () => {
    expect(htmlToText('<a title="a > b" href=\'x>y\'>text</a>')).toBe('text');
    // Malformed quoting from real HIBP descriptions (Paytm, ThisHabbo): the text after the tag stays.
    expect(
      htmlToText(
        'that <a href="https://twitter.com/t/status/155 target="_blank" rel="noopener">it was fake</a>.',
      ),
    ).toBe('that it was fake.');
    expect(
      htmlToText(
        '<a href="https://www.google.com/search?q="x.txt" target="_blank" rel="noopener">appeared</a>',
      ),
    ).toBe('appeared');
  });

  it('decodes the common entities once', () => {
    expect(htmlToText('AT&amp;T &lt;b&gt; &quot;quoted&quot; &#39;single&#39; a&nbsp;b')).toBe(
      'AT&T <b> "quoted" \'single\' a b',
    );
    expect(htmlToText('&#65;&#x42;&#X43; &eacute;t&eacute; &mdash; &amp;lt;')).toBe(
      'ABC &eacute;t&eacute; — &lt;',
    );
    expect(htmlToText('AT&T and &Clients stay as written')).toBe('AT&T and &Clients stay as written');
  });

  it('replaces impossible and control characters from numeric entities', () => {
    expect(htmlToText('a&#0;b &#xD800; c&#7;d &#1114112;')).toBe('a\uFFFDb \uFFFD c d \uFFFD');
  });

  it('drops script, style and comments with their content', () => {
    expect(htmlToText('a<script>alert("x")</script>b<STYLE type="text/css">p { color: red }</STYLE>c')).toBe(
      'a b c',
    );
    expect(htmlToText('before<!-- <a href="x">hidden</a> -->after')).toBe('before after');
    expect(htmlToText('safe<script>document.write("<p>x</p>")')).toBe('safe');
    expect(htmlToText('<scripts>kept</scripts>')).toBe('kept');
  });

  it('keeps a < that starts no tag and drops an unterminated tag at the end', () => {
    expect(htmlToText('5 < 6 and 7 > 3')).toBe('5 < 6 and 7 > 3');
    expect(htmlToText('cut off <a href="https://example.com/')).toBe('cut off');
  });

  it('collapses whitespace and trims', () => {
    expect(htmlToText('  many \n\t spaces\u00a0 here  ')).toBe('many spaces here');
    expect(htmlToText('')).toBe('');
  });

  it('turns every bundled description into text without markup', () => {
    const descriptions = [...full('breaches'), ...full('breachesSupplement')].map(
      (breach) => breach.Description,
    );
    for (const description of descriptions) {
      const text = htmlToText(description);
      expect(text).not.toMatch(/<\/?[a-z]|href=|&(amp|quot|lt|gt|#\d+);/i);
      expect(text.length).toBeGreaterThan(0);
    }
  });

  it('takes linear time on hostile input', () => {
    const hostile = [
      `<a${' x="y"'.repeat(20_000)}${' /'.repeat(20_000)}`,
      '<a'.repeat(50_000),
      `<a b=${'"'.repeat(50_000)}`,
      '<script>'.repeat(20_000),
    ];
    const started = performance.now();
    for (const input of hostile) htmlToText(input);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
