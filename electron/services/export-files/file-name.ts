/** Longest file name written (most file systems allow 255 bytes; leave room for UTF-8 and a suffix). */
export const FILE_NAME_MAX = 180;

// Reserved on Windows with any extension; a file called "con.csv" cannot be created there.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/**
 * A suggested export name made safe for every desktop OS: no folders (so "../x" stays in the
 * chosen folder), no characters Windows refuses, no leading dot (hidden) or trailing dot/space,
 * no reserved device names, and not too long (the extension is kept). Never empty.
 */
export function sanitizeFileName(name: string, fallback = 'export'): string {
  let clean = name.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  clean = clean.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (clean.replace(/_/g, '') === '') clean = fallback;
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  if (clean.length > FILE_NAME_MAX) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 12 ? clean.slice(dot) : '';
    clean = clean.slice(0, FILE_NAME_MAX - ext.length).replace(/[\s.]+$/, '') + ext;
  }
  return clean;
}

/** The extension without the dot, lowercased ('' when none), for the save dialog's filter. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
