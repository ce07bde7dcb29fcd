/**
 * Le catalogue français : les mêmes clés que l’anglais, vérifiées par le typage. Typographie
 * française : espace fine insécable (\u202f) à l’intérieur des « » et avant : ; ! ?
 */
import type { ImportIssueCode } from '../../../../core/import-report';
import type { Catalogue, Params } from './en';

export const fr: Catalogue = {
  'app.name': 'Gazette',
  'app.skip': 'Aller au contenu',
  'library.title': 'Bibliothèque',
  'library.sections': 'Rubriques',
  'library.allSections': 'Tous les articles',
  'library.state': 'État de lecture',
  'library.state.all': 'Tous les états',
  'library.state.unread': 'Non lus',
  'library.state.reading': 'En cours',
  'library.state.finished': 'Terminés',
  'library.badge.unread': 'Non lu',
  'library.badge.finished': 'Terminé',
  'library.sort': 'Trier par',
  'library.sort.newest': 'Derniers importés',
  'library.sort.title': 'Titre',
  'library.sort.progress': 'Progression',
  'library.count': (p: Params) => (p.plural === 'one' ? `${p['count']} article` : `${p['count']} articles`),
  'library.empty': 'Aucun article ne correspond à ces filtres.',
  'library.emptyLibrary':
    'Votre bibliothèque est vide. Importez des articles enregistrés en fichiers texte pour commencer à lire.',
  'library.minutes': (p: Params) => `${p['count']} min`,
  'library.percentRead': (p: Params) => `${p['percent']} lu`,
  'library.remove': 'Retirer',
  'library.removeLabel': (p: Params) => `Retirer «\u202f${p['title']}\u202f»`,
  'library.removed': 'Article retiré de la bibliothèque.',
  'library.undo': 'Annuler',
  'library.forget': 'Effacer ses données de lecture',
  'library.forgotten': 'Données de lecture effacées.',
  'import.files': 'Importer des fichiers…',
  'import.folder': 'Importer un dossier…',
  'import.progress': (p: Params) => `Import en cours… ${p['done']} fichiers sur ${p['total']}`,
  'import.dropHere': 'Déposez des fichiers ou des dossiers d’articles pour les importer',
  'import.summaryTitle': 'Import terminé',
  'import.imported': (p: Params) =>
    p.plural === 'one' ? `${p['count']} article importé` : `${p['count']} articles importés`,
  'import.updated': (p: Params) =>
    p.plural === 'one' ? `${p['count']} article mis à jour` : `${p['count']} articles mis à jour`,
  'import.unchanged': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} déjà dans la bibliothèque`
      : `${p['count']} déjà dans la bibliothèque`,
  'import.duplicates': (p: Params) =>
    p.plural === 'one' ? `${p['count']} doublon` : `${p['count']} doublons`,
  'import.skipped': (p: Params) =>
    p.plural === 'one' ? `${p['count']} fichier ignoré` : `${p['count']} fichiers ignorés`,
  'import.failed': (p: Params) =>
    p.plural === 'one' ? `${p['count']} fichier en échec` : `${p['count']} fichiers en échec`,
  'import.duplicateOf': 'même texte qu’un article déjà dans la bibliothèque',
  'import.noPaths': 'Ces fichiers ne peuvent pas être importés ainsi\u202f: utilisez Importer des fichiers…',
  'common.close': 'Fermer',
  'common.error': 'Une erreur est survenue',
  'common.cancel': 'Annuler',
  'common.errorWith': (p: Params) => `Une erreur est survenue\u202f: ${p['message']}`,
  'error.corrupt': 'Un fichier de Gazette est endommagé. Il a été laissé tel quel.',
  'error.newer':
    'Un fichier de Gazette a été écrit par une version plus récente de Gazette. Il a été laissé tel quel.',
  'error.locked':
    'Une autre fenêtre ou commande de Gazette utilise cette bibliothèque. Fermez-la et réessayez.',
  'error.readOnly': 'Cette bibliothèque est ouverte en lecture seule\u202f: rien ne peut être modifié.',
  'error.unknownArticle': 'Cet article n’est plus dans la bibliothèque.',
  'error.unknownAnnotation': 'Ce surlignage ou cette note n’existe plus.',
  'error.invalid': 'Gazette n’a pas pu accepter ce changement.',
  'error.backup': 'Ce fichier n’est pas une sauvegarde de Gazette, ou il est endommagé.',
  'error.unexpected': 'Une erreur inattendue est survenue.',
  'common.more': 'Plus',
  'common.moreLabel': 'Plus d’actions',
  'key.enter': 'Entrée',
  'key.space': 'Espace',
  'key.shift': 'Maj',
  'key.delete': 'Suppr',
  'key.escape': 'Échap',
  'key.backspace': 'Retour arrière',
  'key.ctrl': 'Ctrl',
  'key.pageUp': 'Pg préc',
  'key.pageDown': 'Pg suiv',
  'key.home': 'Début',
  'key.end': 'Fin',
  'shortcuts.firstLast': 'Premier / dernier article',
  'shortcuts.pageList': 'Un écran plus bas / plus haut',
  'section.seeds': 'Exemples',
  'section.none': 'Sans rubrique',
  'library.showFilters': 'Filtres',
  'library.hideFilters': 'Masquer les filtres',
  'library.welcome': 'Bienvenue dans Gazette',
  'library.welcomeHelp':
    'Votre bibliothèque est vide. Importez les articles que vous avez enregistrés\u202f; ils restent sur cet ordinateur.',
  'library.step1': 'Importez des fichiers d’articles (.txt, .html, .md) ou tout un dossier.',
  'library.step2': 'Ouvrez un article et lisez\u202f; Gazette retient où vous vous êtes arrêté.',
  'library.step3':
    'Sélectionnez des mots pour les surligner, écrivez des notes\u202f: retrouvez-les dans le carnet.',
  'library.dropZone': 'Ou déposez ici des fichiers ou des dossiers',
  'settings.damaged':
    'Votre fichier de réglages est endommagé\u202f: Gazette utilise les réglages par défaut et ne peut pas enregistrer vos changements.',
  'settings.reset': 'Réinitialiser les réglages',
  'settings.showFile': 'Afficher le fichier',
  'settings.resetDone': (p: Params) =>
    `Réglages réinitialisés. Le fichier endommagé a été conservé sous le nom ${p['file']}.`,
  'settings.notSaved': 'Les réglages n’ont pas pu être enregistrés.',
  'reader.by': (p: Params) => `Par ${p['author']}`,
  'reader.published': (p: Params) => `Publié le ${p['date']}`,
  'reader.fromFile': (p: Params) => `Fichier ${p['file']}`,
  'reader.metadata': 'À propos de cet article',
  'reader.previousShort': 'Précédent',
  'reader.nextShort': 'Suivant',
  'reader.text': 'Texte de l’article',
  'reader.readPercent': (p: Params) => `${p['percent']} lu`,
  'notebook.search': 'Rechercher dans le carnet',
  'notebook.sort': 'Trier par',
  'notebook.sort.recent': 'Plus récents',
  'notebook.sort.article': 'Titre de l’article',
  'notebook.sort.position': 'Place dans l’article',
  'notebook.export': 'Exporter…',
  'notebook.articles': (p: Params) =>
    p.plural === 'one' ? `${p['count']} article` : `${p['count']} articles`,
  'notebook.noMatch': 'Aucun surlignage ni aucune note ne correspond.',
  'library.filters': 'Vues, rubriques et filtres',
  'library.annotatedOnly': 'Avec surlignages ou notes',
  'search.label': 'Rechercher dans les articles, surlignages et notes',
  'search.placeholder': 'Rechercher dans les articles, surlignages et notes  ( / )',
  'search.searching': 'Recherche…',
  'search.failed': 'La recherche a échoué',
  'search.none': (p: Params) => `Aucun résultat pour «\u202f${p['query']}\u202f».`,
  'search.count': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} article trouvé pour «\u202f${p['query']}\u202f»`
      : `${p['count']} articles trouvés pour «\u202f${p['query']}\u202f»`,
  'search.more': 'Afficher plus de résultats',
  'search.in.title': 'Titre',
  'search.in.text': 'Texte',
  'search.in.highlight': 'Surlignage',
  'search.in.note': 'Note',
  'search.indexBuilding': (p: Params) =>
    `Construction de l’index de recherche (${p['percent']})\u202f: les résultats suivront dès qu’il sera prêt.`,
  'search.indexStatus': (p: Params) => `Construction de l’index de recherche… ${p['percent']}`,
  'search.showingMatch': (p: Params) => `Voici le passage trouvé pour «\u202f${p['words']}\u202f».`,
  'views.title': 'Vues enregistrées',
  'views.saveAs': 'Enregistrer comme vue…',
  'views.name': 'Nom de la vue',
  'views.namePlaceholder': 'Nommer cette vue',
  'views.save': 'Enregistrer',
  'views.saved': (p: Params) => `Vue «\u202f${p['name']}\u202f» enregistrée.`,
  'views.delete': (p: Params) => `Supprimer la vue «\u202f${p['name']}\u202f»`,
  'tags.title': 'Étiquettes',
  'tags.manage': 'Gérer les étiquettes…',
  'tags.manageTitle': 'Étiquettes',
  'tags.none':
    'Aucune étiquette pour l’instant\u202f: ajoutez-en aux articles depuis la bibliothèque ou la page de lecture.',
  'tags.add': 'Ajouter une étiquette',
  'tags.addPlaceholder': 'Ajouter une étiquette',
  'tags.added': (p: Params) => `Étiquette ajoutée\u202f: ${p['tags']}.`,
  'tags.remove': (p: Params) => `Retirer l’étiquette ${p['tag']}`,
  'tags.removed': (p: Params) => `Étiquette ${p['tag']} retirée.`,
  'tags.invalid': (p: Params) =>
    `«\u202f${p['tag']}\u202f» ne peut pas être une étiquette\u202f: lettres, chiffres, «\u202f-\u202f», «\u202f_\u202f» ou «\u202f/\u202f» (${p['max']} au plus), pas seulement des chiffres.`,
  'tags.edit': 'Étiquettes',
  'tags.editLabel': (p: Params) => `Étiquettes de «\u202f${p['title']}\u202f»`,
  'tags.editTitle': (p: Params) => `Étiquettes de «\u202f${p['title']}\u202f»`,
  'tags.rename': 'Renommer',
  'tags.renameLabel': (p: Params) => `Renommer l’étiquette ${p['tag']}`,
  'tags.newName': (p: Params) => `Nouveau nom pour ${p['tag']}`,
  'tags.renameSave': 'Renommer',
  'tags.renamed': (p: Params) =>
    p.plural === 'one'
      ? `${p['from']} devient ${p['to']} sur 1 article.`
      : `${p['from']} devient ${p['to']} sur ${p['count']} articles.`,
  'tags.delete': 'Supprimer',
  'tags.deleteLabel': (p: Params) => `Supprimer l’étiquette ${p['tag']}`,
  'tags.confirmDelete': (p: Params) =>
    p.plural === 'one'
      ? `La retirer de ${p['count']} article\u202f?`
      : `La retirer de ${p['count']} articles\u202f?`,
  'tags.deleted': (p: Params) =>
    p.plural === 'one'
      ? `Étiquette ${p['tag']} retirée de ${p['count']} article.`
      : `Étiquette ${p['tag']} retirée de ${p['count']} articles.`,
  'data.open': 'Exporter et sauvegarder',
  'data.title': 'Exporter et sauvegarder',
  'data.exportHeading': 'Surlignages et notes',
  'data.exportHelp': 'Chaque article annoté, avec ses surlignages, leurs notes et vos notes personnelles.',
  'data.format': 'Format',
  'data.format.markdown': 'Markdown\u202f: un fichier par article (Obsidian, Readwise)',
  'data.format.json': 'JSON\u202f: un seul fichier',
  'data.format.w3c':
    'Annotations Web W3C (JSON-LD)\u202f: un seul fichier, pour d’autres outils d’annotation',
  'data.export': 'Exporter…',
  'data.exportArticle': 'Exporter en Markdown…',
  'data.exported': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} fichier enregistré\u202f: ${p['where']}`
      : `${p['count']} fichiers enregistrés dans ${p['where']}`,
  'data.nothingToExport': 'Il n’y a encore aucun surlignage ni aucune note à exporter.',
  'data.backupHeading': 'Sauvegarde',
  'data.backupHelp':
    'Un seul fichier avec chaque article tel qu’importé, votre progression, vos surlignages, notes, étiquettes et réglages\u202f: de quoi reconstruire la bibliothèque sur un autre ordinateur.',
  'data.backup': 'Sauvegarder…',
  'data.backedUp': (p: Params) => `Sauvegarde enregistrée\u202f: ${p['file']} (${p['what']}).`,
  'data.restore': 'Restaurer une sauvegarde…',
  'data.restoreHelp':
    'Fusionne une sauvegarde dans cette bibliothèque. Rien n’est remplacé ni dupliqué\u202f: restaurer deux fois ne change rien.',
  'data.restored': (p: Params) => `Ajouté depuis la sauvegarde\u202f: ${p['what']}.`,
  'data.broughtBack': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} article retiré a été rétabli.`
      : `${p['count']} articles retirés ont été rétablis.`,
  'data.updated': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} surlignage ou note mis à jour.`
      : `${p['count']} surlignages ou notes mis à jour.`,
  'data.restoredNothing': 'Cette sauvegarde ne contient rien que la bibliothèque n’ait déjà.',
  'data.working': 'En cours…',
  'reader.back': 'Bibliothèque',
  'reader.backLabel': 'Retour à la bibliothèque',
  'reader.progress': 'Progression de la lecture',
  'reader.minutesLeft': (p: Params) => (p.n === 0 ? 'Terminé' : `Encore ${p['count']} min`),
  'reader.previous': 'Article précédent',
  'reader.next': 'Article suivant',
  'reader.finished': 'Vous avez terminé cet article.',
  'reader.markUnread': 'Marquer comme non lu',
  'reader.markFinished': 'Marquer comme terminé',
  'reader.removedBlocks': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} bloc de texte du site a été retiré`
      : `${p['count']} blocs de texte du site ont été retirés`,
  'reader.removedReason': 'Retiré comme',
  'reader.source': 'Source',
  'reader.words': (p: Params) => `${p['count']} mots`,
  'reason.comment-form': 'formulaire de commentaire',
  'reason.cookie-banner': 'bandeau de cookies',
  'reason.newsletter': 'invitation à la lettre d’information',
  'reason.share': 'invitation au partage',
  'reason.related': 'liens connexes',
  'reason.copyright': 'mention de copyright',
  'reason.legal': 'mention légale',
  'settings.title': 'Réglages de lecture',
  'settings.open': 'Réglages',
  'settings.theme': 'Thème',
  'settings.theme.system': 'Système',
  'settings.theme.light': 'Clair',
  'settings.theme.sepia': 'Sépia',
  'settings.theme.dark': 'Sombre',
  'settings.textSize': 'Taille du texte',
  'settings.lineWidth': 'Largeur des lignes',
  'settings.lineHeight': 'Interlignage',
  'settings.font': 'Police',
  'settings.font.serif': 'Avec empattements (Literata)',
  'settings.font.sans': 'Sans empattements (Inter)',
  'settings.language': 'Langue de l’interface',
  'settings.language.system': 'Celle du système',
  'settings.language.en': 'English',
  'settings.language.fr': 'Français',
  'settings.characters': (p: Params) => `${p['count']} caractères`,
  'shortcuts.title': 'Raccourcis clavier',
  'shortcuts.open': 'Raccourcis clavier',
  'shortcuts.group.library': 'Bibliothèque',
  'shortcuts.group.reader': 'Lecture',
  'shortcuts.group.everywhere': 'Partout',
  'shortcuts.move': 'Parcourir les articles',
  'shortcuts.open.article': 'Ouvrir l’article',
  'shortcuts.remove': 'Retirer l’article',
  'shortcuts.back': 'Retour à la bibliothèque',
  'shortcuts.page': 'Page suivante / précédente',
  'shortcuts.line': 'Défiler vers le bas / le haut',
  'shortcuts.nextPrev': 'Article suivant / précédent',
  'shortcuts.textSize': 'Texte plus grand / plus petit',
  'shortcuts.theme': 'Thème suivant',
  'shortcuts.finished': 'Marquer comme terminé / non lu',
  'shortcuts.settings': 'Réglages de lecture',
  'shortcuts.help': 'Afficher cette liste',
  'shortcuts.import': 'Importer des fichiers',
  'shortcuts.search': 'Rechercher dans les articles, surlignages et notes',
  'annotations.toolbar': 'Surligner la sélection',
  'annotations.highlightIn': (p: Params) => `Surligner en ${p['color']}`,
  'color.yellow': 'jaune',
  'color.green': 'vert',
  'color.blue': 'bleu',
  'color.pink': 'rose',
  'color.purple': 'violet',
  'annotations.panel': 'Surlignages et notes',
  'annotations.panelToggle': 'Surlignages et notes',
  'annotations.highlights': 'Surlignages',
  'annotations.noHighlights': 'Sélectionnez des mots de l’article pour les surligner.',
  'annotations.detached': 'détaché',
  'annotations.detachedHelp': 'Ses mots ne sont plus dans l’article.',
  'annotations.highlightLabel': (p: Params) => `Surlignage ${p['color']}\u202f: ${p['quote']}`,
  'annotations.highlighted': (p: Params) => `Surligné en ${p['color']}\u202f: ${p['quote']}`,
  'annotations.selected': (p: Params) => `Sélectionné\u202f: ${p['quote']}`,
  'annotations.showing': (p: Params) =>
    `Surlignage ${p['color']} ${p['index']} sur ${p['total']}\u202f: ${p['quote']}${p['note'] ? `. Note\u202f: ${p['note']}` : ''}`,
  'annotations.edit': 'Surlignage',
  'annotations.color': 'Couleur',
  'annotations.note': 'Note sur ce surlignage',
  'annotations.delete': 'Supprimer le surlignage',
  'annotations.deleted': 'Surlignage supprimé.',
  'annotations.noteDeleted': 'Note supprimée.',
  'annotations.count': (p: Params) =>
    p.plural === 'one' ? `${p['count']} surlignage` : `${p['count']} surlignages`,
  'annotations.noteCount': (p: Params) => (p.plural === 'one' ? `${p['count']} note` : `${p['count']} notes`),
  'notes.title': 'Vos notes',
  'notes.empty': 'Pas encore de note. Ce que vous écrivez ici reste sur cet ordinateur.',
  'notes.new': 'Écrire une note',
  'notes.hint': 'Enregistré pendant la frappe. *italique*, **gras**, listes avec - ou 1.',
  'notes.done': 'Terminé',
  'notes.edit': 'Modifier',
  'notes.editLabel': 'Modifier la note',
  'notes.delete': 'Supprimer',
  'notes.deleteLabel': 'Supprimer la note',
  'notes.saving': 'Enregistrement…',
  'notes.saved': 'Enregistré',
  'notes.written': (p: Params) => `Écrite le ${p['date']}`,
  'notebook.open': 'Carnet',
  'notebook.title': 'Carnet',
  'notebook.count': (p: Params) => (p.plural === 'one' ? `${p['count']} entrée` : `${p['count']} entrées`),
  'notebook.empty': 'Rien pour l’instant\u202f: les surlignages et notes faits en lisant apparaissent ici.',
  'notebook.allColors': 'Toutes les couleurs',
  'notebook.filterColor': 'Couleur',
  'notebook.filterSection': 'Rubrique',
  'notebook.allSections': 'Toutes les rubriques',
  'notebook.note': 'Note',
  'notebook.in': (p: Params) => `dans ${p['title']}`,
  'shortcuts.selectSentence': 'Sélectionner la phrase suivante / précédente (Maj + flèches pour l’ajuster)',
  'shortcuts.highlight': 'Surligner la sélection',
  'shortcuts.annotations': 'Afficher surlignages et notes',
  'shortcuts.readAloud': 'Lire à voix haute / pause',
  'shortcuts.readSentence': 'Pendant la lecture\u202f: phrase suivante / précédente',
  'shortcuts.readParagraph': 'Pendant la lecture\u202f: paragraphe suivant / précédent',
  'shortcuts.readSpeed': 'Lecture plus rapide / plus lente',
  'shortcuts.review': 'Révision du jour',
  'readAloud.label': 'Lecture à voix haute',
  'readAloud.play': 'Lire à voix haute',
  'readAloud.pause': 'Pause',
  'readAloud.stop': 'Arrêter',
  'readAloud.previousSentence': 'Phrase précédente',
  'readAloud.nextSentence': 'Phrase suivante',
  'readAloud.previousParagraph': 'Paragraphe précédent',
  'readAloud.nextParagraph': 'Paragraphe suivant',
  'readAloud.slower': 'Plus lent',
  'readAloud.faster': 'Plus rapide',
  'readAloud.speed': 'Vitesse',
  'readAloud.queue': 'Puis l’article suivant',
  'readAloud.reading': 'Lecture en cours',
  'readAloud.paused': 'En pause',
  'readAloud.loading': 'Préparation de la voix…',
  'readAloud.failed': (p: Params) => `Lecture interrompue\u202f: ${p['error']}`,
  'settings.readAloudVoice': 'Voix de lecture',
  'settings.readAloudVoice.shipped': 'La voix de Gazette (toujours disponible)',
  'settings.readAloudVoice.system': 'La voix du système, s’il en a une sur cet ordinateur',
  'review.open': 'Révision du jour',
  'review.openWithCount': (p: Params) => `Révision du jour (${p['count']})`,
  'review.title': 'Révision du jour',
  'review.progress': (p: Params) => `${p['done']} sur ${p['total']}`,
  'review.empty':
    'Rien à revoir aujourd’hui. Vos surlignages et vos notes reviennent ici, quelques-uns par jour.',
  'review.doneToday': (p: Params) =>
    p.plural === 'one'
      ? 'Fini pour aujourd’hui\u202f: 1 revu.'
      : `Fini pour aujourd’hui\u202f: ${p['count']} revus.`,
  'review.waiting': (p: Params) =>
    p.plural === 'one'
      ? 'Encore 1 à revoir\u202f; il viendra un autre jour.'
      : `Encore ${p['count']} à revoir\u202f; ils viendront un autre jour.`,
  'review.question': 'Vous en souvenez-vous\u202f?',
  'review.again': 'À revoir',
  'review.hard': 'Difficile',
  'review.good': 'Bien',
  'review.easy': 'Facile',
  'review.keys':
    'Touches 1 à 4\u202f: noter\u202f; o\u202f: ouvrir l’article\u202f; e\u202f: modifier la note\u202f; x\u202f: retirer.',
  'review.openArticle': 'Ouvrir dans l’article',
  'review.editNote': 'Modifier la note',
  'review.saveNote': 'Enregistrer la note',
  'review.cancel': 'Annuler',
  'review.retire': 'Retirer',
  'review.retired': 'Retiré\u202f: il ne reviendra plus.',
  'review.graded': (p: Params) => `Noté «\u202f${p['rating']}\u202f». De retour le ${p['date']}.`,
  'review.newItem': 'Nouveau',
  'review.noteLabel': 'Votre note',
  'review.from': (p: Params) => `Tiré de ${p['title']}`,
  'review.frequency': 'Fréquence de retour de cet article',
  'review.frequency.more': 'Plus souvent',
  'review.frequency.normal': 'Normale',
  'review.frequency.fewer': 'Moins souvent',
  'review.frequency.never': 'Jamais',
  // Rapports d’import : la raison de chaque ligne d’après son code (aucune phrase anglaise des services).
  'import.issue': (p: Params) => frenchImportIssue(String(p['code']) as ImportIssueCode, p),
  'import.linkOnly': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} fichier de liens seulement (pas de texte à importer\u202f: Gazette fonctionne hors ligne)`
      : `${p['count']} fichiers de liens seulement (pas de texte à importer\u202f: Gazette fonctionne hors ligne)`,
  'import.linkOnlyFile': (p: Params) =>
    p.plural === 'one'
      ? `lien seulement, pas de texte à importer (${p['count']} lien)`
      : `liens seulement, pas de texte à importer (${p['count']} liens)`,
  'import.carried': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} article est venu avec son état de lecture, ses étiquettes ou ses surlignages`
      : `${p['count']} articles sont venus avec leur état de lecture, leurs étiquettes ou leurs surlignages`,
  'import.carriedHighlights': (p: Params) =>
    p.plural === 'one' ? `${p['count']} surlignage repris` : `${p['count']} surlignages repris`,
  'import.carriedDetached': (p: Params) =>
    p.plural === 'one'
      ? `${p['count']} surlignage dont les mots ne sont pas dans le texte\u202f: conservé, montré à part`
      : `${p['count']} surlignages dont les mots ne sont pas dans le texte\u202f: conservés, montrés à part`,
  // L’état de la bibliothèque (libraryStatus) : ce qui s’est passé, ce que cela veut dire, que faire.
  'status.title': 'À propos de votre bibliothèque',
  'status.dismiss': 'Fermer',
  'status.progress-damaged':
    'Le fichier de votre progression de lecture est endommagé. Il a été conservé tel quel\u202f; en attendant, tous les articles apparaissent non lus et la progression n’est pas enregistrée. Restaurez-le depuis une sauvegarde, ou déplacez-le et Gazette en commencera un nouveau.',
  'status.tags-damaged':
    'Le fichier de vos étiquettes est endommagé. Il a été conservé tel quel\u202f; en attendant, aucune étiquette n’est affichée ni modifiable. Restaurez-le depuis une sauvegarde, ou déplacez-le et Gazette en commencera un nouveau.',
  'status.views-damaged':
    'Le fichier de vos vues enregistrées est endommagé. Il a été conservé tel quel\u202f; en attendant, aucune vue n’est affichée. Restaurez-le depuis une sauvegarde, ou déplacez-le et Gazette en commencera un nouveau.',
  'status.newer-library':
    'Cette bibliothèque a été créée par une version plus récente de Gazette. Vous pouvez la lire, mais rien ne peut y être modifié\u202f: mettez Gazette à jour pour la modifier.',
  'status.migrated': (p: Params) =>
    `Votre bibliothèque a été mise à jour pour cette version de Gazette. L’ancien fichier (version ${p['from']}) a été conservé à côté, au cas où vous reviendriez à une version antérieure.`,
  'status.body-pack-damaged':
    'Un fichier contenant le texte d’articles est endommagé\u202f: ces articles ne peuvent pas être ouverts. Le reste de la bibliothèque fonctionne. Restaurez-le depuis une sauvegarde, ou importez de nouveau ces articles.',
  'status.file': (p: Params) => `Fichier\u202f: ${p['file']}`,
  'reader.putBack': 'Remettre',
  'reader.putBackFailed': 'Ce texte n’a pas pu être remis.',
  'reason.reader': 'texte du site (votre choix)',
  'related.heading': 'Sur le même sujet',
};

