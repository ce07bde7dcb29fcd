/**
 * Import problems as values: a stable code, its values and the English sentence made from them
 * (`describeImportIssue` in core), so every reader module and the import report word them alike.
 */
import {
  describeImportIssue,
  type ImportIssueCode,
  type ImportIssueValues,
  type ImportSkip,
} from '../../core/import-report';

/** One problem with a file or a record. */
export interface Issue {
  code: ImportIssueCode;
  values?: ImportIssueValues;
  /** English sentence for the command line (made from the code and values). */
  error: string;
}

/** Makes an issue of a code and its values. */
export function issue(code: ImportIssueCode, values?: ImportIssueValues): Issue {
  return values === undefined
    ? { code, error: describeImportIssue(code) }
    : { code, values, error: describeImportIssue(code, values) };
}

/** An issue as the report's entry for a file passed over on purpose (its sentence as `reason`). */
export function skipIssue(code: ImportIssueCode, values?: ImportIssueValues): Omit<ImportSkip, 'path'> {
  const { error, ...rest } = issue(code, values);
  return { reason: error, ...rest };
}

/** Thrown inside reader modules for a problem with the input; caught and reported as its issue. */
export class ImportIssueError extends Error {
  readonly issue: Issue;
  constructor(code: ImportIssueCode, values?: ImportIssueValues) {
    const made = issue(code, values);
    super(made.error);
    this.issue = made;
  }
}

/** System error codes as issue codes. */
const SYSTEM_ERRORS: Readonly<Record<string, ImportIssueCode>> = {
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EISDIR: 'is-a-folder',
  ELOOP: 'link-loop',
  ENAMETOOLONG: 'path-too-long',
  EMFILE: 'too-many-open-files',
  ENFILE: 'too-many-open-files',
  EIO: 'io-error',
  EBUSY: 'locked',
};

/** The issue for whatever reading a file threw: an `ImportIssueError`, a system error, or else. */
export function issueFromError(error: unknown): Issue {
  if (error instanceof ImportIssueError) return error.issue;
  const systemCode = (error as NodeJS.ErrnoException | undefined)?.code;
  const code = systemCode ? SYSTEM_ERRORS[systemCode] : undefined;
  if (code) return issue(code);
  const detail = error instanceof Error ? error.message : String(error);
  // A system error without a word of its own is the file's; anything else is a reader's bug,
  // reported for the file (the fuzz test counts these as crashes).
  return systemCode ? issue('unreadable', { detail }) : issue('parser-crashed', { detail });
}
