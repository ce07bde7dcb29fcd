/** The cleaner's rules for every language it knows; each language is data in its own file. */
import { DE } from './de';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import type { BoilerplateRules } from './types';

/** English, French, German and Spanish: all applied to every article. */
export const BOILERPLATE_RULES: BoilerplateRules = { en: EN, fr: FR, de: DE, es: ES };
