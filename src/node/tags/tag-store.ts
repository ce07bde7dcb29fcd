/**
 * Tags on articles and saved views: the reader's data, in two user files written durably
 * (DurableJsonFile through `openUserFile`):
 * - `user/tags.json`, `{ "schemaVersion": 1, "tags": { "<article id>": ["tag", …] } }`. Keyed by
 *   article id, which a re-import keeps (the id comes from the source path), so tags survive
 *   re-import; the library store never touches `user/`.
 * - `user/views.json`, `{ "schemaVersion": 2, "views": [{ name, query }] }`: named queries of the
 *   search language, the sidebar's filters written in the query as field terms. A file of
 *   version 1 (plain words beside `section`, `state`, `tags`, `hasAnnotations`) is migrated when
 *   it is opened (`migrateSavedView`), every view kept, and written back at once (durably, the old
 *   file kept as `views.v1.json`) when the store is writable; read-only, the migration is in memory.
 * Both are small (a few bytes per tagged article), so each change rewrites the file, as reading
 * progress does.
 */
import type { Low } from 'lowdb';
import { z } from 'zod';
import type { SavedView } from '../../core/search/model';
import { filtersFromQuery, migrateSavedView, queryFromFilters, withFilters } from '../../core/search/query';
import { READING_STATES } from '../../core/reading';
import { normalizeTag, tagKey, TAG_MAX_LENGTH, type TagCount } from '../../core/tags';
import { articleIdSchema } from '../../core/article-id';
import { StoreCorruptError, StoreVersionError, type LibraryStore } from '../store';

export const TAGS_SCHEMA_VERSION = 1;
/** 2: views are named queries (filters as field terms); 1: plain words and separate filters. */
export const VIEWS_SCHEMA_VERSION = 2;

const storedTagSchema = z.string().min(1).max(TAG_MAX_LENGTH);

const tagsFileSchema = z
  .object({
    schemaVersion: z.number().int().min(1),
    /** Keyed by article id (THE id rule, src/core/article-id.ts). */
    tags: z.record(articleIdSchema, z.array(storedTagSchema)),
  })
  .strict();
type TagsFile = z.infer<typeof tagsFileSchema>;

/** A saved view as stored and as given by the renderer. */
export const savedViewSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    query: z.string().max(1000),
    section: z.string().min(1).max(500).optional(),
    state: z.enum(READING_STATES).optional(),
    tags: z.array(storedTagSchema).max(50).optional(),
    hasAnnotations: z.boolean().optional(),
  })
  .strict();

const viewsFileSchema = z
  .object({ schemaVersion: z.number().int().min(1), views: z.array(savedViewSchema) })
  .strict();
type ViewsFile = z.infer<typeof viewsFileSchema>;

/** Adds `tags` to `list`, skipping those already there in another case. */
function withTags(list: readonly string[], tags: readonly string[]): string[] {
  const keys = new Set(list.map(tagKey));
  const out = [...list];
  for (const tag of tags) {
    if (keys.has(tagKey(tag))) continue;
    keys.add(tagKey(tag));
    out.push(tag);
  }
  return out;
}

/** A copy of `record` with no prototype, so no key (`toString`, `__proto__`) can reach Object.prototype. */
function nullPrototype<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

type FileError = StoreCorruptError | StoreVersionError;

/** Reads a user file; a damaged one (kept as it is) gives its error instead of throwing. */
async function openOrDamage<T extends { schemaVersion: number }>(
  open: () => Promise<Low<T>>,
): Promise<Low<T> | FileError> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof StoreCorruptError || error instanceof StoreVersionError) return error;
    throw error;
  }
}

export class TagStore {
  readonly #store: LibraryStore;
  #tags!: Low<TagsFile> | FileError;
  #views!: Low<ViewsFile> | FileError;
  #queue: Promise<void> = Promise.resolve();

  private constructor(store: LibraryStore) {
    this.#store = store;
  }

  /**
   * Opens `user/tags.json` and `user/views.json` of `store`'s data folder (missing files are empty).
   * A damaged file (or one from a newer Gazette) does not fail the open: it is kept as it is and
   * named in `damage`; while it is, its reads are empty (the library still lists) and its changes
   * throw its error, after trying the file once more.
   */
  static async open(store: LibraryStore): Promise<TagStore> {
    const tags = new TagStore(store);
    await tags.reload();
    return tags;
  }

