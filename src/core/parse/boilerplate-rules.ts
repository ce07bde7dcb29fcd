/**
 * The site text the importer recognises, per language. Data, not code: add a language by adding
 * a key, a rule by adding a pattern. Every pattern is tested against one whole trimmed block, so
 * each is anchored at both ends (`^...$`) or bounded in length: a news sentence that merely
 * mentions cookies or copyright must never match. Removal only happens at the edges of the body
 * (see `boilerplate.ts`), so a pattern that is almost always site text there is good enough.
 *
 * Flags: `i` for case, `u` so `\p{L}` works. JavaScript's `\b` only knows ASCII letters, so after
 * a word that may end in an accented letter we write `(?!\p{L})` instead.
 */
import type { BoilerplateRules } from './boilerplate';

/** Social networks and sharing buttons, as they appear in a row of share links. */
const SHARE_TARGETS = String.raw`facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|messenger|bluesky|threads|e-?mail|print|copy link|share|tweet|imprimer|partager|copier le lien`;

/** Link labels of a site footer, in English and French. */
const LEGAL_LINKS_EN = String.raw`terms of (?:use|service)|terms (?:and|&) conditions|privacy(?: policy| notice| settings)?|cookies? (?:policy|settings|preferences)|legal notice|legal|accessibility|contact us|contact|about us|sitemap|site map|advertise(?: with us)?|do not sell my (?:personal )?information`;
const LEGAL_LINKS_FR = String.raw`mentions légales|politique de confidentialité|politique (?:de gestion )?des cookies|gestion des cookies|conditions générales(?: d['’]utilisation| de vente)?|cgu|cgv|nous contacter|contact|plan du site|qui sommes-nous ?\??|données personnelles|accessibilité|publicité`;

/** A line made only of footer links, separated the way sites separate them. */
const linkRow = (links: string): RegExp =>
  new RegExp(String.raw`^(?:${links})(?:\s*(?:[|·•,/–-]|and|et|&)?\s*(?:${links}))*\.?$`, 'iu');

/** Words a cookie banner always has besides "cookies": what sets it apart from a news sentence. */
const COOKIE_BANNER_EN = String.raw`experience|accept|agree|consent|continu|brows|privacy|policy|learn more|find out more|more information|opt[ -]?out|settings|preferences`;
const COOKIE_BANNER_FR = String.raw`expérience|accept|accord|consent|navigation|naviguer|continu|paramètr|préférences|en savoir plus|lire la suite|politique|désinscri|refuser`;

/** News agencies, for credit lines. `agences`/`agencies` covers "(Avec agences)". */
const AGENCY = String.raw`AFP|Agence France[- ]Presse|Reuters|AP|Associated Press|dpa|EFE|ANSA|Belga|Bloomberg|Xinhua|Kyodo|TASS|RIA Novosti|Interfax|Anadolu|PA|Press Association|ATS|Keystone-ATS|APA|Europa Press|Lusa|ANP|NTB|Yonhap|agences?|agencies|wires`;
/** One agency or several: "AFP et Reuters", "Reuters/AFP", "AFP, AP and Reuters". */
const AGENCIES = String.raw`(?:${AGENCY})(?:\s*(?:,|et|and|&|/)\s*(?:${AGENCY}))*`;

const anchored = (source: string): RegExp => new RegExp(`^${source}$`, 'iu');

