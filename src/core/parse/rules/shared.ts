/**
 * Pieces of rule data several languages share: social networks, agencies, picture agencies.
 * Plain strings of literal alternatives, so a pattern built from them stays a flat alternation.
 */

/** Social networks and sharing buttons as they appear in a share row (longest first). */
export const SHARE_TARGETS = String.raw`facebook messenger|facebook|twitter|x\.com|x|linkedin|whatsapp|pinterest|pin it|pin|reddit|telegram|messenger|bluesky|threads|mastodon|tumblr|pocket|flipboard|e-?mail|print|copy link|copy|share|tweet|likes|like|sms|imprimer|partager|copier le lien|teilen|drucken|link kopieren|compartir|imprimir|copiar enlace|correo`;

/** News agencies, for credit lines. `agences`/`agencies` covers "(Avec agences)". */
export const AGENCY = String.raw`AFP|Agence France[- ]Presse|Reuters|AP|Associated Press|dpa|EFE|ANSA|Belga|Bloomberg|Xinhua|Kyodo|TASS|RIA Novosti|Interfax|Anadolu|PA|Press Association|ATS|Keystone-ATS|APA|Europa Press|Lusa|ANP|NTB|Yonhap|KNA|epd|agences?|agencies|Agenturen|agencias|wires`;

/** One agency's name, whole: each name of a credit line's `agencies` group must match it. */
export const AGENCY_NAME = new RegExp(String.raw`^(?:${AGENCY})$`, 'iu');

/**
 * Where a credit line names its agencies ("AFP et Reuters", "Reuters/AFP", "AFP, AP and
 * Reuters"): a bounded run of letters, spaces and joiners in a named group, which the cleaner
 * splits on the joiners and checks name by name against `AGENCY_NAME`. One repeated group of
 * alternatives was polynomial under recheck's fuzzing; this is a single bounded class.
 */
export const AGENCIES = String.raw`(?<agencies>[\p{L}][\p{L} ,/&'.-]{0,80})`;
/** Picture agencies and stock libraries, for credit lines left alone at an edge. */
export const PICTURE_AGENCIES = String.raw`getty images|afp via getty images|afp|reuters|ap|ap photo|epa|epa-efe|shutterstock|istock|istockphoto|alamy|dpa|picture alliance|imago|keystone|efe|europa press|bbc|pa media|pa wire|sipa|abaca|hans lucas|maxppp|belga`;

/** Cookie banners always have one of these words besides "cookies" (all four languages). */
export const COOKIE_BANNER_WORDS = String.raw`experience|accept|agree|consent|continu|brows|privacy|policy|learn more|find out more|more information|opt[ -]?out|settings|preferences|expérience|accord|navigation|naviguer|paramètr|préférences|en savoir plus|lire la suite|politique|désinscri|refuser|zustimm|einverstanden|datenschutz|erfahrung|einstellungen|akzeptier|experiencia|acepta|consiente|navegación|navegando|política|configura|preferencias|más información`;

/**
 * A word that addresses the reader, in any of the four languages: a cookie banner always
 * speaks to the reader, a news sentence about cookies speaks about someone else.
 */
export const ADDRESSES_READER =
  /(?<![\p{L}])(?:you|your|vous|votre|vos|sie|ihnen|ihre|ihr|du|dir|dein|deine|tu|tus|te|usted|ustedes)(?![\p{L}])/iu;

/** `new RegExp` with the flags every rule uses: `i` for case, `u` for `\p{L}`. */
export const rule = (source: string): RegExp => new RegExp(source, 'iu');
