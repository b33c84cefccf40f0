import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale } from '../../messages/format';
import { actorWords, helperActor, SELF_ACTOR } from './actor';

afterEach(() => setMessageLocale('en'));

describe('who made a change, in words', () => {
  it('words the stored actors and keeps a helper’s name as typed', () => {
    expect(actorWords(SELF_ACTOR)).toBe('Me');
    expect(actorWords(helperActor('Sam (IT)'))).toBe('Helper: Sam (IT)');
    expect(helperActor('Sam (IT)')).toBe('Helper: Sam (IT)');
    expect(actorWords('Import service')).toBe('Import service');
  });

  it('follows the catalogue in use: the stored text does not change, the words do', () => {
    setMessageLocale('pseudo');
    const me = actorWords('Me');
    const helper = actorWords('Helper: Sam');
    expect(me).not.toBe('Me');
    expect(me).toMatch(/^\[.*\]$/u);
    expect(helper).toContain('Sam');
    expect(helper).not.toContain('Helper');
  });
});
