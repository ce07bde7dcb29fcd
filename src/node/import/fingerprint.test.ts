import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint';

describe('fingerprint', () => {
  it('is the SHA-256 hex of the canonical text', () => {
    const expected = createHash('sha256').update('A title\nOne two. Three.', 'utf8').digest('hex');
    expect(
      fingerprint(' A title', [
        { kind: 'lede', text: 'One  two.' },
        { kind: 'paragraph', text: 'Three.' },
      ]),
    ).toBe(expected);
  });

  it('is the same for NFD text and for another paragraph split', () => {
    const nfc = fingerprint('Défense', [
      { kind: 'paragraph', text: 'Sergueï Choïgou a parlé. Puis Lavrov.' },
    ]);
    const nfd = fingerprint('Défense'.normalize('NFD'), [
      { kind: 'lede', text: 'Sergueï Choïgou a parlé.'.normalize('NFD') },
      { kind: 'paragraph', text: 'Puis Lavrov.' },
    ]);
    expect(nfd).toBe(nfc);
  });
});
