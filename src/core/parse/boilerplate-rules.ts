/**
 * Where callers found the rules before they were split per language; the data now lives in
 * `rules/` (one file per language) and its types in `rules/types.ts`.
 */
export { BOILERPLATE_RULES } from './rules/index';
