/**
 * A development set of news pages written for the HTML extraction tests: English, French,
 * German, Spanish and Portuguese articles, each laid out as three different sites do (a semantic
 * `<article>`, a CMS's nested `div`s, a page with a live-blog-like `main`), each with the
 * furniture real pages carry: navigation, cookie banner, ads, share bar, newsletter box,
 * comments, related links, footer. Every page says which sentences a careful reader keeps and
 * which strings must not come through.
 */

export interface DevPage {
  name: string;
  language: string;
  html: string;
  title: string;
  /** The article's text, block by block: what a careful reader keeps. */
  keep: string[];
  /** Furniture strings that must not be in the extracted text. */
  drop: string[];
  url: string;
  author: string;
  site: string;
}

interface Story {
  language: string;
  site: string;
  host: string;
  author: string;
  title: string;
  paragraphs: string[];
  heading: string;
  items: string[];
  quote: string;
  caption: string;
  furniture: {
    cookie: string;
    newsletter: string;
    comment: string;
    related: string;
    ad: string;
    share: string;
    nav: string[];
    footer: string;
  };
}

const STORIES: Story[] = [
  {
    language: 'en',
    site: 'The Daily Ledger',
    host: 'www.dailyledger.example',
    author: 'Jane Smith',
    title: 'Flood defences to be rebuilt after winter storms',
    paragraphs: [
      'The government has promised to rebuild flood defences along the east coast after a winter of storms that left thousands of homes under water.',
      'Engineers will begin work on the first sections in April, and the programme is expected to take four years to complete.',
      'Local councils said the money was welcome but came too late for families who had already lost their homes and businesses.',
      'The Environment Agency said it would publish a full list of the schemes by the end of the month, with costs for each one.',
    ],
    heading: 'What happens next',
    items: ['Work starts in April on the worst-hit sections', 'A public consultation runs until June'],
    quote: '“We cannot keep patching walls that the sea knocks down every winter,” the minister said.',
    caption: 'Sandbags line a street in Great Yarmouth. Photograph: PA',
    furniture: {
      cookie: 'We use cookies to improve your experience. Accept all cookies or manage your preferences.',
      newsletter: 'Sign up to our morning briefing and get the news in your inbox every day.',
      comment: 'Comments are closed on this article. Read our community guidelines.',
      related: 'Most read: Ten things to do this weekend',
      ad: 'Advertisement: Save 50% on your first box of meals',
      share: 'Share on Facebook Share on Twitter Email this article',
      nav: ['Home', 'UK', 'World', 'Business', 'Sport'],
      footer: '© 2024 The Daily Ledger. All rights reserved. Terms of use. Privacy policy.',
    },
  },
  {
    language: 'fr',
    site: 'Le Quotidien',
    host: 'www.lequotidien.example',
    author: 'Marie Dupont',
    title: 'La réforme des retraites adoptée en première lecture',
    paragraphs: [
      'L’Assemblée nationale a adopté mardi soir, en première lecture, le projet de réforme des retraites, après trois semaines de débats souvent houleux.',
      'Le texte prévoit un relèvement progressif de l’âge légal de départ, ainsi qu’une hausse de la durée de cotisation pour les générations nées après 1965.',
      'Les syndicats ont appelé à une nouvelle journée de mobilisation jeudi, dans toutes les grandes villes du pays.',
      'Le Sénat doit examiner le projet à partir du mois prochain, et le gouvernement espère une adoption définitive avant l’été.',
    ],
    heading: 'Ce qui change pour les salariés',
    items: ['Un départ à 64 ans pour les générations concernées', 'Une pension minimale revalorisée'],
    quote: '« C’est une réforme juste et nécessaire », a déclaré la Première ministre devant les députés.',
    caption: 'Les députés dans l’hémicycle, mardi soir. Photo : AFP',
    furniture: {
      cookie: 'Nous utilisons des cookies pour améliorer votre expérience. Tout accepter ou paramétrer.',
      newsletter: 'Inscrivez-vous à notre lettre d’information et recevez l’essentiel de l’actualité.',
      comment: 'Réagissez à cet article : les commentaires sont réservés aux abonnés.',
      related: 'À lire aussi : les dix villes où il fait bon vivre',
      ad: 'Publicité : profitez de nos offres exceptionnelles',
      share: 'Partager sur Facebook Partager sur Twitter Envoyer par courriel',
      nav: ['Accueil', 'France', 'International', 'Économie', 'Sport'],
      footer: '© 2024 Le Quotidien. Mentions légales. Politique de confidentialité.',
    },
  },
  {
    language: 'de',
    site: 'Die Tageszeitung Nord',
    host: 'www.tageszeitung-nord.example',
    author: 'Klaus Becker',
    title: 'Bahn kündigt neue Verbindungen zwischen Hamburg und Berlin an',
    paragraphs: [
      'Die Deutsche Bahn will ab Dezember stündlich zusätzliche Schnellzüge zwischen Hamburg und Berlin einsetzen, wie das Unternehmen am Montag mitteilte.',
      'Die Fahrzeit soll dadurch auf unter zwei Stunden sinken, nachdem die Strecke in den vergangenen Jahren umfassend saniert worden war.',
      'Fahrgastverbände begrüßten die Pläne, warnten aber vor Verspätungen, solange die Bauarbeiten an den Knotenpunkten nicht abgeschlossen sind.',
      'Der Verkehrsminister sprach von einem wichtigen Signal für die Verkehrswende und kündigte weitere Investitionen an.',
    ],
    heading: 'Was sich für Pendler ändert',
    items: ['Mehr Sitzplätze in den Hauptverkehrszeiten', 'Neue Haltepunkte in Ludwigslust und Wittenberge'],
    quote: '„Wir wollen, dass die Bahn die erste Wahl auf dieser Strecke wird“, sagte der Vorstand.',
    caption: 'Ein ICE im Hamburger Hauptbahnhof. Foto: dpa',
    furniture: {
      cookie: 'Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten. Alle akzeptieren.',
      newsletter: 'Abonnieren Sie unseren Newsletter und erhalten Sie täglich die wichtigsten Nachrichten.',
      comment: 'Kommentare: Melden Sie sich an, um mitzudiskutieren.',
      related: 'Auch interessant: Die schönsten Radwege im Norden',
      ad: 'Anzeige: Jetzt Strom sparen mit unserem Tarif',
      share: 'Auf Facebook teilen Auf Twitter teilen Per E-Mail senden',
      nav: ['Startseite', 'Politik', 'Wirtschaft', 'Kultur', 'Sport'],
      footer: '© 2024 Die Tageszeitung Nord. Impressum. Datenschutz.',
    },
  },
  {
    language: 'es',
    site: 'El Diario Central',
    host: 'www.diariocentral.example',
    author: 'Lucía Fernández',
    title: 'La sequía obliga a restringir el riego en tres comunidades',
    paragraphs: [
      'Las autoridades hidrográficas han aprobado restricciones al riego agrícola en Andalucía, Murcia y la Comunidad Valenciana ante la falta de lluvias.',
      'Los embalses se encuentran por debajo del treinta por ciento de su capacidad, el nivel más bajo registrado en las últimas tres décadas.',
      'Las organizaciones agrarias advierten de que las pérdidas podrían superar los mil millones de euros si la situación se prolonga durante el verano.',
      'El Gobierno estudia un paquete de ayudas para los agricultores afectados, que presentará en el próximo Consejo de Ministros.',
    ],
    heading: 'Las medidas previstas',
    items: ['Reducción del riego en un cuarenta por ciento', 'Control semanal del nivel de los acuíferos'],
    quote: '«Nunca habíamos visto los campos tan secos en esta época», explicó un agricultor de Lorca.',
    caption: 'Un embalse casi vacío en la provincia de Granada. Foto: EFE',
    furniture: {
      cookie: 'Utilizamos cookies propias y de terceros para mejorar su experiencia. Aceptar todas.',
      newsletter: 'Suscríbete a nuestro boletín y recibe las noticias más importantes del día.',
      comment: 'Comentarios: inicia sesión para participar en la conversación.',
      related: 'Te puede interesar: las mejores playas de la costa',
      ad: 'Publicidad: descubre nuestras ofertas de verano',
      share: 'Compartir en Facebook Compartir en Twitter Enviar por correo',
      nav: ['Portada', 'España', 'Internacional', 'Economía', 'Deportes'],
      footer: '© 2024 El Diario Central. Aviso legal. Política de privacidad.',
    },
  },
  {
    language: 'pt',
    site: 'Jornal da Manhã',
    host: 'www.jornaldamanha.example',
    author: 'João Pereira',
    title: 'Governo anuncia novo plano para a habitação em Lisboa e no Porto',
    paragraphs: [
      'O Governo apresentou esta quarta-feira um plano para aumentar a oferta de habitação a preços acessíveis nas áreas metropolitanas de Lisboa e do Porto.',
      'O programa prevê a construção de vinte mil casas nos próximos cinco anos, financiadas em parte por fundos europeus.',
      'As associações de inquilinos consideram as medidas insuficientes perante a subida das rendas registada desde o início da década.',
      'O ministro da Habitação garantiu que as primeiras obras arrancam ainda este ano, em terrenos públicos já identificados.',
    ],
    heading: 'As principais medidas',
    items: [
      'Rendas limitadas nas novas casas públicas',
      'Benefícios fiscais para quem arrende a longo prazo',
    ],
    quote: '“A habitação é a maior preocupação das famílias portuguesas”, afirmou o primeiro-ministro.',
    caption: 'Prédios em construção na zona oriental de Lisboa. Foto: Lusa',
    furniture: {
      cookie: 'Utilizamos cookies para melhorar a sua experiência. Aceitar todos os cookies.',
      newsletter: 'Subscreva a nossa newsletter e receba as notícias do dia no seu email.',
      comment: 'Comentários: inicie sessão para comentar esta notícia.',
      related: 'Leia também: os melhores restaurantes do Porto',
      ad: 'Publicidade: aproveite as nossas promoções',
      share: 'Partilhar no Facebook Partilhar no Twitter Enviar por email',
      nav: ['Início', 'País', 'Mundo', 'Economia', 'Desporto'],
      footer: '© 2024 Jornal da Manhã. Termos de utilização. Política de privacidade.',
    },
  },
];

