/**
 * Finds site boilerplate (comment forms, cookie banners, share buttons...) at the edges of an
 * article's body. Conservative by design: only runs of matching blocks at the very start or the
 * very end are removed, never a block inside the article, and nothing is removed if the whole
 * body would go. The patterns themselves are data, in `boilerplate-rules.ts`.
 */
import type { RemovedBlock } from '../article';

/** Why a block was taken out; stored as `RemovedBlock.reason`. */
export type BoilerplateRuleId =
  'comment-form' | 'cookie-banner' | 'newsletter' | 'share' | 'related' | 'copyright' | 'legal';

/** One kind of site text and the whole-block patterns that recognise it. */
export interface BoilerplateRule {
  id: BoilerplateRuleId;
  /** Each is tested against one trimmed block; write them anchored so sentences don't match. */
  patterns: readonly RegExp[];
}

/** The rules of one language. */
export interface LanguageRules {
  /** Site text removed from the edges of the body. */
  remove: readonly BoilerplateRule[];
  /** Credit lines such as `(Avec AFP)`, kept as `attribution` blocks. */
  attribution: readonly RegExp[];
}

/**
 * Rules keyed by language (`en`, `fr`...). All languages apply to every article: a French
 * site may well show an English cookie banner.
 */
export type BoilerplateRules = Readonly<Record<string, LanguageRules>>;

interface CompiledRules {
  remove: { id: BoilerplateRuleId; pattern: RegExp }[];
  attribution: RegExp[];
}

/** Boilerplate and credit lines are short; longer blocks skip the regexes entirely. */
const MAX_BOILERPLATE_CHARS = 1_000;
const MAX_ATTRIBUTION_CHARS = 120;

const compiled = new WeakMap<BoilerplateRules, CompiledRules>();

/** Flattens the per-language rules once per rules object; parsing reuses the result. */
function compile(rules: BoilerplateRules): CompiledRules {
  let result = compiled.get(rules);
  if (!result) {
    result = { remove: [], attribution: [] };
    for (const language of Object.values(rules)) {
      for (const rule of language.remove) {
        for (const pattern of rule.patterns) result.remove.push({ id: rule.id, pattern });
      }
      result.attribution.push(...language.attribution);
    }
    compiled.set(rules, result);
  }
  return result;
}

/** The id of the first rule whose pattern matches the whole trimmed block, or null. */
export function matchBoilerplate(text: string, rules: BoilerplateRules): BoilerplateRuleId | null {
  if (text.length > MAX_BOILERPLATE_CHARS) return null;
  for (const { id, pattern } of compile(rules).remove) {
    if (pattern.test(text)) return id;
  }
  return null;
}

/** Whether the trimmed block is an agency or author credit such as `(With Reuters)`. */
export function isAttribution(text: string, rules: BoilerplateRules): boolean {
  if (text.length > MAX_ATTRIBUTION_CHARS) return false;
  return compile(rules).attribution.some((pattern) => pattern.test(text));
}

/** The body split into what stays and what was taken out, each in file order. */
export interface BoilerplateSplit {
  kept: string[];
  removed: RemovedBlock[];
}

/**
 * Removes the run of boilerplate blocks at the start of the body (before the first real
 * paragraph) and the run at the end. A matching block with article text on both sides is kept.
 * If every block matches, nothing is removed: a body made only of "boilerplate" means the
 * rules are wrong for this file, and keeping is the safe mistake.
 */
export function removeBoilerplate(blocks: readonly string[], rules: BoilerplateRules): BoilerplateSplit {
  const startReasons: BoilerplateRuleId[] = [];
  for (const text of blocks) {
    const reason = matchBoilerplate(text, rules);
    if (!reason) break;
    startReasons.push(reason);
  }
  if (startReasons.length === blocks.length) return { kept: [...blocks], removed: [] };

  const endReasons: BoilerplateRuleId[] = [];
  for (let i = blocks.length - 1; i >= startReasons.length; i--) {
    const reason = matchBoilerplate(blocks[i]!, rules);
    if (!reason) break;
    endReasons.unshift(reason);
  }

  const keptTo = blocks.length - endReasons.length;
  const removed: RemovedBlock[] = [
    ...startReasons.map((reason, i) => ({ text: blocks[i]!, reason, position: 'start' as const })),
    ...endReasons.map((reason, i) => ({ text: blocks[keptTo + i]!, reason, position: 'end' as const })),
  ];
  return { kept: blocks.slice(startReasons.length, keptTo), removed };
}
