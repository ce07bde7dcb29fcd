/** Each language's rules: site text it recognises, and article sentences it must leave alone. */
import { describe, expect, it } from 'vitest';
import { matchBoilerplate } from '../boilerplate';
import { DE } from './de';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import type { LanguageRules } from './types';

const cases: [string, LanguageRules, [string, string][], string[]][] = [
  [
    'en',
    EN,
    [
      ['Leave a Reply to John Cancel reply', 'comment-form'],
      ['This site uses Akismet to reduce spam. Learn how your comment data is processed.', 'comment-form'],
      ['We value your privacy. We and our partners use cookies to improve your experience.', 'cookie-banner'],
      ['Subscribe to continue reading', 'paywall'],
      ['You have reached your limit of free articles this month.', 'paywall'],
      ['Click to share on Twitter (Opens in new window)', 'share'],
      ['Facebook0 Twitter LinkedIn0 Reddit Pinterest0 0 Likes', 'share'],
      ['Follow us on Instagram', 'follow'],
      ['Story continues below advertisement', 'ad-label'],
      ['Photo: Jane Smith/Reuters', 'image-credit'],
      ['Print this article', 'print-email'],
      ['5 min read', 'page-info'],
      ['Terms of Use | Privacy Policy | Contact Us | About Us', 'legal'],
    ],
    [
      'The regulator said the website uses cookies to track readers without their consent, and fined the company.',
      'Ad sales boost Time Warner profit',
      'Photographs of the scene were published on Monday.',
      'Follow the money, the auditor told the committee.',
      'Subscribe to the view that markets always win, and you will lose.',
    ],
  ],
  [
    'fr',
    FR,
    [
      ['Cet article est réservé aux abonnés. Il vous reste 80 % à découvrir.', 'paywall'],
      ['Suivez-nous sur Facebook et Twitter', 'follow'],
      ['Publicité', 'ad-label'],
      ['Crédit photo : Reuters', 'image-credit'],
      ['Temps de lecture : 4 min', 'page-info'],
    ],
    [
      'Ce site utilise des cookies publicitaires sans le consentement de ses visiteurs, a dénoncé la Cnil lundi dans un avertissement.',
      'Publié en 2016, le rapport n’avait rien changé.',
      'Sur le même sujet, le ministre a refusé de s’exprimer.',
      'Annoncé lundi, le plan sera présenté au Parlement.',
    ],
  ],
  [
    'de',
    DE,
    [
      ['Schreibe einen Kommentar', 'comment-form'],
      [
        'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
        'comment-form',
      ],
      ['Wir verwenden Cookies, um Ihnen die bestmögliche Erfahrung zu bieten.', 'cookie-banner'],
      ['Dieser Artikel ist nur für Abonnenten verfügbar.', 'paywall'],
      ['Teilen mit:', 'share'],
      ['Facebook Twitter WhatsApp E-Mail', 'share'],
      ['Folgen Sie uns auf Twitter', 'follow'],
      ['Lesen Sie auch: Die Lage in Bayern', 'related'],
      ['Anzeige', 'ad-label'],
      ['Foto: dpa', 'image-credit'],
      ['Impressum | Datenschutz | Kontakt', 'legal'],
      ['Lesezeit: 3 Min.', 'page-info'],
    ],
    [
      'Die Datenschutzbehörde kritisierte, dass die Website Cookies ohne Zustimmung der Nutzer setze.',
      'Anzeigen gegen den Bürgermeister wurden eingestellt.',
      'Teilen ist das neue Haben, sagen die Gründer.',
    ],
  ],
  [
    'es',
    ES,
    [
      ['Deja un comentario', 'comment-form'],
      ['Tu dirección de correo electrónico no será publicada.', 'comment-form'],
      [
        'Utilizamos cookies propias y de terceros para mejorar tu experiencia. Si continúas navegando, aceptas su uso.',
        'cookie-banner',
      ],
      ['Este contenido es exclusivo para suscriptores.', 'paywall'],
      ['Compartir esto:', 'share'],
      ['Síguenos en Twitter', 'follow'],
      ['Noticias relacionadas', 'related'],
      ['Publicidad', 'ad-label'],
      ['Foto: EFE', 'image-credit'],
      ['Aviso legal | Política de privacidad | Política de cookies', 'legal'],
      ['© 2024 Diario Ejemplo', 'copyright'],
    ],
    [
      'La agencia de protección de datos multó a la empresa porque su web utiliza cookies sin el consentimiento de los usuarios.',
      'Publicidad engañosa: la empresa fue multada el lunes.',
      'Compartir la riqueza sigue siendo la prioridad del Gobierno.',
    ],
  ],
];

describe.each(cases)('rules %s', (_language, rules, siteText, sentences) => {
  const all = { only: rules };
  it.each(siteText)('recognises %s', (text, id) => expect(matchBoilerplate(text, all)).toBe(id));
  it.each(sentences)('leaves alone %s', (text) => expect(matchBoilerplate(text, all)).toBeNull());
});
