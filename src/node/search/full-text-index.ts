/**
 * The full-text index: an inverted index of the documents of search-documents.ts (articles,
 * highlights, notes), ranked by BM25 with per-field boosts, with prefix matching on the word being
 * typed and typo tolerance for unknown words, documents added and discarded one at a time, and a
 * compact snapshot form.
 *
 * Why not MiniSearch itself any more: it builds a result object (score, matched terms, stored
 * fields) for every matching document before sorting them all, so a query for a common word
 * ("year": 13,000 of 20,000 articles) took 20 ms before any snippet was made. Here scores are
 * summed in typed arrays indexed by document slot, and only the best few articles are ordered
 * (a heap) and described. The scores are MiniSearch's BM25, with its weights for prefix and fuzzy
 * matches, so ranking stays as it was (full-text-index.test.ts checks it against MiniSearch) but
 * for one thing: a field's average length is over the documents that have the field. MiniSearch
 * averaged over all documents, an empty field counting 1, so among 20,000 articles a 10-word note
 * was ten times "longer than average" and scored low, against the boost meant for notes.
 * MiniSearch's radix tree (`SearchableMap`, part of its public API) holds the vocabulary and finds
 * prefixes and near spellings.
 *
 * Postings are flat arrays of numbers, [slot, count, slot, count, …], which also makes the
 * snapshot small and quick to load: a few numbers per posting, no map per term.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchField } from '../../core/search/model';
import type { StemLanguage } from '../../core/search/text';
import {
  articleDocId,
  documentTerms,
  FIELD_BOOSTS,
  FUZZY,
  FUZZY_MIN_LENGTH,
  INDEXED_FIELDS,
  MAX_FUZZY,
  parseDocId,
  PREFIX_MIN_LENGTH,
  queryTerms,
  type SearchDocument,
  type SearchDocumentKind,
} from './search-documents';

/** MiniSearch's BM25+ parameters and its weights for words found by prefix or by typo tolerance. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/*
 * Discarded documents' postings are skipped, then dropped from each term searched; the whole
 * index is swept once they are a quarter of all postings (after re-importing much of the library).
 */
const VACUUM_SHARE = 0.25;
const VACUUM_MIN = 10_000;

/** Postings scored for the completions of the word being typed, at most (see `#completions`). */
const PREFIX_POSTINGS = 40_000;

/** Terms restored between two pauses when loading a snapshot. */
const LOAD_BATCH = 4_000;

/** A document as the index keeps it besides its words: annotations keep their text, for snippets. */
export interface IndexedDocument {
  id: string;
  articleId: string;
  kind: SearchDocumentKind;
  language: StemLanguage;
  annotationId?: string;
  highlight?: string;
  note?: string;
}

/** A document that matched, its own score, and the index terms it matched in each field. */
export interface DocumentHit {
  document: IndexedDocument;
  score: number;
  terms: Partial<Record<SearchField, string[]>>;
}

/** An article that matched: its score is the sum of its documents' (its text and annotations). */
export interface ArticleHit<T> {
  articleId: string;
  /** What `select` returned for the article. */
  article: T;
  score: number;
  /** Best first. */
  documents: DocumentHit[];
}

/**
 * A term's postings by field (in INDEXED_FIELDS order): for each field holding the term, flat
 * pairs [slot, count, slot, count, …], slots ascending (documents are appended, slots never reused).
 */
type Postings = Array<number[] | undefined>;

interface Field {
  name: SearchField;
  boost: number;
  /** How many documents have this field, and their lengths' sum (for BM25's average length). */
  documents: number;
  totalLength: number;
  /** The field's length in each slot: its number of distinct terms, as MiniSearch counted it. */
  lengths: number[];
}

/**
 * The snapshot form (`JSON.stringify(index)`). Documents by slot: id, language, each field's
 * length, and an annotation's own text. Terms with their postings by field, or 0 where the field
 * lacks the term (trailing 0s left out: most terms are in no highlight or note). Postings are
 * written as steps from the previous slot (the first from -1), each followed by its count, except
 * that a count of 1 (four postings in five) is written as the step negated, alone: `[3, 2, -1]` is
 * slot 2 twice and slot 3 once. About 14 MB at 20,000 articles, where MiniSearch's form took 35.
 */