  /** Reads both files again (after a restore put them back, or the reader fixed one). */
  async reload(): Promise<void> {
    // Read-only when the store is (the command line while the app runs).
    const tags = await openOrDamage(() =>
      this.#store.openUserFile('tags', tagsFileSchema, { schemaVersion: TAGS_SCHEMA_VERSION, tags: {} }),
    );
    if (!(tags instanceof Error)) tags.data.tags = nullPrototype(tags.data.tags);
    this.#tags = tags;
    let migrated = false;
    const views = await openOrDamage(() =>
      this.#store.openUserFile(
        'views',
        viewsFileSchema,
        { schemaVersion: VIEWS_SCHEMA_VERSION, views: [] },
        {
          1: (document) => {
            // A version-1 file that fails its own schema is left to the version-2 schema to refuse.
            const earlier = z.array(savedViewSchema).safeParse(document.views);
            if (!earlier.success) return document;
            migrated = true;
            return { ...document, views: earlier.data.map(migrateSavedView) };
          },
        },
      ),
    );
    this.#views = views;
    // Written back at once (the version-1 file kept beside it as views.v1.json); read-only, the
    // migrated views are used in memory and the migration runs again at the next open.
    if (migrated && !(views instanceof Error) && !this.#store.readOnly) await views.write();
  }

  /** The errors of the damaged files (tags, views), for a warning the caller shows; empty when fine. */
  get damage(): FileError[] {
    return [this.#tags, this.#views].filter((file): file is FileError => file instanceof Error);
  }

  /** The tags file's data; empty while it is damaged. */
  get #tagMap(): Record<string, string[]> {
    return this.#tags instanceof Error ? nullPrototype({}) : this.#tags.data.tags;
  }

