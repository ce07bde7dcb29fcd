import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DurableJsonFile, isTempFileName, removeTempFiles, writeFileDurably } from './durable-json-file';
import { StoreCorruptError, StoreReadOnlyError, StoreVersionError } from './errors';
import { isCompleteVersion, loopFileSchema } from './testing/loop-file';

const noteSchema = z.object({ schemaVersion: z.literal(1), notes: z.array(z.string()) });
type Notes = z.infer<typeof noteSchema>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function notesFile(
  file: string,
  options: { readOnly?: boolean; indent?: number } = {},
): DurableJsonFile<Notes> {
  return new DurableJsonFile(file, { schema: noteSchema, schemaVersion: 1, label: 'notes file', ...options });
}

describe('DurableJsonFile', () => {
  describe('versions', () => {
    const v2Schema = z.object({
      schemaVersion: z.literal(2),
      notes: z.array(z.object({ text: z.string() })),
    });
    type V2 = z.infer<typeof v2Schema>;
    const v2File = (file: string, options: { readNewer?: boolean } = {}) =>
      new DurableJsonFile<V2>(file, {
        schema: v2Schema,
        schemaVersion: 2,
        label: 'notes file',
        migrations: {
          1: (document) => ({
            ...document,
            notes: (document.notes as string[]).map((text) => ({ text })),
          }),
        },
        ...options,
      });

    it('migrates an older file on read, and keeps the old bytes beside it before the first write', async () => {
      const target = path.join(dir, 'notes.json');
      const v1 = '{"schemaVersion":1,"notes":["a","b"]}';
      await writeFile(target, v1);
      const file = v2File(target);
      expect(await file.read()).toEqual({ schemaVersion: 2, notes: [{ text: 'a' }, { text: 'b' }] });
      expect(file.migratedFrom).toBe(1);
      expect(await readFile(target, 'utf8')).toBe(v1); // reading changes nothing
      await file.write({ schemaVersion: 2, notes: [{ text: 'a' }] });
      expect(await readFile(path.join(dir, 'notes.v1.json'), 'utf8')).toBe(v1);
      expect(file.migratedFrom).toBeUndefined();
      // A second write does not copy again.
      await file.write({ schemaVersion: 2, notes: [] });
      expect((await readdir(dir)).sort()).toEqual(['notes.json', 'notes.v1.json']);

      // Another version-1 file migrated later: the earlier copy is kept too.
      await writeFile(target, '{"schemaVersion":1,"notes":["c"]}');
      const again = v2File(target);
      await again.read();
      await again.write({ schemaVersion: 2, notes: [{ text: 'c' }] });
      expect(await readFile(path.join(dir, 'notes.v1.json'), 'utf8')).toBe(v1);
      expect(await readFile(path.join(dir, 'notes.v1-2.json'), 'utf8')).toBe(
        '{"schemaVersion":1,"notes":["c"]}',
      );
    });

    it('refuses a version it has no step from', async () => {
      const target = path.join(dir, 'notes.json');
      await writeFile(target, '{"schemaVersion":0,"notes":[]}');
      await expect(v2File(target).read()).rejects.toThrow(
        /schema version 0, which this version of Gazette cannot upgrade/,
      );
    });

    it('reads a newer file read-only when asked, and never writes it', async () => {
      const target = path.join(dir, 'notes.json');
      const newer = '{"schemaVersion":3,"notes":[{"text":"x","colour":"red"}],"shelves":[]}';
      await writeFile(target, newer);
      await expect(v2File(target).read()).rejects.toBeInstanceOf(StoreVersionError);
      const file = v2File(target, { readNewer: true });
      expect(await file.read()).toEqual({ schemaVersion: 2, notes: [{ text: 'x' }] });
      expect(file.newerVersion).toBeInstanceOf(StoreVersionError);
      await expect(file.write({ schemaVersion: 2, notes: [] })).rejects.toBeInstanceOf(StoreVersionError);
      expect(await readFile(target, 'utf8')).toBe(newer);
    });

    it('refuses a file holding a __proto__ key, which zod would drop without a word', async () => {
      const target = path.join(dir, 'notes.json');
      const bytes = '{"schemaVersion":1,"notes":[],"__proto__":{"polluted":true}}';
      await writeFile(target, bytes);
      await expect(notesFile(target).read()).rejects.toThrow(/holds the key "__proto__"/);
      // A note that merely mentions it is fine.
      await writeFile(target, '{"schemaVersion":1,"notes":["the \\"__proto__\\" key"]}');
      expect(await notesFile(target).read()).toEqual({ schemaVersion: 1, notes: ['the "__proto__" key'] });
    });
  });

  it('reads a missing file as null, and reads back what it wrote', async () => {
    const file = notesFile(path.join(dir, 'deep', 'er', 'notes.json'));
    expect(await file.read()).toBeNull();
    await file.write({ schemaVersion: 1, notes: ['a', 'b'] });
    expect(await file.read()).toEqual({ schemaVersion: 1, notes: ['a', 'b'] });
    expect(await readFile(file.file, 'utf8')).toBe('{"schemaVersion":1,"notes":["a","b"]}\n');
    expect(await readdir(path.dirname(file.file))).toEqual(['notes.json']); // no temporary file left
  });

  it('pretty-prints when asked', async () => {
    const file = notesFile(path.join(dir, 'notes.json'), { indent: 2 });
    await file.write({ schemaVersion: 1, notes: [] });
    expect(await readFile(file.file, 'utf8')).toBe('{\n  "schemaVersion": 1,\n  "notes": []\n}\n');
  });

  it('accepts a file that starts with a UTF-8 byte order mark', async () => {
    const target = path.join(dir, 'notes.json');
    await writeFile(target, '\uFEFF{"schemaVersion":1,"notes":["x"]}');
    expect(await notesFile(target).read()).toEqual({ schemaVersion: 1, notes: ['x'] });
  });

  it('writes one after another and the last data wins', async () => {
    const file = notesFile(path.join(dir, 'notes.json'));
    const writes = Array.from({ length: 20 }, (_, n) =>
      file.write({ schemaVersion: 1, notes: [`version ${n}`] }),
    );
    await Promise.all(writes);
    expect(await file.read()).toEqual({ schemaVersion: 1, notes: ['version 19'] });
    expect(await readdir(dir)).toEqual(['notes.json']);
  });

  it('refuses to write data that fails its own schema, and leaves the file as it was', async () => {
    const file = notesFile(path.join(dir, 'notes.json'));
    await file.write({ schemaVersion: 1, notes: ['kept'] });
    await expect(file.write({ schemaVersion: 1, notes: [42] } as unknown as Notes)).rejects.toThrow(
      /refused to write invalid data to the notes file .*notes\.json/,
    );
    expect(await file.read()).toEqual({ schemaVersion: 1, notes: ['kept'] });
  });

  it('refuses writes when opened read-only', async () => {
    const file = notesFile(path.join(dir, 'notes.json'), { readOnly: true });
    await expect(file.write({ schemaVersion: 1, notes: [] })).rejects.toBeInstanceOf(StoreReadOnlyError);
    expect(await readdir(dir)).toEqual([]);
  });

  describe('a damaged file is reported and never overwritten', () => {
    const cases: Array<{
      name: string;
      bytes: string;
      error: typeof StoreCorruptError | typeof StoreVersionError;
      message: RegExp;
    }> = [
      {
        name: 'invalid JSON',
        bytes: '{\n  "schemaVersion": 1,\n  "notes": [],\n}',
        error: StoreCorruptError,
        message:
          /The notes file .*notes\.json is damaged \(.*line 4.*\) and was left as it is; Gazette will not overwrite it/,
      },
      {
        name: 'an empty file (what a crash after a rename without fsync leaves)',
        bytes: '',
        error: StoreCorruptError,
        message: /is damaged \(the file is empty\)/,
      },
      {
        name: 'JSON cut short',
        bytes: '{"schemaVersion":1,"notes":["a","b',
        error: StoreCorruptError,
        message: /is damaged \(.*JSON.*\) and was left as it is/,
      },
      {
        name: 'NUL bytes',
        bytes: '\0\0\0\0\0\0',
        error: StoreCorruptError,
        message: /is damaged/,
      },
      {
        name: 'a schema violation',
        bytes: '{"schemaVersion":1,"notes":["ok",7]}',
        error: StoreCorruptError,
        message: /is damaged \(at notes\.1: .*\) and was left as it is/,
      },
      {
        name: 'a newer schema version',
        bytes: '{"schemaVersion":2,"notes":[],"tags":{}}',
        error: StoreVersionError,
        message:
          /was made by a newer version of Gazette \(schema version 2; this version knows 1\) and was left as it is/,
      },
    ];

    for (const { name, bytes, error, message } of cases) {
      it(name, async () => {
        const target = path.join(dir, 'notes.json');
        await writeFile(target, bytes);
        const file = notesFile(target);
        const thrown = await file.read().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(thrown).toBeInstanceOf(error);
        expect((thrown as Error).message).toMatch(message);
        expect((thrown as Error).message).toContain(target);

        // The same adapter refuses to write, with the same error.
        await expect(file.write({ schemaVersion: 1, notes: ['new'] })).rejects.toBe(thrown);
        // A fresh adapter that never read the file refuses too: it checks before its first write.
        await expect(notesFile(target).write({ schemaVersion: 1, notes: ['new'] })).rejects.toBeInstanceOf(
          error,
        );
        expect(await readFile(target, 'utf8')).toBe(bytes);
        expect(await readdir(dir)).toEqual(['notes.json']);
      });
    }

    it('an unreadable file (a folder in its place)', async () => {
      const target = path.join(dir, 'notes.json');
      await mkdir(target);
      const file = notesFile(target);
      await expect(file.read()).rejects.toThrow(
        /The notes file .*notes\.json could not be read \(.*\) and was left as it is/,
      );
      await expect(file.write({ schemaVersion: 1, notes: [] })).rejects.toBeInstanceOf(StoreCorruptError);
    });

    it('lifts the refusal once the file reads well again', async () => {
      const target = path.join(dir, 'notes.json');
      await writeFile(target, 'nonsense');
      const file = notesFile(target);
      await expect(file.read()).rejects.toBeInstanceOf(StoreCorruptError);
      await writeFile(target, '{"schemaVersion":1,"notes":["restored"]}');
      expect(await file.read()).toEqual({ schemaVersion: 1, notes: ['restored'] });
      await file.write({ schemaVersion: 1, notes: ['restored', 'more'] });
      expect(await file.read()).toEqual({ schemaVersion: 1, notes: ['restored', 'more'] });
    });
  });

  it('never leaves a torn file when the writing process is killed mid-write', async () => {
    // Atomicity under a crash: SIGKILL a child that rewrites a 1.4 MB file as fast as it can, at a
    // random moment, several times. (Durability after a power cut rests on the fsyncs, which a test
    // cannot cut the power under; the kill shows the rename never exposes a partial file.)
    const target = path.join(dir, 'loop.json');
    const entries = 20_000;
    const repoRoot = path.resolve(import.meta.dirname, '../../..');
    const child = path.join(import.meta.dirname, 'testing', 'child.ts');
    let lastVersion = 0;
    let interruptedMidWrite = 0;
    let tempsBefore = 0;
    // At least 8 rounds, and more (up to 30) until 3 kills have landed inside a write.
    for (let round = 0; round < 30 && (round < 8 || interruptedMidWrite < 3); round += 1) {
      const acknowledged = await new Promise<number>((resolve, reject) => {
        const proc = spawn(
          process.execPath,
          ['--import', 'tsx', child, 'write-loop', target, String(entries)],
          {
            cwd: repoRoot,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let output = '';
        let errors = '';
        let scheduled = false;
        proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          if (!scheduled && output.includes('wrote')) {
            scheduled = true;
            setTimeout(() => proc.kill('SIGKILL'), Math.random() * 300);
          }
        });
        proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
        proc.on('error', reject);
        proc.on('close', (_code, signal) => {
          if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself: ${errors}`));
          const versions = [...output.matchAll(/wrote (\d+)/g)].map((match) => Number(match[1]));
          resolve(Math.max(0, ...versions));
        });
      });

      const names = await readdir(dir);
      const temps = names.filter(isTempFileName).length;
      if (temps > tempsBefore) interruptedMidWrite += 1;
      tempsBefore = temps;
      expect(names.filter((name) => !isTempFileName(name))).toEqual(['loop.json']);

      const file = new DurableJsonFile(target, { schema: loopFileSchema, schemaVersion: 1 });
      const data = await file.read(); // throws if the file is torn, empty or not JSON
      expect(data).not.toBeNull();
      expect(isCompleteVersion(data!, entries)).toBe(true);
      // The last version the child reported on disk, or the one it was writing when killed.
      expect(data!.version).toBeGreaterThanOrEqual(acknowledged);
      expect(data!.version).toBeLessThanOrEqual(acknowledged + 1);
      expect(data!.version).toBeGreaterThan(lastVersion);
      lastVersion = data!.version;
    }
    // Kills landed inside writes (a temporary file was left): about half of them do.
    expect(interruptedMidWrite).toBeGreaterThanOrEqual(3);
    // The store's open() clears such leftovers while it holds the lock.
    expect(await removeTempFiles(dir)).toBe(tempsBefore);
    expect(await readdir(dir)).toEqual(['loop.json']);
  }, 120_000);
});

describe('writeFileDurably', () => {
  it('replaces a file and leaves no temporary file', async () => {
    const target = path.join(dir, 'pack.jsonl');
    await writeFileDurably(target, 'one\n');
    await writeFileDurably(target, Buffer.from('two\n'));
    expect(await readFile(target, 'utf8')).toBe('two\n');
    expect(await readdir(dir)).toEqual(['pack.jsonl']);
  });

  it('fails without touching anything when the folder is missing', async () => {
    await expect(writeFileDurably(path.join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('removeTempFiles', () => {
  it('removes only the temporary files a writer leaves', async () => {
    await writeFile(path.join(dir, '.library.json.123-4.tmp'), 'partial');
    await writeFile(path.join(dir, 'library.json'), '{}');
    await writeFile(path.join(dir, '.hidden'), '');
    expect(await removeTempFiles(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['.hidden', 'library.json']);
    expect(await removeTempFiles(path.join(dir, 'none'))).toBe(0);
  });
});
