/** The schema of a tag crossing the IPC boundary (kept apart so the renderer never bundles zod). */
import { z } from 'zod';
import { normalizeTag, TAG_MAX_LENGTH } from './tags';

/** A tag as given by the renderer or the command line; normalized by `normalizeTag`. */
export const tagSchema = z
  .string()
  .max(TAG_MAX_LENGTH + 16)
  .transform((value, context) => {
    const tag = normalizeTag(value);
    if (tag === undefined) {
      context.addIssue({
        code: 'custom',
        message: `"${value}" is not a tag: use letters, digits, "-", "_" or "/" (at most ${TAG_MAX_LENGTH}), not only digits`,
      });
      return z.NEVER;
    }
    return tag;
  });