const LAYOUTS = ['semantic', 'cms', 'portal'] as const;

function page(story: Story, layout: (typeof LAYOUTS)[number]): DevPage {
  const slug = story.title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-');
  const url = `https://${story.host}/2024/05/${slug}`;
  const f = story.furniture;
  const [p1, p2, p3, p4] = story.paragraphs;
  const body = `
      <p>${p1}</p>
      <p>${p2}</p>
      <div class="ad-slot"><span>${f.ad}</span></div>
      <h2>${story.heading}</h2>
      <ul><li>${story.items[0]}</li><li>${story.items[1]}</li></ul>
      <p>${p3}</p>
      <blockquote><p>${story.quote}</p></blockquote>
      <figure><img src="photo.jpg" alt=""><figcaption>${story.caption}</figcaption></figure>
      <p>${p4}</p>`;
  const nav = `<nav><ul>${f.nav.map((item) => `<li><a href="/${item}">${item}</a></li>`).join('')}</ul></nav>`;
  const cookie = `<div id="cookie-banner"><p>${f.cookie}</p><button>OK</button></div>`;
  const share = `<div class="share-bar"><a href="#">${f.share}</a></div>`;
  const newsletter = `<aside class="newsletter-box"><p>${f.newsletter}</p><form><input type="email"><button>OK</button></form></aside>`;
  const comments = `<section id="comments"><h3>Comments</h3><p>${f.comment}</p></section>`;
  const related = `<aside class="related"><h3>Related</h3><ul><li><a href="/x">${f.related}</a></li></ul></aside>`;
  const footer = `<footer><p>${f.footer}</p></footer>`;
  const head = `<head><meta charset="utf-8"><title>${story.title} | ${story.site}</title>
    <meta name="viewport" content="width=device-width">
    <meta property="og:site_name" content="${story.site}">
    ${layout === 'cms' ? `<meta property="og:url" content="${url}">` : `<link rel="canonical" href="${url}">`}
    <meta property="article:published_time" content="2024-05-02T08:00:00+02:00">
    <meta name="author" content="${story.author}">
    <script>window.dataLayer=[];function track(){}</script>
    <style>.ad-slot{height:250px}</style></head>`;
  const byline = `<p class="byline">${story.author}</p>`;
  let bodyHtml: string;
  if (layout === 'semantic') {
    bodyHtml = `${cookie}<header>${nav}</header><main><article><h1>${story.title}</h1>${byline}${share}${body}</article>${comments}${related}</main>${newsletter}${footer}`;
  } else if (layout === 'cms') {
    bodyHtml = `<div id="page"><div class="header">${nav}</div>${cookie}<div class="content"><div class="col-main"><div class="story"><h1 class="headline">${story.title}</h1><div class="meta">${byline}</div>${share}<div class="story-body">${body}</div></div>${newsletter}${comments}</div><div class="col-side">${related}<div class="ad-slot">${f.ad}</div></div></div>${footer}</div>`;
  } else {
    bodyHtml = `${nav}<main id="main"><div class="wrapper"><h1>${story.title}</h1>${byline}<div class="article-text">${body}</div>${share}</div>${related}${comments}</main>${cookie}${newsletter}${footer}<script>track()</script>`;
  }
  const html = `<!DOCTYPE html>\n<html lang="${story.language}">${head}<body>${bodyHtml}</body></html>`;
  return {
    name: `${story.language}-${layout}`,
    language: story.language,
    html,
    title: story.title,
    keep: [p1!, p2!, story.heading, ...story.items, p3!, story.quote, story.caption, p4!],
    drop: [f.cookie, f.newsletter, f.comment, f.related, f.ad, f.share, f.footer, ...f.nav.slice(1)],
    url,
    author: story.author,
    site: story.site,
  };
}

/** The 15 pages of the dev set: 5 languages × 3 layouts. */
export const DEV_PAGES: DevPage[] = STORIES.flatMap((story) => LAYOUTS.map((layout) => page(story, layout)));