export const BOILERPLATE_RULES: BoilerplateRules = {
  en: {
    remove: [
      {
        id: 'comment-form',
        patterns: [
          /^leave a (?:comment|reply)(?:\s+cancel reply)?[\s.:!*]*$/iu,
          /^(?:post|add|write|submit) (?:a |your )?comment[\s.:!*]*$/iu,
          /^your email address will not be published[.!]?(?:\s.{0,150})?$/iu,
          /^required fields are marked(?:\s.{0,20})?$/iu,
          /^save my name, email,? and website in this browser for the next time i comment\.?$/iu,
          /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?[\s:]*$/iu,
        ],
      },
      {
        id: 'cookie-banner',
        patterns: [
          new RegExp(
            String.raw`^(?:this|our) (?:web ?)?site uses cookies\b.{0,600}(?:${COOKIE_BANNER_EN})`,
            'iu',
          ),
          new RegExp(String.raw`^we use cookies\b.{0,600}(?:${COOKIE_BANNER_EN})`, 'iu'),
          /^(?:accept|allow|reject|decline|manage) (?:all )?cookies[.!]?$/iu,
          /^(?:i accept|accept all|reject all|got it|i agree)[.!]?$/iu,
        ],
      },
      {
        id: 'newsletter',
        patterns: [
          /^(?:sign up|subscribe|register)(?: now| today)? (?:for|to) (?:our|the)\b.{0,60}\bnewsletters?\b.{0,150}$/iu,
          /^get (?:our|the)(?: free)?(?: \w+)? newsletters?\b.{0,150}$/iu,
          /^subscribe(?: now| today| here)?[.!]?$/iu,
          /^newsletters?[\s:]*$/iu,
        ],
      },
      {
        id: 'share',
        patterns: [
          /^share (?:this|the) (?:article|story|page|post)(?:\s+(?:on|via)\s.{1,60})?[\s:.!]*$/iu,
          new RegExp(String.raw`^share (?:on|via|to) (?:${SHARE_TARGETS})\b.{0,60}$`, 'iu'),
          // A row of bare buttons: "Facebook Twitter Email", "Share | Tweet".
          new RegExp(String.raw`^(?:${SHARE_TARGETS})(?:[\s|,·•/]+(?:${SHARE_TARGETS}))*$`, 'iu'),
        ],
      },
      {
        id: 'related',
        patterns: [
          /^related(?: articles| stories| content| posts| news| links| topics| coverage| reading)?\s*:?$/iu,
          /^read more(?:\s*:.{0,200}|[\s.…»›>]*)$/iu,
          /^(?:read|see) also(?:\s*[:|–—-]\s*.{0,200})?$/iu,
          /^you (?:may|might) also (?:like|enjoy|be interested in)\b.{0,200}$/iu,
          /^(?:more on this (?:story|topic)|more stories|most read|most popular|recommended(?: for you)?|trending now)\s*:?$/iu,
        ],
      },
      {
        id: 'copyright',
        patterns: [
          /^©.{0,200}$/u,
          /^copyright\s*(?:©|\(c\)|\d{4}).{0,200}$/iu,
          // "All rights reserved." alone, or after a copyright sign, word or year: a sentence
          // that ends "...has all rights reserved." does not match.
          /^(?:.{0,150}(?:©|\(c\)|copyright|\b(?:19|20)\d{2}\b).{0,150}[\s.,;|–—-])?all rights reserved[.!]?$/iu,
        ],
      },
      { id: 'legal', patterns: [linkRow(LEGAL_LINKS_EN)] },
    ],
    attribution: [
      anchored(String.raw`\((?:with |from |source: ?|sources: ?)?${AGENCIES}\)\.?`),
      anchored(String.raw`(?:with|from|source:|sources:)\s*${AGENCIES}\.?`),
      anchored(String.raw`[-–—]\s*${AGENCIES}\.?`),
    ],
  },

  fr: {
    remove: [
      {
        id: 'comment-form',
        patterns: [
          /^laisse[rz] un commentaire[\s.:!*]*$/iu,
          /^laisse[rz] une réponse(?:\s+annuler la réponse)?[\s.:!*]*$/iu,
          /^votre adresse (?:e-?mail|électronique|de messagerie|courriel) ne sera pas publiée[.!]?(?:\s.{0,150})?$/iu,
          /^les champs obligatoires sont (?:indiqués|marqués)(?:\s.{0,20})?$/iu,
          /^(?:publier|poster|envoyer|ajouter|écrire) (?:le |un |votre )?commentaire[\s.:!*]*$/iu,
          /^(?:\d+\s+)?commentaires?(?:\s*\(\d+\))?[\s:]*$/iu,
          /^enregistrer mon nom, mon e-?mail et mon site(?: web)? dans (?:le|ce) navigateur pour mon prochain commentaire\.?$/iu,
        ],
      },
      {
        id: 'cookie-banner',
        patterns: [
          new RegExp(
            String.raw`^(?:ce|notre) site(?: web| internet)? utilise des (?:cookies|témoins)(?!\p{L}).{0,600}(?:${COOKIE_BANNER_FR})`,
            'iu',
          ),
          new RegExp(
            String.raw`^nous utilisons des (?:cookies|témoins)(?!\p{L}).{0,600}(?:${COOKIE_BANNER_FR})`,
            'iu',
          ),
          /^(?:j['’]accepte|tout accepter|tout refuser|accepter et fermer|(?:accepter|refuser|paramétrer|gérer) (?:tous )?les cookies)[.!]?$/iu,
        ],
      },
      {
        id: 'newsletter',
        patterns: [
          /^(?:inscrivez-vous|abonnez-vous|inscription) à (?:notre|la|nos) (?:newsletters?|lettres? d['’]information|infolettres?)(?!\p{L}).{0,150}$/iu,
          /^abonnez-vous(?![\p{L}-]).{0,60}$/iu,
          /^lettres? d['’]information[\s:]*$/iu,
        ],
      },
      {
        id: 'share',
        patterns: [
          new RegExp(
            String.raw`^partage[rz](?: cet article| l['’]article| sur (?:${SHARE_TARGETS}))?[\s:.!]*$`,
            'iu',
          ),
          /^envoyer par e-?mail$/iu,
        ],
      },
      {
        id: 'related',
        patterns: [
          // With a separator before the linked title, so a sentence starting so is kept.
          /^(?:à |a )?lire (?:aussi|également)(?:\s*[:|–—›»>-]\s*.{0,200})?$/iu,
          /^sur le même (?:sujet|thème)(?:\s*[:|–—›»>-]\s*.{0,200})?$/iu,
          /^(?:voir aussi|articles? (?:liés|similaires|associés|recommandés)|les plus lus)[\s:]*$/iu,
          /^(?:lire la suite|en savoir plus)[\s.…»›>]*$/iu,
        ],
      },
      {
        id: 'copyright',
        patterns: [
          /^©.{0,200}$/u,
          /^(?:.{0,150}(?:©|\(c\)|copyright|(?<!\d)(?:19|20)\d{2}(?!\d)).{0,150}[\s.,;|–—-])?tous droits réservés[.!]?$/iu,
        ],
      },
      { id: 'legal', patterns: [linkRow(LEGAL_LINKS_FR)] },
    ],
    attribution: [
      anchored(String.raw`\((?:avec |source ?: ?|sources ?: ?|d['’]après )?${AGENCIES}\)\.?`),
      anchored(String.raw`(?:avec|source ?:|sources ?:)\s*${AGENCIES}\.?`),
    ],
  },
};
