import { describe, expect, it } from 'vitest';
import { isAttribution, matchBoilerplate, removeBoilerplate, type BoilerplateRules } from './boilerplate';
import { BOILERPLATE_RULES } from './boilerplate-rules';

const match = (text: string): string | null => matchBoilerplate(text, BOILERPLATE_RULES);

describe('BOILERPLATE_RULES: site text that is recognised', () => {
  const english: [string, string][] = [
    ['Leave a comment', 'comment-form'],
    ['Leave a Reply Cancel reply', 'comment-form'],
    ['Your email address will not be published.', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Required fields are marked *', 'comment-form'],
    ['Post Comment', 'comment-form'],
    ['12 Comments', 'comment-form'],
    ['This website uses cookies to improve your experience. Accept Read More', 'cookie-banner'],
    [
      'This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.',
      'cookie-banner',
    ],
    ['We use cookies to ensure that we give you the best experience on our website.', 'cookie-banner'],
    ['Accept all cookies', 'cookie-banner'],
    ['Sign up for our newsletter', 'newsletter'],
    ['Subscribe to our newsletter to get the latest news in your inbox.', 'newsletter'],
    ['Subscribe', 'newsletter'],
    ['Share this article', 'share'],
    ['Share on Facebook', 'share'],
    ['Share on Twitter', 'share'],
    ['Facebook Twitter Email', 'share'],
    ['Related articles', 'related'],
    ['Related stories:', 'related'],
    ['Read more: Oil prices hit a record high', 'related'],
    ['Read more', 'related'],
    ['Read also: The euro at a new low', 'related'],
    ['You may also like', 'related'],
    ['© 2024 Gazette Media Ltd. All rights reserved.', 'copyright'],
    ['Copyright © 2024 Example News', 'copyright'],
    ['Copyright 2024 Example News. All rights reserved.', 'copyright'],
    ['All rights reserved.', 'copyright'],
    ['Terms of use | Privacy policy', 'legal'],
    ['Privacy Policy', 'legal'],
    ['Terms of Service · Privacy Policy · Cookie Policy · Contact us', 'legal'],
  ];
  const french: [string, string][] = [
    ['Laisser un commentaire', 'comment-form'],
    ['Votre adresse email ne sera pas publiée.', 'comment-form'],
    [
      'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
      'comment-form',
    ],
    ['Les champs obligatoires sont indiqués avec *', 'comment-form'],
    [
      "Ce site Web utilise des cookies pour améliorer votre expérience. Nous supposerons que vous êtes d'accord avec cela, mais vous pouvez vous désinscrire si vous le souhaitez. J'accepte Lire la suite",
      'cookie-banner',
    ],
    [
      'Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur utilisation.',
      'cookie-banner',
    ],
    [
      'Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.',
      'cookie-banner',
    ],
    ["J'accepte", 'cookie-banner'],
    ['J’accepte', 'cookie-banner'],
    ['Inscrivez-vous à notre newsletter', 'newsletter'],
    ["Inscrivez-vous à notre lettre d'information pour recevoir nos articles", 'newsletter'],
    ['Abonnez-vous', 'newsletter'],
    ['Abonnez-vous à partir de 1 € le premier mois', 'newsletter'],
    ['Partager', 'share'],
    ['Partager sur Facebook', 'share'],
    ['Partager sur Twitter', 'share'],
    ['Lire aussi', 'related'],
    ['Lire aussi : Syrie, la bataille d’Alep', 'related'],
    ['À lire aussi', 'related'],
    ['A lire aussi : le point sur la trêve', 'related'],
    ['Sur le même sujet', 'related'],
    ['© Le Journal 2024', 'copyright'],
    ['© 2024 Le Journal - Tous droits réservés', 'copyright'],
    ['Tous droits réservés', 'copyright'],
    ['Mentions légales', 'legal'],
    ['Politique de confidentialité', 'legal'],
    ['Mentions légales | Politique de confidentialité | Nous contacter', 'legal'],
  ];

  it.each(english)('English: %s → %s', (text, id) => expect(match(text)).toBe(id));
  it.each(french)('French: %s → %s', (text, id) => expect(match(text)).toBe(id));
});

describe('BOILERPLATE_RULES: news sentences that are not site text', () => {
  const sentences = [
    // Real BBC sentences.
    'Kraft plans to cut back on advertising of products like Oreo cookies and sugary Kool-Aid drinks as part of an effort to promote healthy eating.',
    "Japan's Honda has won a copyright case in Beijing, further evidence that China is taking a tougher line on protecting intellectual property rights.",
    'Honda wins China copyright ruling',
    // Made up, each close to one rule.
    'This website uses cookies to track readers, the regulator found.',
    'We use cookies sparingly, the editor told MPs.',
    'Ce site utilise des cookies publicitaires, a dénoncé la Cnil lundi.',
    'Nous utilisons des cookies depuis 2010, a reconnu le directeur du site.',
    'Copyright infringement cases rose sharply last year.',
    'The label said the band had all rights reserved.',
    'Le groupe affirme que tous droits réservés ne veut plus rien dire sur Internet.',
    'Comments from the minister were not welcome.',
    'Share prices fell 5% on Monday.',
    'Read more about the case in the report published by the commission on Tuesday.',
    'Leave a comment was the only instruction on the board.',
    'Subscribers to the newsletter rose by 10%.',
    'Partager les richesses reste la priorité du gouvernement.',
    'Related companies were also fined.',
    'Lire aussi entre les lignes est devenu un sport national.',
    'Privacy campaigners said the plan went too far.',
    'Contact between the two sides was broken off in March.',
  ];
  it.each(sentences)('keeps: %s', (text) => expect(match(text)).toBeNull());
});

describe('removeBoilerplate', () => {
  const rules = BOILERPLATE_RULES;

  // Paragraphs of real length: a line of two words is now weighed as a short line (see below).
  const first = 'The first paragraph of the article says what happened and where it happened.';
  const last = 'The last paragraph of the article says what will happen next, and when it will.';

  it('removes the runs at the start and at the end, in file order, and keeps the middle', () => {
    const split = removeBoilerplate(
      ['Share this article', first, 'Read more:', last, 'Leave a comment', '© 2024 X'],
      rules,
    );
    expect(split.kept).toEqual([first, 'Read more:', last]);
    expect(split.removed).toEqual([
      { text: 'Share this article', reason: 'share', position: 'start' },
      { text: 'Leave a comment', reason: 'comment-form', position: 'end' },
      { text: '© 2024 X', reason: 'copyright', position: 'end' },
    ]);
  });

  it('stops the end run at the first real block, even if boilerplate comes before it', () => {
    const split = removeBoilerplate([first, 'Leave a comment', '(Avec AFP)', 'Partager'], rules);
    expect(split.kept).toEqual([first, 'Leave a comment', '(Avec AFP)']);
    expect(split.removed).toEqual([{ text: 'Partager', reason: 'share', position: 'end' }]);
  });

  it('removes nothing when every block matches', () => {
    expect(removeBoilerplate(['Leave a comment', 'Partager'], rules)).toEqual({
      kept: ['Leave a comment', 'Partager'],
      removed: [],
      metadata: {},
    });
    expect(removeBoilerplate([], rules)).toEqual({ kept: [], removed: [], metadata: {} });
  });

  it('takes new languages as data', () => {
    const german: BoilerplateRules = {
      de: {
        remove: [{ id: 'comment-form', patterns: [/^kommentar schreiben$/iu] }],
        attribution: [/^\(mit (?:dpa|AFP)\)$/iu],
      },
    };
    expect(removeBoilerplate([first, 'Kommentar schreiben'], german).removed).toEqual([
      { text: 'Kommentar schreiben', reason: 'comment-form', position: 'end' },
    ]);
    expect(isAttribution('(mit dpa)', german)).toBe(true);
    expect(isAttribution('(mit dpa)', { en: BOILERPLATE_RULES.en! })).toBe(false);
  });
});
