/** What the importer must make of `seeds/000_fa55918c37a99e94.txt`, block by block. */
import type { Block, RemovedBlock } from '../../core/article';

export const SEED_TITLE = 'Alep : vers un accord militaire entre les États-Unis et la Russie';

export const SEED_BLOCKS: Block[] = [
  {
    kind: 'lede',
    text: 'Le ministre russe de la Défense a annoncé que des négociations étaient dans une phase “active”. Washington n’a pas confirmé cette information.',
  },
  {
    kind: 'paragraph',
    text: 'Alors que les forces fidèles à Bachar el-Assad et les rebelles continuent de s’affronter dans la deuxième ville de Syrie, Washington et Moscou discutent pour trouver un accord militaire face à l’organisation État islamique dans cette zone. Cette entente pourrait aussi accélérer un cessez-le-feu dans cette agglomération ravagée. « Nous sommes dans une phase très active des négociations avec nos partenaires américains […] et en contact quasi permanent avec Washington », a affirmé Sergueï Choïgou lors d’une interview retransmise à la télévision russe.',
  },
  {
    kind: 'paragraph',
    text: '« Nous avançons étape par étape vers une configuration, et je ne parle ici que d’Alep, qui nous permettra de trouver des cibles communes et de commencer à nous battre ensemble pour que la paix s’instaure sur cette terre qui souffre depuis longtemps », a-t-il ajouté. Mais à Washington, le département d’État s’est refusé à confirmer une telle collaboration. « Nous n’avons rien à annoncer à l’heure actuelle », a dit la porte-parole Elizabeth Trudeau. « Nous parlons régulièrement avec des responsables officiels russes sur la manière de consolider la cessation des hostilités, d’améliorer l’accès humanitaire et de créer les conditions nécessaires à une solution politique au conflit », a détaillé la diplomate américaine, en référence à la feuille de route de l’administration américaine pour trouver une porte de sortie à la guerre en Syrie.',
  },
  { kind: 'heading', text: '« Pause humanitaire » insuffisante' },
  {
    kind: 'paragraph',
    text: 'La bataille d’Alep, la plus importante depuis le début du conflit en 2011, est cruciale pour le régime comme pour les rebelles. Les deux adversaires y ont massé des troupes et tentent de s’emparer de la deuxième ville du pays, divisée depuis 2012 entre quartiers rebelles à l’est et quartiers pro-régime à l’ouest. La Russie, qui soutient l’armée syrienne par une campagne de bombardements aériens, a proposé d’instaurer une « pause humanitaire » quotidienne de trois heures à Alep afin de permettre l’acheminement de l’aide humanitaire. Elle craint toutefois que celle-ci ne permette aux rebelles de se réapprovisionner en combattants et en matériel.',
  },
  {
    kind: 'paragraph',
    text: 'Le chef de la diplomatie russe Sergueï Lavrov a reconnu lundi que cette fenêtre de trois heures ne serait « pas suffisante » pour permettre d’améliorer la situation humanitaire à Alep. Moscou et Washington s’étaient mis d’accord en juillet après une visite du secrétaire d’État américain John Kerry dans la capitale russe sur une coopération accrue en Syrie afin de sauver la trêve et combattre les djihadistes, mais les modalités concrètes de cette coopération n’ont pas été rendues publiques.',
  },
  {
    kind: 'paragraph',
    text: 'John Kerry avait encore promis fin juillet des annonces pour le début du mois d’août sur cette éventuelle coopération américano-russe, mais le département d’État a indiqué plusieurs fois ces derniers jours que les deux puissances n’en étaient pas encore à ce stade.',
  },
  { kind: 'attribution', text: '(Avec AFP)' },
];

export const SEED_REMOVED: RemovedBlock[] = [
  { text: 'Laisser un commentaire', reason: 'comment-form', position: 'end' },
  { text: 'Votre adresse email ne sera pas publiée.', reason: 'comment-form', position: 'end' },
  {
    text: "Ce site Web utilise des cookies pour améliorer votre expérience. Nous supposerons que vous êtes d'accord avec cela, mais vous pouvez vous désinscrire si vous le souhaitez. J'accepte Lire la suite",
    reason: 'cookie-banner',
    position: 'end',
  },
];
