/**
 * Published data (a listing, an organisation) changed in this process and is committed. Caches of
 * rendered pages listen here, so an edit shows at once on the instance that made it; other
 * instances see it through the data version in the database (data-version.ts).
 */
type DataChangeListener = () => void;

const listeners = new Set<DataChangeListener>();

export function onDataChanged(listener: DataChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceDataChanged(): void {
  for (const listener of listeners) listener();
}
