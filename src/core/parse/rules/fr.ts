/**
 * French site text. JavaScript's `\b` only knows ASCII letters, so after a word that may end in
 * an accented letter the patterns write `(?!\p{L})` instead.
 */
import { ADDRESSES_READER, AGENCIES, AGENCY_NAME, COOKIE_BANNER_WORDS, SHARE_TARGETS, rule } from './shared';
import type { LanguageRules } from './types';

const LEGAL_LINKS = String.raw`mentions légales|politique de confidentialité|politique de gestion des cookies|politique des cookies|politique cookies|gestion des cookies|paramètres des cookies|conditions générales d['’]utilisation|conditions générales de vente|conditions générales|cgu|cgv|nous contacter|contactez-nous|contact|plan du site|qui sommes-nous ?\??|données personnelles|accessibilité|publicité|charte|aide|faq|recrutement|abonnement|newsletters`;

export const FR: LanguageRules = {
  remove: [
    {
      id: 'comment-form',
      patterns: [
        /^laisse[rz] un commentaire[\s.:!*]*$/iu,
        /^laisse[rz] une réponse(?:\s+annuler la réponse)?[\s.:!*]*$/iu,
        /^votre adresse (?:e-?mail|électronique|de messagerie|courriel) ne sera pas publiée(?!\p{L})/iu,
        /^les champs obligatoires sont (?:indiqués|marqués)(?!\p{L})/iu,
        /^(?:publier|poster|envoyer|ajouter|écrire|rédiger) (?:le |un |votre )?commentaire[\s.:!*]*$/iu,
        /^(?:\d{1,6}\s)?(?:commentaires?|réactions?|réponses?)(?:\s?\(\d{1,6}\))?[\s:]*$/iu,
        /^\d{1,6} (?:réflexions?|commentaires?|réponses?) (?:sur|à)\s/iu,
        /^enregistrer mon nom, mon (?:adresse )?e-?mail et mon site(?: web)? dans (?:le|ce) navigateur\b/iu,
        /^(?:soyez le premier à (?:commenter|réagir)|réagissez à cet article|réagir|répondre|annuler la réponse|signaler un abus|les commentaires sont (?:fermés|clos|modérés))(?!\p{L})/iu,
        /^(?:commentaire|votre commentaire|nom|votre nom|e-?mail|adresse e-?mail|courriel|site(?: web)?)(?:\s?\*)?[\s:]*$/iu,
        /^ce site utilise akismet pour réduire les indésirables(?!\p{L})/iu,
        /^vous devez (?:être connecté|vous connecter) pour (?:publier|poster) un commentaire(?!\p{L})/iu,
      ],
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:ce|notre) site(?: web| internet)? utilise des (?:cookies|témoins)(?!\p{L})/iu,
        /^nous utilisons des (?:cookies|témoins)(?!\p{L})/iu,
        /^(?:nous|avec nos partenaires,? nous) (?:et nos partenaires )?(?:utilisons|stockons|déposons)(?!\p{L})/iu,
        /^(?:en poursuivant|en continuant) (?:votre navigation|à naviguer)(?!\p{L})/iu,
        /^(?:vos choix en matière de cookies|le respect de votre vie privée est notre priorité|nous respectons votre vie privée)(?!\p{L})/iu,
      ],
      alsoHas: [rule(`(?:${COOKIE_BANNER_WORDS})`), ADDRESSES_READER],
      maxChars: 800,
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:j['’]accepte|tout accepter|accepter tout|tout refuser|refuser tout|accepter et fermer|continuer sans accepter|personnaliser|paramétrer|(?:accepter|refuser|paramétrer|gérer|personnaliser) (?:tous )?les cookies|gérer mes choix|en savoir plus et paramétrer)[.!]?$/iu,
      ],
    },
    {
      id: 'newsletter',
      patterns: [
        /^(?:inscrivez-vous|abonnez-vous|inscription|recevez)(?: gratuitement)? à (?:notre|la|nos) (?:newsletters?|lettres? d['’]information|infolettres?)(?!\p{L})/iu,
        /^abonnez-vous(?![\p{L}-])/iu,
        /^(?:lettres? d['’]information|newsletters?|infolettres?)[\s:]*$/iu,
        /^(?:recevez|retrouvez) (?:chaque (?:jour|semaine|matin)|gratuitement|toute l['’]actualité)(?!\p{L})/iu,
        /^(?:votre adresse e-?mail|entrez votre (?:adresse )?e-?mail|adresse e-?mail)[\s.:…*]*$/iu,
        /^(?:je m['’]inscris|s['’]inscrire|inscrivez-vous)[.!]?$/iu,
        /^(?:merci pour votre inscription|vous êtes (?:bien )?inscrit)(?!\p{L})/iu,
        /^en vous inscrivant,? vous acceptez(?!\p{L})/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'paywall',
      patterns: [
        /^cet article est réservé aux (?:abonnés|membres)(?!\p{L})/iu,
        /^(?:il vous reste|la suite est réservée|la suite de cet article est réservée|l['’]accès à la totalité de l['’]article est protégé|pour lire la suite|lire la suite de l['’]article)(?!\p{L})/iu,
        /^(?:déjà abonné|vous êtes abonné|pas encore abonné)(?!\p{L})/iu,
        /^(?:connectez-vous|identifiez-vous) pour (?:lire|continuer|accéder)(?!\p{L})/iu,
        /^(?:soutenez|soutenir) (?:notre|le) journalisme(?!\p{L})/iu,
        /^(?:réservé aux abonnés|abonnés|article abonné|contenu abonné|premium|exclusif abonnés)[\s.!:]*$/iu,
        /^(?:offre spéciale|profitez de notre offre|essai gratuit)(?!\p{L})/iu,
      ],
      maxChars: 300,
    },
    {
      id: 'share',
      patterns: [
        rule(String.raw`^partage[rz](?: cet article| l['’]article| ceci| sur (?:${SHARE_TARGETS}))?[\s:.!]*$`),
        /^(?:envoyer par e-?mail|envoyer à un ami)$/iu,
        /^(?:cliquez pour partager|cliquer pour partager)(?!\p{L})/iu,
        /^(?:j['’]aime|j['’]aime chargement|chargement)[\s.…]*$/iu,
        /^soyez (?:le premier|la première) à aimer ceci(?!\p{L})/iu,
      ],
      maxChars: 120,
    },
    {
      id: 'follow',
      patterns: [
        /^suivez[- ]nous(?![\p{L}])/iu,
        /^(?:retrouvez|rejoignez)[- ]nous sur(?!\p{L})/iu,
        /^suivre (?:l['’]auteur|ce sujet|cet auteur)(?!\p{L})/iu,
      ],
      maxChars: 150,
    },
    {
      id: 'related',
      patterns: [
        // With a separator before the linked title, so a sentence starting so is kept.
        /^(?:à |a )?lire (?:aussi|également)(?:\s?[:|–—›»>-]|[\s.…]*$)/iu,
        /^sur le même (?:sujet|thème)(?:\s?[:|–—›»>-]|[\s.…]*$)/iu,
        /^(?:voir aussi|articles? (?:liés|similaires|associés|recommandés)|les plus lus|les plus partagés|à la une|dans la même rubrique|nos derniers articles|derniers articles|à découvrir|vous aimerez aussi|vous aimerez peut-être aussi|ces articles peuvent vous intéresser|article (?:précédent|suivant)|publications similaires)(?!\p{L})/iu,
        /^(?:lire la suite|en savoir plus|lire plus)[\s.…»›>]*$/iu,
        /^dans [«“"][^»”"]{1,60}[»”"]$/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'copyright',
      patterns: [
        /^©/u,
        /^tous droits réservés[.!]?$/iu,
        /^(?:fièrement )?propulsé par\s/iu,
        /^thème(?:\s?:|\spar)\s/iu,
      ],
      maxChars: 200,
    },
    {
      id: 'copyright',
      patterns: [/^(?:(?:19|20)\d\d(?!\d)|\(c\)|copyright)/iu],
      alsoHas: /tous droits réservés[.!]?$/iu,
      maxChars: 200,
    },
    {
      id: 'ad-label',
      patterns: [
        /^(?:publicité|pub|annonce|contenu sponsorisé|contenu partenaire|sponsorisé|article sponsorisé|la suite (?:de l['’]article )?après (?:la|cette) publicité|l['’]article continue (?:ci-dessous|après la publicité))[\s.:…-]*$/iu,
        /^(?:en partenariat avec|sponsorisé par|présenté par)\s/iu,
      ],
      maxChars: 80,
    },
    {
      id: 'image-credit',
      patterns: [
        /^(?:photo|crédit photo|crédits photo|crédit|crédits|illustration|image|vidéo|photos)\s?:\s?\S/iu,
        /^(?:©\s?)?(?:photo|illustration) (?:d['’]illustration|prétexte)(?!\p{L})/iu,
      ],
      maxChars: 200,
    },
    {
      id: 'print-email',
      patterns: [
        /^(?:imprimer|imprimer (?:cet article|la page)|version imprimable|envoyer|envoyer (?:cet article|par courriel)|télécharger (?:en )?pdf|sauvegarder|enregistrer(?: l['’]article)?|écouter (?:cet )?article|taille du texte)[.:!]?$/iu,
      ],
    },
    {
      id: 'navigation',
      patterns: [
        /^(?:aller au contenu(?: principal)?|passer au contenu)$/iu,
        /^(?:accueil|menu|rechercher|recherche|fermer|retour en haut|haut de page|suivant|précédent|voir plus|voir tout|afficher plus|charger plus|se connecter|connexion|mon compte|s['’]abonner|rubriques)[\s…»›>]*$/iu,
        /^(?:publié dans|classé dans|catégories?|rubrique)\s?:/iu,
        /^vous êtes ici\s?:/iu,
      ],
      maxChars: 150,
    },
    {
      id: 'page-info',
      patterns: [
        /^(?:temps de )?lecture\s?:?\s?\d{1,3}\s?min(?:utes?|\.)?$/iu,
        /^\d{1,3}\s?min(?:utes?)? de lecture$/iu,
        /^\d[\d  .]{0,12}\s?(?:vues|lectures|partages|j['’]aime)$/iu,
        /^écouter(?: cet article)?(?:\s?[-–:·]?\s?\d{1,3}\s?min(?:utes?)?)?$/iu,
      ],
    },
  ],
  rows: [{ id: 'legal', items: rule(`(?:${LEGAL_LINKS})`) }],
  agency: AGENCY_NAME,
  attribution: [
    rule(String.raw`^\((?:avec |source ?: ?|sources ?: ?|d['’]après )?${AGENCIES}\)\.?$`),
    rule(String.raw`^(?:avec|source ?:|sources ?:)\s${AGENCIES}\.?$`),
  ],
  stopWords: [
    'a', 'à', 'au', 'aux', 'avec', 'ce', 'ces', 'cette', 'comme', 'dans', 'de', 'des', 'du', 'elle',
    'en', 'est', 'et', 'été', 'il', 'ils', 'je', 'la', 'le', 'les', 'leur', 'lui', 'mais', 'me', 'même',
    'ne', 'nous', 'on', 'ont', 'ou', 'où', 'par', 'pas', 'plus', 'pour', 'qu', 'que', 'qui', 'sa', 'se',
    'ses', 'son', 'sont', 'sur', 'un', 'une', 'vous', 'y', "l'", "d'", "qu'", "n'", "s'", "c'", "j'",
    'l’', 'd’', 'qu’', 'n’', 's’', 'c’', 'j’', 'a-t-il', 'selon', 'après', 'avait', 'sera',
  ],
  metadata: {
    byline: /^(?:par|rédigé par|écrit par|auteur\s?:)\s/iu,
    published: /^(?:publié|mis en ligne|paru|publication)(?:\s?:\s?|\s(?:le|à)\s|\s)/iu,
    updated: /^(?:mis à jour|modifié|actualisé|dernière mise à jour)(?:\s?:\s?|\s(?:le|à)\s|\s)/iu,
    tags: /^(?:tags?|mots[- ]clés|étiquettes|thèmes|sujets)\s?:\s?/iu,
    months: {
      janvier: 1, janv: 1, février: 2, fevrier: 2, févr: 2, fév: 2, mars: 3, avril: 4, avr: 4, mai: 5,
      juin: 6, juillet: 7, juil: 7, août: 8, aout: 8, septembre: 9, sept: 9, octobre: 10, oct: 10,
      novembre: 11, nov: 11, décembre: 12, decembre: 12, déc: 12,
    },
    dateWords: [
      'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'le', 'à', 'a', 'h',
      'heures', 'heure', 'et', 'cet', 'cest', 'gmt', 'utc', 'heure de paris',
    ],
    nameJoiners: ['et', '&'],
    nameParticles: ['de', 'du', 'des', 'le', 'la', 'd’', "d'", 'van', 'von', 'di', 'da', 'ben', 'el'],
  },
};
