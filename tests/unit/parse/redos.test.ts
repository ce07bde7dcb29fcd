/**
 * Issue 9 §1: every pattern of the cleaner is safe by construction. `recheck` (a ReDoS detector
 * that proves or fuzzes each pattern) runs over every pattern of every language's rules and every
 * regex literal in the modules of `src/core/parse`, and fails on anything not `safe`, so a new
 * rule cannot bring back the exponential `linkRow` or the quadratic `endsSentence`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES } from '../../../src/core/parse/rules/index';

const PARSE_FOLDER = join(import.meta.dirname, '..', '..', '..', 'src', 'core', 'parse');

/** Every RegExp reachable from a value (the rules are plain data). */
function regexesIn(value: unknown, found: RegExp[] = []): RegExp[] {
  if (value instanceof RegExp) found.push(value);
  else if (Array.isArray(value)) for (const item of value) regexesIn(item, found);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) regexesIn(item, found);
  return found;
}

/** Every regex literal of the TypeScript files of a folder and its subfolders, tests excluded. */
function literalsIn(folder: string): { where: string; source: string; flags: string }[] {
  const found: { where: string; source: string; flags: string }[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...literalsIn(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(file);
          const end = text.lastIndexOf('/');
          found.push({ where: entry.name, source: text.slice(1, end), flags: text.slice(end + 1) });
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return found;
}

describe('ReDoS: recheck over every pattern', () => {
  it('finds every rule pattern and every module-level regex safe', async () => {
    const patterns = new Map<string, { where: string; source: string; flags: string }>();
    for (const [language, rules] of Object.entries(BOILERPLATE_RULES)) {
      for (const regex of regexesIn(rules)) {
        const flags = regex.flags.replace(/[gy]/gu, '');
        patterns.set(`${regex.source}/${flags}`, { where: `rules ${language}`, source: regex.source, flags });
      }
    }
    for (const literal of literalsIn(PARSE_FOLDER)) {
      const flags = literal.flags.replace(/[gy]/gu, '');
      patterns.set(`${literal.source}/${flags}`, { ...literal, flags });
    }
    expect(patterns.size).toBeGreaterThan(150);

    const unsafe: string[] = [];
    const all = [...patterns.values()];
    // A few at a time: each check may start the native checker.
    for (let i = 0; i < all.length; i += 8) {
      const batch = all.slice(i, i + 8);
      const results = await Promise.all(
        batch.map((pattern) => check(pattern.source, pattern.flags, { timeout: 20_000 })),
      );
      results.forEach((result, j) => {
        if (result.status !== 'safe') {
          const pattern = batch[j]!;
          const detail = result.status === 'vulnerable' ? result.complexity.summary : result.status;
          unsafe.push(`${pattern.where}: /${pattern.source}/${pattern.flags} → ${detail}`);
        }
      });
    }
    console.log(`recheck: ${all.length} patterns checked, ${unsafe.length} not safe`);
    expect(unsafe).toEqual([]);
  }, 600_000);
});
