/** German site text (WordPress in German, consent banners, Paywall, Teilen/Folgen rows). */
import { ADDRESSES_READER, AGENCIES, AGENCY_NAME, COOKIE_BANNER_WORDS, rule } from './shared';
import type { LanguageRules } from './types';

const LEGAL_LINKS = String.raw`impressum|datenschutzerklärung|datenschutz|datenschutzeinstellungen|cookie-einstellungen|cookie-richtlinie|nutzungsbedingungen|agb|allgemeine geschäftsbedingungen|kontakt|barrierefreiheit|über uns|mediadaten|werben|jobs|karriere|hilfe|sitemap|newsletter|abo|abonnement`;

export const DE: LanguageRules = {
  remove: [
    {
      id: 'comment-form',
      patterns: [
        /^(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) (?:einen|einen neuen) kommentar[\s.:!*]*$/iu,
        /^(?:kommentar (?:schreiben|verfassen|abschicken|absenden)|kommentieren|antworten|antwort abbrechen|kommentare|kommentar)(?:\s?\*)?[\s.:!]*$/iu,
        /^(?:\d{1,6}\s)?(?:kommentare?|antworten|reaktionen)(?:\s?\(\d{1,6}\))?[\s:]*$/iu,
        /^deine e-?mail-adresse wird nicht veröffentlicht(?!\p{L})/iu,
        /^ihre e-?mail-adresse wird nicht veröffentlicht(?!\p{L})/iu,
        /^erforderliche felder sind (?:mit|markiert)(?!\p{L})/iu,
        /^(?:meinen|meinen namen,) (?:namen, )?(?:meine )?e-?mail(?:-adresse)? und (?:meine )?website in diesem browser speichern(?!\p{L})/iu,
        /^(?:name|e-?mail|e-?mail-adresse|website|webseite)(?:\s?\*)?[\s:]*$/iu,
        /^(?:sei der erste,? der kommentiert|die kommentarfunktion (?:ist|wurde) (?:geschlossen|deaktiviert)|kommentare sind geschlossen)(?!\p{L})/iu,
        /^diese website verwendet akismet, um spam zu reduzieren(?!\p{L})/iu,
      ],
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:diese|unsere) (?:website|webseite|seite|internetseite) (?:verwendet|nutzt|benutzt) cookies(?!\p{L})/iu,
        /^wir (?:verwenden|nutzen|benutzen|und unsere partner) (?:cookies|technologien)(?!\p{L})/iu,
        /^(?:wenn sie diese (?:website|seite) (?:weiter )?nutzen|durch die (?:weitere )?nutzung (?:der|dieser) (?:website|seite))(?!\p{L})/iu,
        /^(?:ihre privatsphäre ist uns wichtig|wir respektieren ihre privatsphäre)(?!\p{L})/iu,
      ],
      alsoHas: [rule(`(?:${COOKIE_BANNER_WORDS})`), ADDRESSES_READER],
      maxChars: 800,
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:alle akzeptieren|akzeptieren|alle ablehnen|ablehnen|einverstanden|zustimmen|alle cookies akzeptieren|nur notwendige cookies|einstellungen|cookie-einstellungen|auswahl speichern|zustimmen und weiter|ok,? verstanden)[.!]?$/iu,
      ],
    },
    {
      id: 'newsletter',
      patterns: [
        /^(?:melden sie sich|melde dich|abonnieren sie|abonniere)(?: jetzt)? (?:für )?(?:unseren|den)(?: kostenlosen)? newsletter(?!\p{L})/iu,
        /^(?:newsletter(?: abonnieren| bestellen)?|jetzt anmelden|anmelden|jetzt abonnieren|abonnieren)[.!:]?$/iu,
        /^(?:ihre e-?mail-adresse|e-?mail-adresse eingeben|deine e-?mail-adresse)[\s.:…*]*$/iu,
        /^(?:die wichtigsten nachrichten|alle news|das wichtigste) (?:des tages )?(?:direkt |kostenlos )?(?:in ihr|in dein|per e-?mail)(?!\p{L})/iu,
        /^mit der anmeldung (?:akzeptieren|stimmen) sie(?!\p{L})/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'paywall',
      patterns: [
        /^(?:dieser artikel|dieser beitrag|dieser inhalt) ist (?:nur )?(?:für abonnenten|abonnenten vorbehalten|exklusiv für abonnenten)(?!\p{L})/iu,
        /^(?:weiterlesen mit|jetzt weiterlesen|lesen sie (?:jetzt )?weiter mit|um (?:den artikel )?weiterzulesen)(?!\p{L})/iu,
        /^(?:sie sind bereits abonnent|bereits abonnent|schon abonnent|jetzt abo abschließen|jetzt testen|testen sie|unterstützen sie (?:unseren|unabhängigen) journalismus)(?!\p{L})/iu,
        /^(?:plus|premium|abo|exklusiv für abonnenten|nur für abonnenten)[\s.!:]*$/iu,
      ],
      maxChars: 300,
    },
    {
      id: 'share',
      patterns: [
        /^(?:teilen|teile dies|teilen mit|artikel teilen|diesen artikel teilen|beitrag teilen|seite teilen|jetzt teilen)[\s:.!]*$/iu,
        /^(?:auf|bei) (?:facebook|twitter|x|whatsapp|linkedin|xing|pinterest|telegram) teilen$/iu,
        /^(?:per e-?mail (?:teilen|versenden|senden)|artikel versenden|link kopieren)$/iu,
        /^(?:gefällt mir|gefällt mir wird geladen|wird geladen)[\s.…]*$/iu,
      ],
      maxChars: 100,
    },
    {
      id: 'follow',
      patterns: [/^(?:folgen sie uns|folge uns|folgt uns|besuchen sie uns)(?!\p{L})/iu],
      maxChars: 150,
    },
    {
      id: 'related',
      patterns: [
        /^(?:lesen sie auch|lies auch|auch interessant|das könnte sie auch interessieren|mehr zum thema|weitere artikel|ähnliche artikel|ähnliche beiträge|verwandte artikel|meistgelesen|meistgelesene artikel|empfehlungen|mehr aus|weitere nachrichten|zum thema|vorheriger artikel|nächster artikel|vorheriger beitrag|nächster beitrag)(?:\s?[:|–—›»>-]|[\s.…]*$)/iu,
        /^(?:mehr lesen|weiterlesen|mehr dazu|mehr erfahren)[\s.…»›>]*$/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'copyright',
      patterns: [/^©/u, /^alle rechte vorbehalten[.!]?$/iu, /^(?:stolz )?präsentiert von\s/iu],
      maxChars: 200,
    },
    {
      id: 'copyright',
      patterns: [/^(?:(?:19|20)\d\d(?!\d)|\(c\)|copyright)/iu],
      alsoHas: /alle rechte vorbehalten[.!]?$/iu,
      maxChars: 200,
    },
    {
      id: 'ad-label',
      patterns: [
        /^(?:anzeige|werbung|gesponsert|sponsored|weiter nach der anzeige|artikel wird nach der anzeige fortgesetzt|lesen sie nach der anzeige weiter)[\s.:…-]*$/iu,
        /^(?:in kooperation mit|präsentiert von|gesponsert von)\s/iu,
      ],
      maxChars: 80,
    },
    {
      id: 'image-credit',
      patterns: [/^(?:foto|fotos|bild|bildquelle|quelle|grafik|illustration|video)\s?:\s?\S/iu],
      maxChars: 200,
    },
    {
      id: 'print-email',
      patterns: [
        /^(?:drucken|artikel drucken|druckversion|seite drucken|versenden|per e-?mail versenden|merken|artikel merken|vorlesen|artikel anhören|pdf herunterladen)[.:!]?$/iu,
      ],
    },
    {
      id: 'navigation',
      patterns: [
        /^(?:zum inhalt springen|direkt zum inhalt|zum hauptinhalt)$/iu,
        /^(?:startseite|menü|suche|schließen|nach oben|zurück|weiter|mehr anzeigen|alle anzeigen|anmelden|einloggen|mein konto|registrieren)[\s…»›>]*$/iu,
        /^(?:veröffentlicht in|kategorien?|rubrik|abgelegt unter)\s?:/iu,
        /^sie sind hier\s?:/iu,
      ],
      maxChars: 150,
    },
    {
      id: 'page-info',
      patterns: [
        /^(?:lesezeit|lesedauer)\s?:?\s?(?:ca\.\s)?\d{1,3}\s?min(?:uten|\.)?$/iu,
        /^\d{1,3}\s?min(?:uten|\.)? lesezeit$/iu,
        /^\d[\d.]{0,12}\s?(?:aufrufe|kommentare|likes)$/iu,
      ],
    },
  ],
  rows: [
    {
      id: 'share',
      items: /(?:facebook|twitter|x|whatsapp|linkedin|xing|pinterest|telegram|e-?mail|teilen|drucken|link kopieren|flipboard|pocket|threads|bluesky)/iu,
    },
    { id: 'legal', items: rule(`(?:${LEGAL_LINKS})`) },
  ],
  agency: AGENCY_NAME,
  attribution: [
    rule(String.raw`^\((?:mit |quelle: ?|nach )?${AGENCIES}\)\.?$`),
    rule(String.raw`^(?:mit|quelle:)\s${AGENCIES}\.?$`),
  ],
  stopWords: [
    'aber', 'als', 'am', 'an', 'auch', 'auf', 'aus', 'bei', 'bis', 'das', 'dass', 'dem', 'den', 'der',
    'des', 'die', 'ein', 'eine', 'einem', 'einen', 'einer', 'er', 'es', 'für', 'hat', 'haben', 'ich',
    'im', 'in', 'ist', 'mit', 'nach', 'nicht', 'noch', 'nur', 'oder', 'sich', 'sie', 'sind', 'so',
    'über', 'um', 'und', 'uns', 'von', 'vor', 'war', 'wie', 'wir', 'wird', 'wurde', 'zu', 'zum', 'zur',
  ],
  metadata: {
    byline: /^(?:von|text\s?:|autor\s?:|autorin\s?:|ein beitrag von)\s/iu,
    published: /^(?:veröffentlicht|erschienen|erstellt|datum)(?: am)?(?:\s?:\s?|\s)/iu,
    updated: /^(?:aktualisiert|zuletzt aktualisiert|geändert|stand)(?: am| vom)?(?:\s?:\s?|\s)/iu,
    tags: /^(?:schlagwörter|stichwörter|schlagworte|tags|themen)\s?:\s?/iu,
    months: {
      januar: 1, jan: 1, jänner: 1, februar: 2, feb: 2, märz: 3, mär: 3, april: 4, apr: 4, mai: 5,
      juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10,
      okt: 10, november: 11, nov: 11, dezember: 12, dez: 12,
    },
    dateWords: [
      'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'am', 'um',
      'uhr', 'mez', 'mesz', 'utc', 'gmt', 'den', 'vom',
    ],
    nameJoiners: ['und', '&'],
    nameParticles: ['von', 'van', 'der', 'den', 'zu', 'de', 'vom', 'zur'],
  },
};
