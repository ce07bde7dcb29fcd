import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropTokenSchema } from '../core/ipc/contract';
import { DropGrants, DropRefusedError } from './drop-grants';

const HOSTNAME = '/etc/hostname';
const ARTICLE = resolve('seeds/000_fa55918c37a99e94.txt');

describe('drop grants', () => {
  it('gives one token per dropped path, which the contract accepts, and redeems each once', () => {
    const grants = new DropGrants();
    const tokens = grants.grant([ARTICLE, resolve('tests/fixtures/bbc-news')]);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
    for (const token of tokens) expect(dropTokenSchema.safeParse(token).success).toBe(true);
    expect(grants.redeem(tokens)).toEqual([ARTICLE, resolve('tests/fixtures/bbc-news')]);
    // Spent: the same tokens again are refused.
    expect(() => grants.redeem(tokens)).toThrow(DropRefusedError);
    expect(grants.size).toBe(0);
  });

  it('refuses a path given as a token, a made-up token, and a token repeated, spending nothing', () => {
    const grants = new DropGrants();
    const [token] = grants.grant([ARTICLE]);
    expect(() => grants.redeem([HOSTNAME])).toThrow(/drop them on the window again/);
    expect(() => grants.redeem(['00000000-0000-4000-8000-000000000000'])).toThrow(DropRefusedError);
    expect(() => grants.redeem([token!, '00000000-0000-4000-8000-000000000000'])).toThrow(DropRefusedError);
    expect(() => grants.redeem([token!, token!])).toThrow(DropRefusedError);
    // None of the refusals spent the good token.
    expect(grants.redeem([token!])).toEqual([ARTICLE]);
  });

  it('refuses anything but absolute paths from the preload, granting nothing', () => {
    const grants = new DropGrants();
    for (const bad of [[], 'x', [''], ['relative/file.txt'], [`${ARTICLE}\0`], [42], ['/a'.repeat(3000)]]) {
      expect(() => grants.grant(bad)).toThrow(DropRefusedError);
    }
    expect(() => grants.grant([ARTICLE, 'relative.txt'])).toThrow(DropRefusedError);
    expect(grants.size).toBe(0);
  });

  it('forgets a token after its time, and the oldest tokens beyond the limit', () => {
    let now = 1_000;
    const grants = new DropGrants({ ttlMs: 60_000, maxOutstanding: 3, now: () => now });
    const [early] = grants.grant([ARTICLE]);
    now += 60_000;
    expect(() => grants.redeem([early!])).toThrow(DropRefusedError);
    const first = grants.grant([ARTICLE, HOSTNAME]);
    const second = grants.grant([ARTICLE, ARTICLE]);
    expect(grants.size).toBe(3);
    expect(() => grants.redeem([first[0]!])).toThrow(DropRefusedError);
    expect(grants.redeem([first[1]!, ...second])).toEqual([HOSTNAME, ARTICLE, ARTICLE]);
  });
});