export interface SerializedIndex {
  documents: SerializedDocument[];
  terms: SerializedTerm[];
}
type SerializedDocument =
  | [id: string, language: StemLanguage, lengths: number[]]
  | [id: string, language: StemLanguage, lengths: number[], texts: { highlight?: string; note?: string }];
type SerializedTerm = [term: string, ...postings: Array<number[] | 0>];

export class FullTextIndex {
  /** Each term's postings. */
  readonly #terms = new Map<string, Postings>();
  /*
   * The same terms in a radix tree, for prefixes and near spellings only: a lookup there costs
   * several times a Map's, which made indexing three times slower.
   */
  readonly #vocabulary = new SearchableMap<Postings>();
  /** Documents by slot; a discarded one leaves `undefined`. */
  readonly #documents: Array<IndexedDocument | undefined> = [];
  readonly #slots = new Map<string, number>();
  readonly #fields: Field[] = INDEXED_FIELDS.map((name) => ({
    name,
    boost: FIELD_BOOSTS[name],
    documents: 0,
    totalLength: 0,
    lengths: [],
  }));
  /** Postings of discarded documents still in the terms' lists, and all postings. */
  #deadPostings = 0;
  #postings = 0;

  // Per query, by slot (zeroed again after each query): each document's score, the number of query
  // terms it matched and the last one it matched, and each article's total.
  #score = new Float64Array(0);
  #total = new Float64Array(0);
  #quality = new Uint16Array(0);
  #lastTerm = new Int32Array(0);

  /** How many documents the index holds. */
  get documentCount(): number {
    return this.#slots.size;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Indexes a document; one with the same id must be discarded first. */
  add(document: SearchDocument): void {
    if (this.#slots.has(document.id)) throw new Error(`The search index already holds ${document.id}.`);
    const slot = this.#documents.length;
    const { kind, articleId, annotationId, language, highlight, note } = document;
    this.#documents.push(
      kind === 'article'
        ? { id: document.id, articleId, kind, language }
        : { id: document.id, articleId, kind, language, annotationId, highlight, note },
    );
    this.#slots.set(document.id, slot);
    for (const [f, field] of this.#fields.entries()) {
      const text = document[field.name];
      let distinct = 0;
      for (const term of text ? documentTerms(text, language) : []) {
        const postings = this.#terms.get(term) ?? this.#newTerm(term);
        const list = (postings[f] ??= []);
        // This document is the list's last (slots only grow): a repeated word adds to its count.
        if (list[list.length - 2] === slot) list[list.length - 1] = (list[list.length - 1] as number) + 1;
        else {
          list.push(slot, 1);
          distinct += 1;
        }
      }
      field.lengths[slot] = distinct;
      if (distinct === 0) continue;
      field.documents += 1;
      field.totalLength += distinct;
      this.#postings += distinct;
    }
  }

  addAll(documents: readonly SearchDocument[]): void {
    for (const document of documents) this.add(document);
  }

  /**
   * Takes a document out of searches at once. An annotation keeps its text, so its postings are
   * found and dropped at once (a note is saved again and again); an article's are skipped by
   * searches until they are swept (see VACUUM_SHARE).
   */
  discard(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    const document = this.#documents[slot] as IndexedDocument;
    this.#slots.delete(id);
    this.#documents[slot] = undefined;
    for (const [f, field] of this.#fields.entries()) {
      const length = field.lengths[slot] ?? 0;
      if (length === 0) continue;
      field.documents -= 1;
      field.totalLength -= length;
      const text = field.name === 'highlight' || field.name === 'note' ? document[field.name] : undefined;
      if (text) this.#dropPostings(slot, f, documentTerms(text, document.language));
      else this.#deadPostings += length;
    }
    if (this.#deadPostings >= VACUUM_MIN && this.#deadPostings > this.#postings * VACUUM_SHARE) this.vacuum();
  }

  /** Drops the postings of a discarded document's `terms` in field `f`. */
  #dropPostings(slot: number, f: number, terms: string[]): void {
    for (const term of new Set(terms)) {
      const postings = this.#terms.get(term);
      const list = postings?.[f];
      const at = list ? find(list, slot) : -1;
      if (!postings || !list || at < 0) {
        // Not where it was indexed (it cannot be, but if it were): left for the sweep.
        this.#deadPostings += 1;
        continue;
      }
      list.splice(at, 2);
      this.#postings -= 1;
      if (list.length > 0) continue;
      postings[f] = undefined;
      if (postings.every((other) => other === undefined)) {
        this.#terms.delete(term);
        this.#vocabulary.delete(term);
      }
    }
  }

  /** Drops every discarded document's postings, and the terms left with none. */
  vacuum(): void {
    const emptied: string[] = [];
    for (const [term, postings] of this.#terms) {
      if (!this.#prune(postings)) emptied.push(term);
    }
    for (const term of emptied) {
      this.#terms.delete(term);
      this.#vocabulary.delete(term);
    }
  }

  /**
   * The best `limit` articles for `query`, best first, each with its matching documents. `select`
   * says whether an article may be shown (undefined: no) and what to return with it; it is asked
   * in ranking order, only until `limit` articles are accepted.
   */
  search<T>(
    query: string,
    limit: number,
    select: (articleId: string) => T | undefined,
  ): Array<ArticleHit<T>> {
    const terms = queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    this.#growScratch();
    const touched: number[] = [];
    const matched: Array<[term: string, postings: Postings]> = [];
    try {
      terms.forEach((term, i) => {
        for (const [found, postings, weight] of this.#expand(term, i === terms.length - 1)) {
          matched.push([found, postings]);
          this.#accumulate(postings, weight, i + 1, touched);
        }
      });
      return this.#best(touched, matched, limit, select);
    } finally {
      for (const slot of touched) {
        this.#score[slot] = 0;
        this.#total[slot] = 0;
        this.#quality[slot] = 0;
        this.#lastTerm[slot] = 0;
      }
    }
  }

  /**
   * The index terms a query term stands for, with their weights: itself; if it is the last term
   * (the word being typed), the words it begins; if it is unknown and long enough, near spellings.
   */
  *#expand(term: string, last: boolean): Generator<[term: string, postings: Postings, weight: number]> {
    const exact = this.#terms.get(term);
    if (exact) yield [term, exact, 1];
    if (last && term.length >= PREFIX_MIN_LENGTH) {
      for (const [longer, postings] of this.#completions(term)) {
        const distance = longer.length - term.length;
        yield [longer, postings, (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance)];
      }
    }
    const maxEdits = this.#typoTolerance(term, last);
    if (maxEdits === 0) return;
    for (const [near, [postings, edits]] of this.#vocabulary.fuzzyGet(term, maxEdits)) {
      if (edits > 0) yield [near, postings, (FUZZY_WEIGHT * near.length) / (near.length + edits)];
    }
  }

  /**
   * The longer words a prefix begins. A short prefix begins hundreds ("co": 700 words, 140,000
   * postings at 20,000 articles): past PREFIX_POSTINGS, only the most frequent words are taken,
   * the likeliest to be the one being typed, and a search stays within a few milliseconds.
   */
  #completions(prefix: string): Array<[term: string, postings: Postings]> {
    const completions: Array<[term: string, postings: Postings, count: number]> = [];
    let total = 0;
    for (const [longer, postings] of this.#vocabulary.atPrefix(prefix)) {
      if (longer === prefix) continue;
      const count = postings.reduce((sum, list) => sum + (list ? list.length / 2 : 0), 0);
      completions.push([longer, postings, count]);
      total += count;
    }
    if (total <= PREFIX_POSTINGS) return completions.map(([longer, postings]) => [longer, postings]);
    completions.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    const taken: Array<[term: string, postings: Postings]> = [];
    let spent = 0;
    for (const [longer, postings, count] of completions) {
      if (spent > 0 && spent + count > PREFIX_POSTINGS) continue;
      taken.push([longer, postings]);
      spent += count;
    }
    return taken;
  }

  /*
   * Cheap paths before the clever one: a word the index holds is not a typo, so fuzzy matching
   * (which walks a good part of the vocabulary) runs only for words it does not hold; nor is the
   * start of a known word, for the last word (probably not finished), which has completions then.
   */
  #typoTolerance(term: string, last: boolean): number {
    if (term.length < FUZZY_MIN_LENGTH || this.#terms.has(term)) return 0;
    if (last && this.#vocabulary.atPrefix(term).keys().next().done !== true) return 0;
    return Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
  }

  /** Adds a term's BM25 scores to the documents holding it, counting query term `termNumber` once each. */
  #accumulate(postings: Postings, weight: number, termNumber: number, touched: number[]): void {
    const { k, b, d } = BM25;
    const documentCount = this.#slots.size;
    const score = this.#score;
    const quality = this.#quality;
    const lastTerm = this.#lastTerm;
    for (const [f, field] of this.#fields.entries()) {
      if (this.#deadPostings > 0) this.#pruneField(postings, f);
      const list = postings[f];
      if (!list) continue;
      const matching = list.length / 2;
      const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      const factor = weight * field.boost * idf;
      const average = field.totalLength / field.documents;
      const lengths = field.lengths;
      for (let i = 0; i < list.length; i += 2) {
        const slot = list[i] as number;
        const count = list[i + 1] as number;
        const norm = k * (1 - b + (b * (lengths[slot] as number)) / average);
        score[slot] = (score[slot] as number) + factor * (d + (count * (k + 1)) / (count + norm));
        if (lastTerm[slot] !== termNumber) {
          if (quality[slot] === 0) touched.push(slot);
          lastTerm[slot] = termNumber;
          quality[slot] = (quality[slot] as number) + 1;
        }
      }
    }
  }

  /** Groups the scored documents by article and takes the best accepted articles. */
  #best<T>(
    touched: number[],
    matched: Array<[term: string, postings: Postings]>,
    limit: number,
    select: (articleId: string) => T | undefined,
  ): Array<ArticleHit<T>> {
    const score = this.#score;
    const total = this.#total;
    const quality = this.#quality;
    const documents = this.#documents;
    const documentAt = (slot: number): IndexedDocument => documents[slot] as IndexedDocument;
    // As MiniSearch: a document's BM25 sum times the number of query terms it matched.
    for (const slot of touched) score[slot] = (score[slot] as number) * (quality[slot] as number);
    // An article's total is its document's score plus its highlights' and notes'. The group is
    // kept under its article document's slot or, if it has none (a body that could not be read),
    // under its first annotation's.
    const candidates: number[] = [];
    const annotations = new Map<number, number[]>();
    const withoutArticle = new Map<string, number>();
    const scored = touched.length;
    for (let i = 0; i < scored; i += 1) {
      const slot = touched[i] as number;
      const document = documentAt(slot);
      if (document.kind === 'article') {
        total[slot] = (total[slot] as number) + (score[slot] as number);
        candidates.push(slot);
        continue;
      }
      let group = this.#slots.get(articleDocId(document.articleId)) ?? withoutArticle.get(document.articleId);
      if (group === undefined) {
        group = slot;
        withoutArticle.set(document.articleId, slot);
      }
      const members = annotations.get(group);
      if (members) members.push(slot);
      else {
        annotations.set(group, [slot]);
        // An article found by its annotations only is a candidate too (and its slot is zeroed after).
        if (quality[group] === 0 || group === slot) candidates.push(group);
        if (quality[group] === 0) touched.push(group);
      }
      total[group] = (total[group] as number) + (score[slot] as number);
    }

    const before = (a: number, b: number): boolean => {
      const ta = total[a] as number;
      const tb = total[b] as number;
      return ta > tb || (ta === tb && documentAt(a).articleId < documentAt(b).articleId);
    };
    const hits: Array<ArticleHit<T>> = [];
    for (const group of inOrder(candidates, before)) {
      const { articleId, kind } = documentAt(group);
      const article = select(articleId);
      if (article === undefined) continue;
      const own = kind === 'article' && quality[group] !== 0 ? [group] : [];
      const members = (annotations.get(group) ?? []).sort(
        (a, b) => (score[b] as number) - (score[a] as number),
      );
      hits.push({
        articleId,
        article,
        score: total[group] as number,
        documents: [...own, ...members].map((slot) => ({
          document: documentAt(slot),
          score: score[slot] as number,
          terms: this.#termsIn(slot, matched),
        })),
      });
      if (hits.length === limit) break;
    }
    return hits;
  }

  /** The index terms among `matched` that the document at `slot` holds, by field. */
  #termsIn(
    slot: number,
    matched: Array<[term: string, postings: Postings]>,
  ): Partial<Record<SearchField, string[]>> {
    const terms: Partial<Record<SearchField, string[]>> = {};
    for (const [term, postings] of matched) {
      for (const [f, field] of this.#fields.entries()) {
        const list = postings[f];
        if (!list || find(list, slot) < 0) continue;
        const found = (terms[field.name] ??= []);
        if (!found.includes(term)) found.push(term);
      }
    }
    return terms;
  }

  /** Drops discarded documents from a term's postings; false when none are left. */
  #prune(postings: Postings): boolean {
    let left = false;
    for (let f = 0; f < postings.length; f += 1) {
      this.#pruneField(postings, f);
      if (postings[f]) left = true;
    }
    return left;
  }

  #pruneField(postings: Postings, f: number): void {
    const list = postings[f];
    if (!list) return;
    let kept = 0;
    for (let i = 0; i < list.length; i += 2) {
      const slot = list[i] as number;
      if (this.#documents[slot] === undefined) continue;
      list[kept] = slot;
      list[kept + 1] = list[i + 1] as number;
      kept += 2;
    }
    const removed = (list.length - kept) / 2;
    if (removed === 0) return;
    if (kept === 0) postings[f] = undefined;
    else list.length = kept;
    this.#deadPostings -= removed;
    this.#postings -= removed;
  }

  #growScratch(): void {
    const size = this.#documents.length;
    if (this.#score.length >= size) return;
    const capacity = Math.ceil(size * 1.25) + 64;
    this.#score = new Float64Array(capacity);
    this.#total = new Float64Array(capacity);
    this.#quality = new Uint16Array(capacity);
    this.#lastTerm = new Int32Array(capacity);
  }

  /** The snapshot form (see `SerializedIndex`), discarded documents left out and slots renumbered. */
  toJSON(): SerializedIndex {
    const renumbered = new Int32Array(this.#documents.length).fill(-1);
    const documents: SerializedDocument[] = [];
    this.#documents.forEach((document, slot) => {
      if (!document) return;
      renumbered[slot] = documents.length;
      const lengths = this.#fields.map((field) => field.lengths[slot] ?? 0);
      const { id, language, kind, highlight, note } = document;
      documents.push(
        kind === 'article' ? [id, language, lengths] : [id, language, lengths, { highlight, note }],
      );
    });
    const terms: SerializedTerm[] = [];
    for (const [term, postings] of this.#terms) {
      const row: SerializedTerm = [term];
      for (const list of postings) {
        const encoded: number[] = [];
        let previous = -1;
        for (let i = 0; list && i < list.length; i += 2) {
          const slot = renumbered[list[i] as number] as number;
          if (slot < 0) continue;
          const count = list[i + 1] as number;
          if (count === 1) encoded.push(previous - slot);
          else encoded.push(slot - previous, count);
          previous = slot;
        }
        row.push(encoded.length > 0 ? encoded : 0);
      }
      while (row.length > 1 && row.at(-1) === 0) row.pop();
      if (row.length > 1) terms.push(row);
    }
    return { documents, terms };
  }

  /**
   * The index of a snapshot (`JSON.stringify(index)`); throws if the text is not one. Pauses
   * between batches of terms, so the thread keeps answering while a large index loads.
   */
  static async load(json: string): Promise<FullTextIndex> {
    const data: unknown = JSON.parse(json);
    if (typeof data !== 'object' || data === null) throw damaged('not an object');
    const { documents, terms } = data as { documents?: unknown; terms?: unknown };
    if (!Array.isArray(documents) || !Array.isArray(terms)) throw damaged('no documents or terms');
    const index = new FullTextIndex();
    for (const row of documents as unknown[]) index.#restoreDocument(row);
    let restored = 0;
    for (const row of terms as unknown[]) {
      index.#restoreTerm(row);
      restored += 1;
      if (restored % LOAD_BATCH === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return index;
  }

  #restoreDocument(row: unknown): void {
    if (!Array.isArray(row)) throw damaged('a document is not a list');
    const [id, language, lengths, texts] = row as unknown[];
    if (typeof id !== 'string' || this.#slots.has(id)) throw damaged('a document id is missing or repeated');
    if (language !== 'en' && language !== 'fr' && language !== 'other')
      throw damaged(`bad language in ${id}`);
    if (!Array.isArray(lengths) || lengths.length !== this.#fields.length || !lengths.every(isCount))
      throw damaged(`bad field lengths in ${id}`);
    const { kind, articleId, annotationId } = parseDocId(id);
    const slot = this.#documents.length;
    if (kind === 'article') this.#documents.push({ id, articleId, kind, language });
    else {
      const { highlight, note } = (texts ?? {}) as { highlight?: unknown; note?: unknown };
      if (
        (highlight !== undefined && typeof highlight !== 'string') ||
        (note !== undefined && typeof note !== 'string')
      )
        throw damaged(`bad annotation text in ${id}`);
      this.#documents.push({ id, articleId, kind, language, annotationId, highlight, note });
    }
    this.#slots.set(id, slot);
    for (const [f, field] of this.#fields.entries()) {
      const length = lengths[f] as number;
      field.lengths[slot] = length;
      if (length === 0) continue;
      field.documents += 1;
      field.totalLength += length;
    }
  }

  #restoreTerm(row: unknown): void {
    if (!Array.isArray(row) || row.length < 2 || row.length > this.#fields.length + 1)
      throw damaged('bad term');
    const [term, ...lists] = row as unknown[];
    if (typeof term !== 'string' || this.#terms.has(term)) throw damaged('a term is missing or repeated');
    const postings: Postings = [];
    for (const list of lists) {
      if (list === 0) {
        postings.push(undefined);
        continue;
      }
      if (!Array.isArray(list) || list.length === 0) throw damaged(`bad postings of ${term}`);
      const pairs: number[] = [];
      let slot = -1;
      for (let i = 0; i < list.length;) {
        const step: unknown = list[i];
        if (!Number.isInteger(step) || step === 0) throw damaged(`bad postings of ${term}`);
        if ((step as number) < 0) {
          slot -= step as number;
          pairs.push(slot, 1);
          i += 1;
          continue;
        }
        const count: unknown = list[i + 1];
        if (!isCount(count) || count === 0) throw damaged(`bad postings of ${term}`);
        slot += step as number;
        pairs.push(slot, count);
        i += 2;
      }
      if (slot >= this.#documents.length) throw damaged(`postings of ${term} beyond the documents`);
      this.#postings += pairs.length / 2;
      postings.push(pairs);
    }
    this.#terms.set(term, postings);
    this.#vocabulary.set(term, postings);
  }

  #newTerm(term: string): Postings {
    const postings: Postings = [];
    this.#terms.set(term, postings);
    this.#vocabulary.set(term, postings);
    return postings;
  }
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

const damaged = (detail: string): Error => new Error(`The search index snapshot is damaged: ${detail}.`);

/** Where `slot` is in flat [slot, count, …] pairs in ascending slot order (a binary search), or -1. */
function find(list: number[], slot: number): number {
  let low = 0;
  let high = list.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = list[middle * 2] as number;
    if (at === slot) return middle * 2;
    if (at < slot) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * `items` in the order `before` puts them, lazily: a binary heap built in place (one pass), then
 * one item taken at a time, so the first few of thousands cost little more than the pass.
 */
function* inOrder(items: number[], before: (a: number, b: number) => boolean): Generator<number> {
  const heap = items;
  const siftDown = (start: number, size: number): void => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      let top = i;
      if (left < size && before(heap[left] as number, heap[top] as number)) top = left;
      if (left + 1 < size && before(heap[left + 1] as number, heap[top] as number)) top = left + 1;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top] as number, heap[i] as number];
      i = top;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i -= 1) siftDown(i, heap.length);
  for (let size = heap.length; size > 0; size -= 1) {
    yield heap[0] as number;
    heap[0] = heap[size - 1] as number;
    siftDown(0, size - 1);
  }
}
