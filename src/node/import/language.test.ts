import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS, languageSample } from './language';

const SEED = fileURLToPath(new URL('../../../seeds/000_fa55918c37a99e94.txt', import.meta.url));

describe('detectLanguage', () => {
  it('reads the seed article as French', async () => {
    expect(detectLanguage(await readFile(SEED, 'utf8'))).toBe('fr');
  });

  it('tells close European languages apart from two sentences', () => {
    const samples: Record<string, string> = {
      en: 'The government approved a pension reform on Tuesday that the minister says will secure the system for decades.',
      es: 'El Gobierno aprobó este martes una reforma de las pensiones que, según el ministro, garantizará el sistema.',
      pt: 'O governo aprovou nesta terça-feira uma reforma das pensões que, segundo o ministro, vai garantir o sistema.',
      it: 'Il governo ha approvato martedì una riforma delle pensioni che, secondo il ministro, garantirà il sistema.',
      de: 'Die Regierung hat am Dienstag eine Rentenreform beschlossen, die das System für Jahrzehnte sichern soll.',
      nl: 'De regering heeft dinsdag een pensioenhervorming goedgekeurd die het stelsel voor decennia moet garanderen.',
    };
    for (const [language, text] of Object.entries(samples))
      expect(detectLanguage(text), language).toBe(language);
  });

  it('answers und when two languages score the same (a tie eld itself calls reliable)', () => {
    expect(detectLanguage('Internet Casino Hotel Restaurant Golf')).toBe('und');
    expect(detectLanguage('Alex Mario Anna Luca')).toBe('und');
  });

  it('answers und when there is too little text to tell', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12 345 678')).toBe('und');
    expect(detectLanguage('OK')).toBe('und');
  });
});

describe('languageSample', () => {
  it('is the title then the body, stopping once the sample is long enough', () => {
    const long = 'x'.repeat(LANGUAGE_SAMPLE_CHARS);
    expect(languageSample('Title', [{ text: 'One.' }, { text: long }, { text: 'Never read.' }])).toBe(
      `Title\nOne.\n${long}`,
    );
  });
});
