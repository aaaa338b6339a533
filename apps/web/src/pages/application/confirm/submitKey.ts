/**
 * The idempotency key of a submit: made once per visit of the confirm page for this version of the
 * application and kept in sessionStorage, so a double click, a retry or a reload after a lost
 * answer reuses it (the server then answers with the same number instead of submitting twice).
 */
const storageKey = (applicationId: string) => `fw:submit-key:${applicationId}`;

interface Stored {
  key: string;
  version: number;
}

export function submitKeyFor(applicationId: string, version: number): string {
  try {
    const raw = sessionStorage.getItem(storageKey(applicationId));
    const stored = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    if (stored && typeof stored.key === 'string' && stored.version === version) return stored.key;
  } catch {
    // unreadable: make a new one
  }
  const key = crypto.randomUUID();
  try {
    sessionStorage.setItem(storageKey(applicationId), JSON.stringify({ key, version } satisfies Stored));
  } catch {
    // storage disabled: the key lives as long as the page
  }
  return key;
}

/** After a successful submit or when going back to edit, the next submit is a new one. */
export function forgetSubmitKey(applicationId: string): void {
  try {
    sessionStorage.removeItem(storageKey(applicationId));
  } catch {
    // nothing to forget
  }
}
