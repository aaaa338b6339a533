/**
 * `attachment` with an ASCII fallback name for old clients and the exact UTF-8 name as RFC 5987
 * `filename*` (Chinese names survive every current browser this way).
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  // encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987 attr-char does not allow.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
