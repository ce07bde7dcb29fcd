/**
 * Files dropped on the window, through the same path as in the app: `DropGrants` (the main
 * process's tokens), the contract's `dispatch`, and the real services on a real data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WINDOW_METHODS, isWindowMethod } from '../core/ipc/channels';
import type { GazetteHandlers } from '../core/ipc/contract';
import { dispatch } from '../core/ipc/dispatch';
import { createGazetteHandlers } from '../node/gazette-handlers';
import { LibraryStore } from '../node/store';
import { DropGrants } from './drop-grants';

const BUSINESS = resolve('tests/fixtures/bbc-news/business');

let dataDir: string;
let store: LibraryStore;
let drops: DropGrants;
let handlers: GazetteHandlers;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gazette-drop-'));
  store = await LibraryStore.open(dataDir);
  drops = new DropGrants();
  handlers = createGazetteHandlers({
    store,
    choosePaths: async () => null,
    onImportProgress: () => {},
    redeemDroppedFiles: (tokens) => drops.redeem(tokens),
  });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('importing dropped files', () => {
  it('imports what the tokens stand for, once', async () => {
    const tokens = drops.grant([join(BUSINESS, '001.txt'), join(BUSINESS, '002.txt')]);
    const first = await dispatch(handlers, 'importDropped', { tokens });
    expect(first).toMatchObject({ ok: true, value: { imported: 2, failed: [] } });
    // The same tokens again: refused whole, and the library is as it was.
    const again = await dispatch(handlers, 'importDropped', { tokens });
    expect(again).toMatchObject({ ok: false, error: { code: 'DropRefused' } });
    expect(store.list()).toHaveLength(2);
  });

  it('refuses a path in place of a token, and a token never given, importing nothing', async () => {
    expect(await dispatch(handlers, 'importDropped', { tokens: ['/etc/hostname'] })).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput' },
    });
    const [given] = drops.grant([join(BUSINESS, '001.txt')]);
    const forged = '5b0c4e8e-9f57-4d0c-8c2b-1a2b3c4d5e6f';
    expect(await dispatch(handlers, 'importDropped', { tokens: [given, forged] })).toMatchObject({
      ok: false,
      error: { code: 'DropRefused' },
    });
    expect(store.list()).toHaveLength(0);
  });

  it('is refused by services that accept no drops', async () => {
    const noDrops = createGazetteHandlers({
      store,
      choosePaths: async () => null,
      onImportProgress: () => {},
    });
    const tokens = drops.grant([join(BUSINESS, '001.txt')]);
    expect(await dispatch(noDrops, 'importDropped', { tokens })).toMatchObject({ ok: false });
    expect(store.list()).toHaveLength(0);
  });

  it('never lets a window call importPaths', () => {
    expect(isWindowMethod('importPaths')).toBe(false);
    expect(WINDOW_METHODS).not.toContain('importPaths');
    expect(WINDOW_METHODS).toContain('importDropped');
    expect(WINDOW_METHODS).toContain('chooseAndImport');
  });
});