  /** Article `id`'s tags, in the order they were added. */
  get(id: string): string[] {
    return [...(this.#tagMap[id] ?? [])];
  }

  /** Every tagged article's tags, by article id. */
  all(): Record<string, string[]> {
    return nullPrototype(structuredClone(this.#tagMap));
  }

  /** Every tag with how many articles carry it, by name. */
  list(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const tags of Object.values(this.#tagMap)) {
      for (const tag of tags) {
        const entry = counts.get(tagKey(tag)) ?? { tag, count: 0 };
        entry.count += 1;
        counts.set(tagKey(tag), entry);
      }
    }
    return [...counts.values()].sort((a, b) => a.tag.localeCompare(b.tag, 'und', { sensitivity: 'base' }));
  }

  /** Adds and removes tags of article `id` (removals compare without case); returns its tags. */
  setTags(id: string, add: readonly string[], remove: readonly string[]): Promise<string[]> {
    return this.#changeTags((all) => {
      const removing = new Set(remove.map(tagKey));
      const next = withTags(all[id] ?? [], add.map(checked)).filter((tag) => !removing.has(tagKey(tag)));
      if (next.length > 0) all[id] = next;
      else delete all[id];
    }).then(() => this.get(id));
  }

  /**
   * Renames tag `from` to `to` on every article (merging with `to` where both are there) and in
   * saved views. Returns how many articles changed.
   */
  async renameTag(from: string, to: string): Promise<number> {
    const target = checked(to);
    let changed = 0;
    await this.#changeTags((all) => {
      for (const [id, tags] of Object.entries(all)) {
        if (!tags.some((tag) => tagKey(tag) === tagKey(from))) continue;
        changed += 1;
        const kept = tags.filter((tag) => tagKey(tag) !== tagKey(from) && tagKey(tag) !== tagKey(target));
        all[id] = withTags(kept, [target]);
      }
    });
    await this.#changeViews((views) =>
      views.map((view) => {
        const { filters } = filtersFromQuery(view.query);
        const tags = filters.tags ?? [];
        if (!tags.some((tag) => tagKey(tag) === tagKey(from))) return view;
        const renamed = withTags(
          tags.filter((tag) => tagKey(tag) !== tagKey(from)),
          [target],
        );
        return { ...view, query: withFilters(view.query, { ...filters, tags: renamed }) };
      }),
    );
    return changed;
  }

  /** Deletes tag `tag` from every article and saved view; returns how many articles changed. */
  async deleteTag(tag: string): Promise<number> {
    let changed = 0;
    await this.#changeTags((all) => {
      for (const [id, tags] of Object.entries(all)) {
        const kept = tags.filter((other) => tagKey(other) !== tagKey(tag));
        if (kept.length === tags.length) continue;
        changed += 1;
        if (kept.length > 0) all[id] = kept;
        else delete all[id];
      }
    });
    await this.#changeViews((views) =>
      views.map((view) => {
        const { filters } = filtersFromQuery(view.query);
        const tags = filters.tags ?? [];
        if (!tags.some((other) => tagKey(other) === tagKey(tag))) return view;
        const kept = tags.filter((other) => tagKey(other) !== tagKey(tag));
        return { ...view, query: withFilters(view.query, { ...filters, tags: kept }) };
      }),
    );
    return changed;
  }

  /** Drops the tags of forgotten articles. */
  forget(ids: readonly string[]): Promise<void> {
    return this.#changeTags((all) => {
      for (const id of ids) delete all[id];
    });
  }

  /** Adds a backup's tags to the articles' own (nothing is removed); returns how many articles gained tags. */
  async merge(tags: Record<string, string[]>, knownIds: (id: string) => boolean): Promise<number> {
    let changed = 0;
    await this.#changeTags((all) => {
      for (const [id, list] of Object.entries(tags)) {
        if (!knownIds(id)) continue;
        const valid = list.map((tag) => normalizeTag(tag)).filter((tag): tag is string => tag !== undefined);
        const next = withTags(all[id] ?? [], valid);
        if (next.length === (all[id]?.length ?? 0)) continue;
        all[id] = next;
        changed += 1;
      }
    });
    return changed;
  }

  /** The saved views, in the order they were saved. */
  listViews(): SavedView[] {
    return this.#views instanceof Error ? [] : structuredClone(this.#views.data.views);
  }

  /**
   * Saves `view` as a named query, replacing a view of the same name; filters given beside the
   * query (the earlier form) are written into it as field terms. Returns every view.
   */
  async saveView(view: SavedView): Promise<SavedView[]> {
    const { name, query, ...filters } = savedViewSchema.parse(view);
    const filtered = Object.values(filters).some((value) => value !== undefined);
    const checkedView: SavedView = { name, query: filtered ? queryFromFilters(query, filters) : query };
    await this.#changeViews((views) => {
      const at = views.findIndex((other) => other.name === checkedView.name);
      return at < 0 ? [...views, checkedView] : views.map((other, i) => (i === at ? checkedView : other));
    });
    return this.listViews();
  }

  /** Deletes the view named `name` (nothing if there is none). Returns every view. */
  async deleteView(name: string): Promise<SavedView[]> {
    await this.#changeViews((views) => views.filter((view) => view.name !== name));
    return this.listViews();
  }

  /** Applies `change` to a copy and writes it; memory changes only once the file is written. */
  #changeTags(change: (all: Record<string, string[]>) => void): Promise<void> {
    return this.#enqueue(async () => {
      const db = await this.#usable('tags');
      const before = db.data;
      const next = nullPrototype(structuredClone(before.tags));
      change(next);
      db.data = { ...before, tags: next };
      try {
        await db.write();
      } catch (error) {
        db.data = before;
        throw error;
      }
    });
  }

  #changeViews(change: (views: SavedView[]) => SavedView[]): Promise<void> {
    return this.#enqueue(async () => {
      const db = await this.#usable('views');
      const before = db.data;
      db.data = { ...before, views: change(structuredClone(before.views)) };
      try {
        await db.write();
      } catch (error) {
        db.data = before;
        throw error;
      }
    });
  }

  /** The file, or its error thrown while it is damaged (after trying it once more). */
  async #usable(which: 'tags'): Promise<Low<TagsFile>>;
  async #usable(which: 'views'): Promise<Low<ViewsFile>>;
  async #usable(which: 'tags' | 'views'): Promise<Low<TagsFile> | Low<ViewsFile>> {
    if (this.#tags instanceof Error || this.#views instanceof Error) await this.reload();
    const file = which === 'tags' ? this.#tags : this.#views;
    if (file instanceof Error) throw file;
    return file;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** `tag` normalized. @throws Error if it cannot be a tag. */
function checked(tag: string): string {
  const normalized = normalizeTag(tag);
  if (normalized === undefined)
    throw new Error(`"${tag}" is not a tag: use letters, digits, "-", "_" or "/".`);
  return normalized;
}
