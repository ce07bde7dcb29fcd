import type { z } from 'zod';

/**
 * A plain-JavaScript check compiled from a zod schema, for reading big files at start-up.
 *
 * Why: zod's `safeParse` is fast once V8 has optimised it, but a short-lived process (the command
 * line) never gets there: checking the BBC library's 1,438 records cold took ~200 ms of a
 * `gazette list`, against ~20 ms warm. This walks the schema ONCE and builds small closures (a
 * `typeof`, a length, a regular expression per field) that run quickly even cold.
 *
 * The contract that keeps validation whole: the compiled check answers `true` only for a value
 * the schema accepts AND would return unchanged (no unknown key to strip, no default, no
 * transform). Anything else answers `false`, and the caller then runs zod itself, which stays the
 * judge and writes the message. A schema using any feature this does not know (a refinement, a
 * transform, a string format other than a pattern or an ISO date-time...) compiles to `null`: the
 * caller uses zod alone. The rule is still written once, in the zod schema; this only reads it.
 */
export type FastCheck = (value: unknown) => boolean;

/** The parts of a zod 4 schema definition read here (zod's internals, `schema._zod.def`). */
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  entries?: Record<string, unknown>;
  values?: unknown[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  when?: unknown;
}

interface Schema {
  _zod: { def: Def };
}

/** zod's length checks, which carry a default `when` (see `compile`). */
const LENGTH_CHECKS = new Set(['min_length', 'max_length', 'length_equals']);

/** The compiled check of `schema`, or `null` when it uses something this cannot compile. */
export function compileFastCheck(schema: z.ZodType): FastCheck | null {
  return compile(schema as unknown as Schema, false);
}

/** `optionalOk`: the value may be `undefined` (an optional key that is absent). */
function compile(schema: Schema, optionalOk: boolean): FastCheck | null {
  const def = schema._zod.def;
  const checks = def.checks ?? [];
  // A check with a `when` runs under conditions this does not model, except zod's own guard on
  // length checks ("the value has a length"), always true once the type is checked here.
  const modelled = (check: CheckDef): boolean => check.when === undefined || LENGTH_CHECKS.has(check.check);
  if (!checks.every((check) => modelled(check._zod.def)) || def.coerce === true) return null;
  let check: FastCheck | null;
  switch (def.type) {
    case 'optional':
      return def.innerType ? compile(def.innerType, true) : null;
    case 'string':
      check = stringCheck(def);
      break;
    case 'number':
      check = numberCheck(def);
      break;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      check = (value) => allowed.has(value);
      break;
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      check = (value) => allowed.has(value);
      break;
    }
    case 'array':
      check = arrayCheck(def);
      break;
    case 'object':
      check = objectCheck(def);
      break;
    case 'record':
      check = recordCheck(def);
      break;
    default:
      return null;
  }
  if (check === null) return null;
  const inner = check;
  return optionalOk ? (value) => value === undefined || inner(value) : inner;
}

/** A string with length limits and patterns; `null` for any other check or format. */
function stringCheck(def: Def): FastCheck | null {
  const parts: FastCheck[] = [];
  // A format string (`z.iso.datetime()`) is itself a check: only the pattern-only ones are known.
  if (def.format !== undefined) {
    if (!['datetime', 'regex'].includes(def.format) || !(def.pattern instanceof RegExp)) return null;
    parts.push(patternTest(def.pattern));
  }
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === 'min_length' && typeof check.minimum === 'number') {
      const minimum = check.minimum;
      parts.push((value) => (value as string).length >= minimum);
    } else if (check.check === 'max_length' && typeof check.maximum === 'number') {
      const maximum = check.maximum;
      parts.push((value) => (value as string).length <= maximum);
    } else if (check.check === 'length_equals' && typeof check.length === 'number') {
      const length = check.length;
      parts.push((value) => (value as string).length === length);
    } else if (
      check.check === 'string_format' &&
      ['regex', 'datetime'].includes(check.format ?? '') &&
      check.pattern instanceof RegExp
    ) {
      parts.push(patternTest(check.pattern));
    } else {
      return null;
    }
  }
  return (value) => typeof value === 'string' && parts.every((part) => part(value));
}

/** `pattern.test`, reset first as zod does (a global pattern keeps its `lastIndex`). */
function patternTest(pattern: RegExp): FastCheck {
  return (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value as string);
  };
}

/** A finite number with integer and bound checks; `null` for any other check. */
function numberCheck(def: Def): FastCheck | null {
  const parts: FastCheck[] = [];
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === 'number_format' && check.format === 'safeint') {
      parts.push((value) => Number.isSafeInteger(value));
    } else if (check.check === 'greater_than' && typeof check.value === 'number') {
      const bound = check.value;
      parts.push(
        check.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound,
      );
    } else if (check.check === 'less_than' && typeof check.value === 'number') {
      const bound = check.value;
      parts.push(
        check.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound,
      );
    } else {
      return null;
    }
  }
  return (value) => typeof value === 'number' && Number.isFinite(value) && parts.every((part) => part(value));
}

function arrayCheck(def: Def): FastCheck | null {
  const element = def.element ? compile(def.element, false) : null;
  if (element === null) return null;
  let minimum = 0;
  let maximum = Infinity;
  for (const { _zod } of def.checks ?? []) {
    const check = _zod.def;
    if (check.check === 'min_length' && typeof check.minimum === 'number') minimum = check.minimum;
    else if (check.check === 'max_length' && typeof check.maximum === 'number') maximum = check.maximum;
    else return null;
  }
  return (value) =>
    Array.isArray(value) && value.length >= minimum && value.length <= maximum && value.every(element);
}

/**
 * A plain object holding only known keys (zod would strip an unknown one: the value would not be
 * returned unchanged, so `false` hands it to zod), each passing its field's check.
 */
function objectCheck(def: Def): FastCheck | null {
  if (def.catchall !== undefined || (def.checks ?? []).length > 0 || !def.shape) return null;
  const fields: Array<[string, FastCheck]> = [];
  for (const [key, field] of Object.entries(def.shape)) {
    const check = compile(field, false);
    if (check === null) return null;
    fields.push([key, check]);
  }
  const known = new Set(fields.map(([key]) => key));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (const key in record) if (!known.has(key)) return false;
    return fields.every(([key, check]) => check(record[key]));
  };
}

/** A plain object whose every own key and value pass their checks. */
function recordCheck(def: Def): FastCheck | null {
  if ((def.checks ?? []).length > 0 || !def.keyType || !def.valueType) return null;
  const key = compile(def.keyType, false);
  const entry = compile(def.valueType, false);
  if (key === null || entry === null) return null;
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    // JSON.parse makes plain objects, but a record's keys are only what it owns.
    if (Object.getOwnPropertySymbols(value).length > 0) return false;
    for (const [name, inner] of Object.entries(value)) if (!key(name) || !entry(inner)) return false;
    return true;
  };
}
