/**
 * English site text: WordPress and its plugins (Jetpack, Akismet), Disqus, consent banners,
 * newsletter and paywall prompts, share and follow rows, footers. Every pattern is anchored at
 * the start and tested against one whole trimmed line, so a news sentence that merely mentions
 * cookies or comments does not match; removal only happens at the edges of the body.
 */
import { ADDRESSES_READER, AGENCIES, AGENCY_NAME, COOKIE_BANNER_WORDS, PICTURE_AGENCIES, SHARE_TARGETS, rule } from './shared';
import type { LanguageRules } from './types';

const LEGAL_LINKS = String.raw`terms of use|terms of service|terms and conditions|terms & conditions|terms|privacy policy|privacy notice|privacy settings|privacy|cookie policy|cookies policy|cookie settings|cookie preferences|cookies|legal notice|legal|accessibility statement|accessibility|contact us|contact|about us|about|sitemap|site map|advertise with us|advertise|careers|jobs|help|faq|rss|imprint|do not sell my personal information|do not sell my information|corrections|ethics policy|newsletters|subscriptions`;

export const EN: LanguageRules = {
  remove: [
    {
      id: 'comment-form',
      patterns: [
        /^leave a (?:comment|reply)(?:\s+cancel reply)?[\s.:!*]*$/iu,
        /^leave a reply to [\p{L}][\p{L} .'’-]{0,40} cancel reply$/iu,
        /^(?:post|add|write|submit|join) (?:a |your |the )?(?:comment|reply|discussion|conversation)s?[\s.:!*]*$/iu,
        /^your email address will not be published\b/iu,
        /^required fields are marked\b/iu,
        /^save my name,? email,? and website in this browser\b/iu,
        /^\d{1,6} (?:thoughts?|responses?|comments?|replies) (?:on|to)\s/iu,
        /^(?:\d{1,6}\s)?(?:comments?|responses?|replies)(?:\s?\(\d{1,6}\))?[\s:]*$/iu,
        /^(?:cancel reply|reply|reply to this comment|log in to reply|report comment|click here to cancel reply\.?)$/iu,
        /^this site uses akismet to reduce spam\b/iu,
        /^notify me of (?:follow-up comments|new posts|new comments)\b/iu,
        /^be the first to comment\b/iu,
        /^comments? (?:are|is) (?:closed|disabled|moderated)\b/iu,
        /^you must be logged in to post a comment\b/iu,
        /^(?:comment|your comment|name|your name|e-?mail|email address|website|url)(?:\s?\*)?[\s:]*$/iu,
        /^(?:sort by (?:best|newest|oldest|top)|start the discussion\b|log in with|or sign up with disqus\b|powered by disqus|we were unable to load disqus\b|please enable javascript to view the comments\b|what do you think\?|join the discussion\b|show comments|view comments|hide comments|load comments)/iu,
      ],
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:this|our) (?:web ?)?site uses cookies\b/iu,
        /^we use cookies\b/iu,
        /^we (?:and our (?:partners|vendors) )?(?:use|store|process) (?:cookies|your data|personal data)\b/iu,
        /^we value your privacy\b/iu,
        /^by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web ?)?site\b/iu,
        /^(?:cookies help us|this website stores cookies)\b/iu,
      ],
      alsoHas: [rule(`(?:${COOKIE_BANNER_WORDS})`), ADDRESSES_READER],
      maxChars: 800,
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:accept|allow|reject|decline|manage|customi[sz]e|refuse) (?:all )?cookies[.!]?$/iu,
        /^(?:i accept|accept all|accept|reject all|reject|got it!?|i agree|agree|agree and close|allow all|allow selection|cookie settings|manage preferences|manage options|more options|save preferences|necessary only|only necessary|consent)[.!]?$/iu,
      ],
    },
    // Before the newsletter rules: "Subscribe to continue reading" is a paywall.
    {
      id: 'paywall',
      patterns: [
        /^subscribe to (?:continue|keep) reading\b/iu,
        /^(?:to )?continue reading\b/iu,
        /^this (?:article|story|content|post) is (?:for|reserved for|available to|available only to|only available to|exclusive to) (?:paid |paying |premium )?(?:subscribers|members)\b/iu,
        /^(?:already a|are you a) (?:subscriber|member)\b/iu,
        /^(?:log|sign) in to (?:read|continue|keep reading)\b/iu,
        /^you(?:'|’)ve (?:reached|read) (?:your|the|all your) (?:limit|\d{1,3} free)\b/iu,
        /^you have \d{1,3} free (?:articles?|stories) (?:left|remaining)\b/iu,
        /^you(?: have|(?:'|’)ve) (?:reached|read|used) (?:your|the|all (?:of )?your)\b/iu,
        /^(?:become a (?:member|subscriber|supporter)|support (?:our|independent|quality) journalism|unlock (?:this|unlimited|full)|start your (?:free )?trial|get (?:unlimited|full|digital) access|subscribe for (?:just|only)|try \d{1,3} days? free)\b/iu,
        /^(?:subscribers? only|premium|exclusive to subscribers)[\s.!:]*$/iu,
      ],
      maxChars: 300,
    },
    {
      id: 'newsletter',
      patterns: [/^(?:sign up|subscribe|register|signup)(?: now| today| free| here)? (?:for|to)\s/iu],
      alsoHas: /(?:newsletter|inbox|e-?mail|updates|digest|briefing|alerts)/iu,
      maxChars: 250,
    },
    {
      id: 'newsletter',
      patterns: [
        /^get (?:our|the) (?:free |daily |weekly |morning |evening |latest )?(?:[\p{L}-]{1,20} )?newsletters?\b/iu,
        /^subscribe(?: now| today| here| for free)?[.!]?$/iu,
        /^subscribe to [\p{L}][\p{L}\p{N} .'’&-]{0,40}$/iu,
        /^(?:sign up|sign me up|join now|join)[.!]?$/iu,
        /^newsletters?[\s:]*$/iu,
        /^(?:enter your e-?mail(?: address)?|your e-?mail(?: address)?|e-?mail address)[\s.:…*]*$/iu,
        /^(?:thank you for subscribing|thanks for signing up|you(?:'|’)re (?:now )?subscribed|don(?:'|’)t miss (?:out|a thing|a story|an update|any))\b/iu,
        /^(?:the (?:latest|best|top) (?:news|stories)|our best stories|news),? (?:delivered|straight|sent) to your inbox\b/iu,
        /^(?:by signing up|by subscribing|by clicking subscribe),? you (?:agree|acknowledge)\b/iu,
        /^(?:we(?:'|’)ll never share your e-?mail|unsubscribe at any time|no spam\b|we respect your privacy\b)/iu,
        /^(?:sign up|subscribe) to (?:our|the) [\p{L} -]{1,40}newsletter/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'share',
      patterns: [
        /^share (?:this|the) (?:article|story|page|post|link)\b/iu,
        /^share (?:on|via|to|with)\s/iu,
        /^share(?: this| it)?[\s:!]*$/iu,
        /^click to (?:share|email|print|tweet)\b/iu,
        /^\(?opens in (?:a )?new window\)?$/iu,
        /^(?:like this|like loading|loading)[\s.:…]*$/iu,
        /^be the first to like this\b/iu,
        /^\d{1,6} (?:bloggers?|people) like[sd]? this\b/iu,
        /^(?:like|tweet|pin)[\s.:!]*$/iu,
      ],
      maxChars: 100,
    },
    {
      id: 'follow',
      patterns: [
        /^follow us\b/iu,
        /^(?:find|like|join) us on\s/iu,
        /^follow (?:@[\w.]{1,30}|the author|[\p{L}-]{1,30} on (?:twitter|x|instagram|facebook|bluesky|threads|mastodon|linkedin|tiktok|youtube))\b/iu,
        /^(?:connect with us|stay connected|get social|social media)[\s:!.]*$/iu,
        /^@[\w.]{1,30}$/iu,
        /^(?:follow|following|unfollow|follow me|follow author)[\s+]*$/iu,
      ],
      maxChars: 150,
    },
    {
      id: 'related',
      patterns: [
        /^related(?: articles| stories| content| posts| news| links| topics| coverage| reading)?\s*:?$/iu,
        /^read more(?:\s?:|[\s.…»›>]*$)/iu,
        /^(?:read|see) also\b/iu,
        /^you (?:may|might) also (?:like|enjoy|be interested in)\b/iu,
        /^(?:more on this (?:story|topic)|more stories|most read|most popular|most viewed|recommended(?: for you)?|trending(?: now)?|top stories|editor(?:'|’)s picks|popular (?:posts|now|stories)|latest (?:news|stories|posts)|what to read next|more from|more in|also on|further reading|elsewhere on)\b[\s:]*/iu,
        /^(?:previous|next|prev|older|newer) (?:article|post|story|page|entry)\b/iu,
        /^in [“"«][^”"»]{1,60}[”"»]$/iu,
        /^(?:similar|related) (?:posts|articles|stories)\b/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'copyright',
      patterns: [
        /^©/u,
        /^copyright\s?(?:©|\(c\)|\d{4})/iu,
        /^all rights reserved[.!]?$/iu,
        /^(?:proudly )?(?:powered|published|built|made|hosted) (?:by|with|on)\s/iu,
        /^(?:wordpress )?theme(?:\s?:|\sby)\s/iu,
      ],
      maxChars: 200,
    },
    {
      id: 'copyright',
      // "2024 Gazette Media Ltd. All rights reserved.": a year or a sign first, the phrase last.
      patterns: [/^(?:(?:19|20)\d\d\b|\(c\))/iu],
      alsoHas: /all rights reserved[.!]?$/iu,
      maxChars: 200,
    },
    {
      id: 'ad-label',
      patterns: [
        /^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|promoted|promoted content|paid content|paid post|paid partnership|partner content|story continues (?:below|after) (?:this )?advertisement|continue reading (?:below|the main story)|scroll to continue(?: with content)?|(?:the )?article continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|report this ad|ad choices|adchoices)[\s.:…-]*$/iu,
        /^(?:in partnership with|sponsored by|presented by|brought to you by)\s/iu,
      ],
      maxChars: 80,
    },
    {
      id: 'image-credit',
      patterns: [
        /^(?:photo|photograph|image|picture|pic|illustration|credit|graphic|video|photos|images)(?: credit)?s?\s?:\s?\S/iu,
        /^image (?:copyright|caption|source)\b/iu,
        /^\(?(?:photo|image|picture|photograph)\)?\s(?:by|credit|courtesy of)\s/iu,
        rule(String.raw`^(?:${PICTURE_AGENCIES})(?:\s?/\s?[\p{L}][\p{L} .'-]{0,40})?$`),
        /^(?:getty|getty images)(?:\s?\/\s?[\p{L}][\p{L} .'-]{0,40})?$/iu,
      ],
      maxChars: 200,
    },
    {
      id: 'print-email',
      patterns: [
        /^(?:print|print this|print article|print this (?:article|page|story)|printer[- ]friendly(?: version)?|e-?mail|email this|e-?mail (?:this )?(?:article|page|story)|e-?mail to a friend|send to a friend|send by e-?mail|download (?:as )?pdf|save(?: article| for later| to reading list)?|bookmark|listen to (?:this )?(?:article|story)|text size|font size)[.:!]?$/iu,
      ],
    },
    {
      id: 'navigation',
      patterns: [
        /^skip to (?:main )?(?:content|navigation)$/iu,
        /^(?:home|menu|search|close|back to top|top|next|previous|prev|more|show more|load more|view all|see all|see more|toggle navigation|open menu|main menu|sections|sign in|log in|login|register|my account|log out|subscribe now|go to|jump to)[\s…»›>]*$/iu,
        /^(?:posted in|filed under|categor(?:y|ies|ised as|ized as))\b/iu,
        /^(?:you are here|breadcrumbs?)\s?:/iu,
      ],
      maxChars: 150,
    },
    {
      id: 'page-info',
      patterns: [
        /^(?:[-–—·]\s?)?\d{1,3}[ -]?min(?:ute)?s?(?: read| reading)?\.?$/iu,
        /^(?:estimated )?reading time\s?:?\s?\d{1,3}\s?min(?:ute)?s?\.?$/iu,
        /^\d[\d,.]{0,12}\s?[kKmM]?\s?(?:views?|reads?|likes?|shares?|comments?|responses?|followers?|subscribers?|claps?|restacks?)$/iu,
        /^(?:listen|listen to this (?:article|story))(?:\s?[-–:·]?\s?\d{1,3}\s?min(?:ute)?s?)?$/iu,
      ],
    },
  ],
  rows: [
    { id: 'share', items: rule(`(?:${SHARE_TARGETS})`) },
    { id: 'legal', items: rule(`(?:${LEGAL_LINKS})`) },
  ],
  agency: AGENCY_NAME,
  attribution: [
    rule(String.raw`^\((?:with |from |source: ?|sources: ?)?${AGENCIES}\)\.?$`),
    rule(String.raw`^(?:with|from|source:|sources:)\s${AGENCIES}\.?$`),
    rule(String.raw`^[-–—]\s?${AGENCIES}\.?$`),
  ],
  stopWords: [
    'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before',
    'being', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'for', 'from', 'had', 'has', 'have', 'he',
    'her', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'more', 'most', 'much', 'no',
    'not', 'of', 'on', 'one', 'or', 'other', 'our', 'over', 'said', 'she', 'should', 'so', 'some', 'than',
    'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'under',
    'up', 'was', 'we', 'were', 'what', 'when', 'which', 'while', 'who', 'will', 'with', 'would', 'you',
  ],
  metadata: {
    byline: /^(?:by|written by|words by|story by|reporting by|posted by|author\s?:)\s/iu,
    published: /^(?:published|posted|first published|originally published|date published|date)(?: on| at)?(?:\s?:\s?|\s)/iu,
    updated: /^(?:updated|last updated|last modified|modified|edited)(?: on| at)?(?:\s?:\s?|\s)/iu,
    tags: /^(?:tags?|tagged(?: with| as)?|topics|keywords)(?:\s?:\s?|\s)/iu,
    months: {
      january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6,
      jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
      november: 11, nov: 11, december: 12, dec: 12,
    },
    dateWords: [
      'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue',
      'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'at', 'on', 'the', 'of', 'am', 'pm',
      'a.m', 'p.m', 'gmt', 'utc', 'bst', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'cet', 'cest', 'et',
      'pt', 'local', 'time',
    ],
    nameJoiners: ['and', '&'],
    nameParticles: ['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'al', 'bin', 'ibn', 'mac', 'st'],
  },
};
