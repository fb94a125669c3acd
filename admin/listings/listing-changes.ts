import { log } from '../logging/log.ts';

/**
 * Listing writes announce themselves here after their transaction commits, so the search
 * projection can follow without admin/ knowing about search/. A listener that fails does not
 * undo the write: the search sync loop repairs the index later.
 */
type ListingChangeListener = (listingId: number) => Promise<void>;

const listeners = new Set<ListingChangeListener>();

export function onListingChanged(listener: ListingChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function announceListingChanged(listingId: number): Promise<void> {
  const results = await Promise.allSettled([...listeners].map((listener) => listener(listingId)));
  for (const result of results) {
    if (result.status === 'rejected') {
      log.error(`Search update for listing ${listingId} failed; the sync loop will retry`, result.reason);
    }
  }
}
