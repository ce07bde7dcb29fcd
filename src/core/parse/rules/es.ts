/** Spanish site text (WordPress in Spanish, consent banners, muro de pago, compartir rows). */
import { ADDRESSES_READER, AGENCIES, AGENCY_NAME, COOKIE_BANNER_WORDS, rule } from './shared';
import type { LanguageRules } from './types';

const LEGAL_LINKS = String.raw`aviso legal|política de privacidad|política de cookies|configuración de cookies|términos y condiciones|términos de uso|condiciones de uso|contacto|contáctenos|quiénes somos|sobre nosotros|mapa del sitio|accesibilidad|publicidad|privacidad|cookies|trabaja con nosotros|ayuda|suscripción`;

export const ES: LanguageRules = {
  remove: [
    {
      id: 'comment-form',
      patterns: [
        /^(?:deja|dejar|escribe|escribir|publicar|enviar|añadir) (?:un|una|tu|el) (?:comentario|respuesta)(?:\s+cancelar (?:la )?respuesta)?[\s.:!*]*$/iu,
        /^(?:\d{1,6}\s)?(?:comentarios?|respuestas?)(?:\s?\(\d{1,6}\))?[\s:]*$/iu,
        /^tu (?:dirección de )?correo(?: electrónico)? no (?:será|se) publicad[oa](?!\p{L})/iu,
        /^los campos (?:obligatorios|requeridos) están marcados(?!\p{L})/iu,
        /^guarda mi nombre, correo electrónico y web en este navegador(?!\p{L})/iu,
        /^(?:comentario|nombre|correo electrónico|correo|e-?mail|web|sitio web)(?:\s?\*)?[\s:]*$/iu,
        /^(?:sé el primero en comentar|los comentarios están cerrados|responder|cancelar respuesta|cancelar la respuesta)(?!\p{L})/iu,
        /^este sitio usa akismet para reducir el spam(?!\p{L})/iu,
      ],
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:este|nuestro) (?:sitio(?: web)?|portal|web) (?:utiliza|usa) (?:cookies|galletas)(?!\p{L})/iu,
        /^(?:utilizamos|usamos) (?:cookies|galletas)(?!\p{L})/iu,
        /^(?:nosotros y nuestros socios|nosotros y nuestros proveedores) (?:utilizamos|usamos|almacenamos)(?!\p{L})/iu,
        /^si continúa navegando(?!\p{L})/iu,
      ],
      alsoHas: [rule(`(?:${COOKIE_BANNER_WORDS})`), ADDRESSES_READER],
      maxChars: 800,
    },
    {
      id: 'cookie-banner',
      patterns: [
        /^(?:aceptar|acepto|aceptar todo|aceptar todas|rechazar|rechazar todo|rechazar todas|configurar|configurar cookies|aceptar cookies|aceptar y cerrar|de acuerdo|entendido)[.!]?$/iu,
      ],
    },
    {
      id: 'newsletter',
      patterns: [
        /^(?:suscríbete|suscribete|suscríbase|apúntate|regístrate) (?:a|en) (?:nuestro|nuestra|el|la|nuestros) (?:boletín|newsletter|newsletters|boletines)(?!\p{L})/iu,
        /^(?:boletín|newsletter|boletines)(?: de noticias)?[\s:]*$/iu,
        /^(?:suscríbete|suscribirse|suscribirme|suscríbase)[.!]?$/iu,
        /^(?:tu correo electrónico|introduce tu (?:correo|email|e-mail)|correo electrónico)[\s.:…*]*$/iu,
        /^(?:recibe|recibirás) (?:las noticias|nuestras noticias|lo más importante|cada (?:día|semana|mañana))(?!\p{L})/iu,
        /^al suscribirte,? aceptas(?!\p{L})/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'paywall',
      patterns: [
        /^(?:este (?:artículo|contenido) es exclusivo para (?:suscriptores|socios)|este contenido es solo para suscriptores)(?!\p{L})/iu,
        /^(?:para seguir leyendo|sigue leyendo con|continúa leyendo|para continuar leyendo|hazte suscriptor|suscríbete para seguir leyendo|¿ya eres suscriptor|ya soy suscriptor|apoya el periodismo)(?!\p{L})/iu,
        /^(?:exclusivo para suscriptores|solo para suscriptores|premium|contenido exclusivo)[\s.!:]*$/iu,
      ],
      maxChars: 300,
    },
    {
      id: 'share',
      patterns: [
        /^(?:compartir|comparte|compartir esto|comparte esto|compartir (?:este|el) artículo|compartir en (?:facebook|twitter|x|whatsapp|linkedin|telegram))[\s:.!]*$/iu,
        /^(?:enviar por (?:correo|email|e-mail)|copiar enlace)$/iu,
        /^(?:me gusta|me gusta cargando|cargando)[\s.…]*$/iu,
      ],
      maxChars: 100,
    },
    {
      id: 'follow',
      patterns: [/^(?:síguenos|siguenos|síganos)(?!\p{L})/iu],
      maxChars: 150,
    },
    {
      id: 'related',
      patterns: [
        /^(?:lee también|lea también|te puede interesar|también te puede interesar|le puede interesar|noticias relacionadas|artículos relacionados|entradas relacionadas|relacionado|lo más leído|más leídas|más noticias|más información|artículo anterior|artículo siguiente|entrada anterior|siguiente entrada)(?:\s?[:|–—›»>-]|[\s.…]*$)/iu,
        /^(?:leer más|seguir leyendo|ver más)[\s.…»›>]*$/iu,
      ],
      maxChars: 250,
    },
    {
      id: 'copyright',
      patterns: [/^©/u, /^todos los derechos reservados[.!]?$/iu, /^(?:orgullosamente )?(?:creado|funciona|desarrollado) con\s/iu],
      maxChars: 200,
    },
    {
      id: 'copyright',
      patterns: [/^(?:(?:19|20)\d\d(?!\d)|\(c\)|copyright)/iu],
      alsoHas: /todos los derechos reservados[.!]?$/iu,
      maxChars: 200,
    },
    {
      id: 'ad-label',
      patterns: [
        /^(?:publicidad|anuncio|patrocinado|contenido patrocinado|sigue leyendo después de la publicidad)[\s.:…-]*$/iu,
        /^(?:en colaboración con|patrocinado por|presentado por)\s/iu,
      ],
      maxChars: 80,
    },
    {
      id: 'image-credit',
      patterns: [/^(?:foto|fotos|imagen|fotografía|ilustración|vídeo|crédito|créditos)\s?:\s?\S/iu],
      maxChars: 200,
    },
    {
      id: 'print-email',
      patterns: [/^(?:imprimir|imprimir (?:artículo|noticia)|enviar|enviar por correo|guardar|descargar pdf|escuchar (?:la )?noticia)[.:!]?$/iu],
    },
    {
      id: 'navigation',
      patterns: [
        /^(?:saltar al contenido|ir al contenido(?: principal)?)$/iu,
        /^(?:inicio|portada|menú|buscar|cerrar|volver arriba|siguiente|anterior|ver todo|cargar más|iniciar sesión|acceder|mi cuenta|registrarse)[\s…»›>]*$/iu,
        /^(?:publicado en|categorías?|sección|archivado en)\s?:/iu,
      ],
      maxChars: 150,
    },
    {
      id: 'page-info',
      patterns: [
        /^(?:tiempo de )?lectura\s?:?\s?\d{1,3}\s?min(?:utos|\.)?$/iu,
        /^\d{1,3}\s?min(?:utos|\.)? de lectura$/iu,
        /^\d[\d.]{0,12}\s?(?:visitas|lecturas|comentarios|me gusta)$/iu,
      ],
    },
  ],
  rows: [{ id: 'legal', items: rule(`(?:${LEGAL_LINKS})`) }],
  agency: AGENCY_NAME,
  attribution: [
    rule(String.raw`^\((?:con |fuente: ?|fuentes: ?)?${AGENCIES}\)\.?$`),
    rule(String.raw`^(?:con|fuente:)\s${AGENCIES}\.?$`),
  ],
  stopWords: [
    'a', 'al', 'como', 'con', 'de', 'del', 'el', 'ella', 'en', 'entre', 'es', 'esta', 'este', 'fue',
    'ha', 'han', 'la', 'las', 'le', 'lo', 'los', 'más', 'no', 'o', 'para', 'pero', 'por', 'que', 'se',
    'según', 'sin', 'sobre', 'su', 'sus', 'también', 'un', 'una', 'y', 'ya',
  ],
  metadata: {
    byline: /^(?:por|escrito por|autor\s?:|autora\s?:)\s/iu,
    published: /^(?:publicado|fecha de publicación|fecha|creado)(?:\s?:\s?|\sel\s|\s)/iu,
    updated: /^(?:actualizado|última actualización|modificado)(?:\s?:\s?|\sel\s|\s)/iu,
    tags: /^(?:etiquetas|temas|tags|palabras clave)\s?:\s?/iu,
    months: {
      enero: 1, ene: 1, febrero: 2, feb: 2, marzo: 3, mar: 3, abril: 4, abr: 4, mayo: 5, may: 5,
      junio: 6, jun: 6, julio: 7, jul: 7, agosto: 8, ago: 8, septiembre: 9, setiembre: 9, sep: 9,
      sept: 9, octubre: 10, oct: 10, noviembre: 11, nov: 11, diciembre: 12, dic: 12,
    },
    dateWords: [
      'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'el', 'de', 'del', 'a',
      'las', 'la', 'h', 'horas', 'cet', 'cest', 'gmt', 'utc', 'hora',
    ],
    nameJoiners: ['y', '&'],
    nameParticles: ['de', 'del', 'la', 'las', 'los', 'y', 'da', 'van', 'von'],
  },
};
