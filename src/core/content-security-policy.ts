/**
 * The renderer's Content-Security-Policy: only the app's own files; no eval, no inline
 * script, no remote anything. Inline styles are allowed because the UI sets style
 * attributes (the reading settings' custom properties); they cannot run code.
 * The Electron protocol handler and the end-to-end test server both send this header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // Read-aloud plays each spoken sentence from a blob: URL of the WAV the main process made.
  'media-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
