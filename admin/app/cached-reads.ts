import { hasPublishedDemoListings } from '../listings/listing-repository.ts';
import { cachedUntilDataChanges } from './app-data-version.ts';
import { call } from './call.ts';

/**
 * Read models the site asks for on every request, kept in memory until the data version
 * changes (through this instance or any other).
 */

/** Whether demo listings are live (the notice on every page). */
export const showsDemoData = cachedUntilDataChanges(() => call(hasPublishedDemoListings));
