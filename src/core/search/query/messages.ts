/**
 * What a query error says, in English and French (French typography: « » with no-break spaces,
 * a no-break space before the colon). Kept beside the grammar so the app and the command line say
 * the same thing; the renderer may show it as is or key its own catalogue by `error.code`.
 */
import type { QueryError } from './ast';

export type QueryMessageLocale = 'en' | 'fr';

const NBSP = '\u00a0';

const en = (error: QueryError): string => {
  const key = error.key ?? '';
  switch (error.code) {
    case 'unknown-key':
      return `Unknown key “${key}:”; keys are tag, section, site, author, lang, is, has, color, in, published, saved, minutes and progress.`;
    case 'missing-value':
      return `“${key}:” needs a value.`;
    case 'bad-value':
      return error.expected
        ? `“${error.text}” is not understood: ${key}: takes ${error.expected.join(', ')}.`
        : `“${error.text}” is not a valid ${key}.`;
    case 'bad-date':
      return `“${error.text}” needs a date written 2024, 2024-06 or 2024-06-30, after < or > if you like.`;
    case 'bad-number':
      return key === 'progress'
        ? `“${error.text}” needs a percentage from 0 to 100, e.g. progress:>50.`
        : `“${error.text}” needs a whole number, e.g. minutes:<5.`;
    case 'unclosed-quote':
      return 'A quote is not closed: the phrase runs to the end.';
    case 'empty-phrase':
      return 'Empty quotes search for nothing.';
    case 'unclosed-paren':
      return 'A parenthesis is not closed.';
    case 'unexpected-paren':
      return 'This closing parenthesis has no opening one.';
    case 'empty-group':
      return 'Empty parentheses search for nothing.';
    case 'dangling-or':
      return 'OR needs a term on each side.';
    case 'dangling-negation':
      return '“-” needs a term right after it.';
    case 'negated-scope':
      return '“in:” cannot be negated: say where to search instead (in:title, in:text, in:highlight, in:note).';
  }
};

const fr = (error: QueryError): string => {
  const key = error.key ?? '';
  const q = (text: string): string => `«${NBSP}${text}${NBSP}»`;
  switch (error.code) {
    case 'unknown-key':
      return `Clé inconnue ${q(`${key}:`)}${NBSP}; les clés sont tag, section, site, author, lang, is, has, color, in, published, saved, minutes et progress.`;
    case 'missing-value':
      return `${q(`${key}:`)} attend une valeur.`;
    case 'bad-value':
      return error.expected
        ? `${q(error.text)} n’est pas compris${NBSP}: ${key}: accepte ${error.expected.join(', ')}.`
        : `${q(error.text)} n’est pas une valeur valable pour ${key}.`;
    case 'bad-date':
      return `${q(error.text)} attend une date écrite 2024, 2024-06 ou 2024-06-30, précédée au besoin de < ou >.`;
    case 'bad-number':
      return key === 'progress'
        ? `${q(error.text)} attend un pourcentage de 0 à 100, par exemple progress:>50.`
        : `${q(error.text)} attend un nombre entier, par exemple minutes:<5.`;
    case 'unclosed-quote':
      return `Un guillemet n’est pas fermé${NBSP}: l’expression va jusqu’au bout.`;
    case 'empty-phrase':
      return 'Des guillemets vides ne cherchent rien.';
    case 'unclosed-paren':
      return 'Une parenthèse n’est pas fermée.';
    case 'unexpected-paren':
      return 'Cette parenthèse fermante n’a pas d’ouvrante.';
    case 'empty-group':
      return 'Des parenthèses vides ne cherchent rien.';
    case 'dangling-or':
      return 'OR attend un terme de chaque côté.';
    case 'dangling-negation':
      return `${q('-')} attend un terme juste après.`;
    case 'negated-scope':
      return `${q('in:')} ne peut pas être nié${NBSP}: dites plutôt où chercher (in:title, in:text, in:highlight, in:note).`;
  }
};

/** The sentence telling the reader what was not understood and how to write it. */
export function queryErrorMessage(error: QueryError, locale: QueryMessageLocale): string {
  return locale === 'fr' ? fr(error) : en(error);
}
