/**
 * Tags on articles and saved views: the reader's data, in two user files written durably
 * (DurableJsonFile through `openUserFile`):
 * - `user/tags.json`, `{ "schemaVersion": 1, "tags": { "<article id>": ["tag", …] } }`. Keyed by
 *   article id, which a re-import keeps (the id comes from the source path), so tags survive
 *   re-import; the library store never touches `user/`.
 * - `user/views.json`, `{ "schemaVersion": 1, "views": [SavedView] }`: named queries with filters.
 * Both are small (a few bytes per tagged article), so each change rewrites the file, as reading
 * progress does.
 */
import type { Low } from 'lowdb';
import { z } from 'zod';
import type { SavedView } from '../../core/search/model';
import { READING_STATES } from '../../core/reading';
import { normalizeTag, tagKey, TAG_MAX_LENGTH, type TagCount } from '../../core/tags';
import type { LibraryStore } from '../store';

export const TAGS_SCHEMA_VERSION = 1;
export const VIEWS_SCHEMA_VERSION = 1;

const storedTagSchema = z.string().min(1).max(TAG_MAX_LENGTH);

const tagsFileSchema = z
  .object({
    schemaVersion: z.number().int().min(1),
    tags: z.record(z.string().regex(/^[0-9a-f]{12}$/), z.array(storedTagSchema)),
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

export class TagStore {
  readonly #tags: Low<TagsFile>;
  readonly #views: Low<ViewsFile>;
  #queue: Promise<void> = Promise.resolve();

  private constructor(tags: Low<TagsFile>, views: Low<ViewsFile>) {
    this.#tags = tags;
    this.#views = views;
  }

  /**
   * Opens `user/tags.json` and `user/views.json` of `store`'s data folder (missing files are empty).
   * @throws StoreCorruptError / StoreVersionError for a damaged file (kept as it is).
   */
  static async open(store: LibraryStore): Promise<TagStore> {
    // Read-only when the store is (the command line while the app runs).
    const tags = await store.openUserFile('tags', tagsFileSchema, {
      schemaVersion: TAGS_SCHEMA_VERSION,
      tags: {},
    });
    const views = await store.openUserFile('views', viewsFileSchema, {
      schemaVersion: VIEWS_SCHEMA_VERSION,
      views: [],
    });
    return new TagStore(tags, views);
  }

  /** Article `id`'s tags, in the order they were added. */
  get(id: string): string[] {
    return [...(this.#tags.data.tags[id] ?? [])];
  }

  /** Every tagged article's tags, by article id. */
  all(): Record<string, string[]> {
    return structuredClone(this.#tags.data.tags);
  }

  /** Every tag with how many articles carry it, by name. */
  list(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const tags of Object.values(this.#tags.data.tags)) {
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
      views.map((view) =>
        view.tags?.some((tag) => tagKey(tag) === tagKey(from))
          ? {
              ...view,
              tags: withTags(
                view.tags.filter((tag) => tagKey(tag) !== tagKey(from)),
                [target],
              ),
            }
          : view,
      ),
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
      views.map((view) =>
        view.tags ? { ...view, tags: view.tags.filter((other) => tagKey(other) !== tagKey(tag)) } : view,
      ),
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
    return structuredClone(this.#views.data.views);
  }

  /** Saves `view`, replacing a view of the same name. Returns every view. */
  async saveView(view: SavedView): Promise<SavedView[]> {
    const checkedView = savedViewSchema.parse(view);
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
      const before = this.#tags.data;
      const next = structuredClone(before.tags);
      change(next);
      this.#tags.data = { ...before, tags: next };
      try {
        await this.#tags.write();
      } catch (error) {
        this.#tags.data = before;
        throw error;
      }
    });
  }

  #changeViews(change: (views: SavedView[]) => SavedView[]): Promise<void> {
    return this.#enqueue(async () => {
      const before = this.#views.data;
      this.#views.data = { ...before, views: change(structuredClone(before.views)) };
      try {
        await this.#views.write();
      } catch (error) {
        this.#views.data = before;
        throw error;
      }
    });
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
