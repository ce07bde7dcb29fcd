/**
 * Issue 9 §1: inputs built to make a backtracking regex run for hours. Each family is parsed
 * whole by `parseArticleText` and must finish in under a second, from lines of 10 KB to 5 MiB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleText } from './structure';

const FOOTER = [
  'About us',
  'Contact',
  'Privacy policy',
  'Terms of use',
  'Cookie settings',
  'Accessibility',
  'Sitemap',
  'Advertise with us',
  'Legal notice',
  'Contact us',
  'Site map',
  'Privacy notice',
  'Terms and conditions',
  'Legal',
  'Cookie policy',
  'About us',
];
const SHARE = ['Facebook', 'Twitter', 'Email', 'Share', 'Print', 'WhatsApp', 'LinkedIn', 'Copy link'];
const SEPARATORS = ['   ', ' | ', ' · ', ', ', ' / ', ' - ', ' and ', ' & ', '', ' 0 '];

/** A line of `bytes` characters made of `unit` repeated, ending with `ending`. */
const fill = (unit: string, bytes: number, ending = ''): string =>
  unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes) + ending;

const article = (line: string): string => `Markets rally\nThe plan will go ahead.\n${line}\n`;

const families: [string, string][] = [
  // The reproduction: 16 footer links, three spaces apart, then a copyright.
  ['the issue’s linkRow reproduction', article(FOOTER.join('   ') + '   © 2024 Example')],
];
for (const separator of SEPARATORS) {
  families.push([
    `footer row, separator "${separator}", 10 KB`,
    article(fill(FOOTER.join(separator) + separator, 10_000, 'x')),
  ]);
  families.push([
    `share row, separator "${separator}", 10 KB`,
    article(fill(SHARE.join(separator) + separator, 10_000, '!')),
  ]);
  families.push([
    `footer row, separator "${separator}", 900 chars`,
    article(fill(FOOTER.join(separator) + separator, 900, 'x')),
  ]);
}
for (const bytes of [10_000, 1_000_000, 5 * 1024 * 1024]) {
  const size = `${bytes} chars`;
  families.push(
    [`closing quotes, ${size}`, article(fill('" ', bytes, 'x'))],
    [`guillemets and quotes, ${size}`, article(fill('»’” ', bytes))],
    [`spaces, ${size}`, article(fill(' ', bytes, 'x'))],
    [`tabs and spaces inside words, ${size}`, article(fill('a \t', bytes, '.'))],
    [`dashes, ${size}`, article(fill('-', bytes, 'x'))],
    [`stars, ${size}`, article(fill('*', bytes, 'x'))],
    [`years, ${size}`, article(fill('2024 ', bytes, 'All rights reserved'))],
    [`copyright signs, ${size}`, article(fill('© 2024 ', bytes, 'x'))],
    [`one long word, ${size}`, article(fill('a', bytes, '!'))],
    [`dots and colons, ${size}`, article(fill('.:', bytes, 'a'))],
    [`many blank lines, ${size}`, 'Title\n' + fill('\n \n', bytes, 'End.')],
    [`agencies, ${size}`, article('(' + fill('AFP et ', bytes, 'x') + ')')],
    [`dates, ${size}`, article(fill('12 août 2016 ', bytes, 'x'))],
  );
}

// Many short lines: every line is looked at once, so the cost is the file's line count; kept
// to 1 MB (170,000 lines) so that a loaded test machine still measures the parser, not its load.
for (const bytes of [10_000, 1_000_000]) {
  families.push([`many short lines, ${bytes} chars`, fill('Share\n', bytes, 'x')]);
}

describe('pathological inputs parse in under a second', () => {
  // The first parse compiles the rules; time the inputs, not that.
  beforeAll(() => void parseArticleText('Title\nA line.\nShare'));

  it.each(families)('%s', (_name, text) => {
    // CPU time of this process, not wall time: the machine may be shared with other work.
    const started = process.cpuUsage();
    const parsed = parseArticleText(text);
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(parsed.title.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1_000);
  });
});