/** A size from core's `formatSize` (`5.0 MiB`, `512 bytes`) in French units and decimals (`5,0 Mio`). */
function frenchSize(value: string | number | undefined): string {
  return String(value ?? '')
    .replace(/(\d)\.(\d)/g, '$1,$2')
    .replace(/\bbytes\b/, 'octets')
    .replace(/\bKiB\b/, 'Kio')
    .replace(/\bMiB\b/, 'Mio')
    .replace(/ /g, '\u00a0');
}

/**
 * Each import issue in French. The services' free-form values (`detail`, `what`, `format`) are
 * English phrases: they are left out here, so no English reaches the French interface.
 */
function frenchImportIssue(code: ImportIssueCode, p: Params): string {
  const v = (name: string): string => String(p[name] ?? '');
  const sentences: Record<ImportIssueCode, () => string> = {
    missing: () => 'fichier ou dossier introuvable',
    'permission-denied': () => 'lecture impossible\u202f: permission refusée',
    'not-a-file': () => 'pas un fichier ordinaire (tube, socket ou périphérique), pas un article',
    'is-a-folder': () => 'c’est un dossier, pas un fichier',
    'link-loop': () => 'lecture impossible\u202f: ses liens symboliques forment une boucle',
    'broken-link': () => 'lien symbolique cassé\u202f: sa cible n’existe pas',
    'path-too-long': () => 'lecture impossible\u202f: chemin trop long',
    'too-many-open-files': () => 'lecture impossible\u202f: trop de fichiers ouverts',
    'io-error': () => 'lecture impossible\u202f: erreur d’entrée-sortie (problème de disque ou de réseau)',
    locked: () => 'lecture impossible\u202f: le fichier est verrouillé par un autre programme',
    unreadable: () => 'lecture impossible',
    'too-large': () =>
      `le fichier fait ${frenchSize(p['size'])}, au-delà de la limite de ${frenchSize(p['limit'])}`,
    empty: () => 'fichier vide',
    blank: () => 'fichier vide (seulement des espaces)',
    'title-only': () => 'le fichier a un titre mais pas de texte',
    binary: () => 'fichier binaire (contient des octets nuls), pas un article',
    'too-slow': () =>
      `lecture trop longue (plus de ${v('seconds')}\u00a0s)\u202f: fichier laissé de côté, le reste de l’import a continué`,
    'parser-crashed': () => 'la lecture de ce fichier a échoué\u202f; le reste de l’import a continué',
    'no-article-found': () => 'aucun texte d’article trouvé dans ce fichier',
    'bad-record': () => `enregistrement ${v('record')} illisible`,
    'link-only': () => `lien seulement, pas de texte à importer (${v('count')})`,
    'unsafe-archive': () => 'archive refusée\u202f: elle pourrait écrire hors de son dossier ou est anormale',
    'unsupported-format': () => 'pas un format que Gazette sait importer',
    'hidden-file': () => 'fichier caché',
    'hidden-folder': () => 'dossier caché',
    'not-an-article-type': () => `pas un article (${v('extension')})`,
    'folder-seen': () => 'dossier déjà inclus par un autre chemin',
    'folder-seen-at': () => `dossier déjà inclus par un autre chemin (${v('target')})`,
    'folder-permission-denied': () => 'ouverture du dossier impossible\u202f: permission refusée',
    'page-resources': () => 'les images et scripts d’une page web enregistrée, pas un article',
    'library-data': () => 'le dossier de données de Gazette lui-même, pas des articles',
    'link-loop-folder': () =>
      `boucle de liens symboliques\u202f: elle ramène à ${v('target')}, un dossier qui la contient`,
  };
  return (sentences[code] ?? (() => 'fichier non importé'))();
}
