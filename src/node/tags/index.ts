/** Tags on articles and saved views, in the reader's own files. Node only. */
export { savedViewSchema, TagStore, TAGS_SCHEMA_VERSION, VIEWS_SCHEMA_VERSION } from './tag-store';
