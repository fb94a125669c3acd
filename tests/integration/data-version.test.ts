import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { onDataVersionCommitted, readDataVersion } from '#admin/data-version/data-version.ts';
import { watchDataVersion, type DataVersionWatch } from '#admin/data-version/data-version-watch.ts';
import {
  findListingById,
  listListingChangesSince,
  updateListing,
  updateListingState,
} from '#admin/listings/listing-repository.ts';
import { findOrganisationBySlug, updateOrganisation } from '#admin/organisations/organisation-repository.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { waitFor } from '../support/wait-for.ts';

const content = loadContent(contentRoot);
let database: TempDatabase;
let watch: DataVersionWatch | undefined;

beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
});
afterEach(async () => {
  watch?.stop();
  await database.close();
});

describe('the data version', () => {
  it('goes up with every change residents can see, and names the listings changed since', async () => {
    const heard: number[] = [];
    const stop = onDataVersionCommitted((version) => heard.push(version));
    try {
      const start = await readDataVersion(database.db);
      expect(start).toBeGreaterThan(0);
      const listing = await findListingById(database.db, 3);
      await updateListing(database.db, 3, listing!.version, { ...listing!, title: 'Nieuwe titel' });
      await updateListingState(database.db, 4, { status: 'archived' });
      const organisation = await findOrganisationBySlug(database.db, 'karaat');
      await updateOrganisation(database.db, 'karaat', organisation!.version, {
        ...organisation!,
        name: 'Karaat Welzijn',
      });

      expect(await readDataVersion(database.db)).toBe(start + 3);
      expect(heard).toEqual([start + 1, start + 2, start + 3]);
      expect(await listListingChangesSince(database.db, start)).toEqual([
        expect.objectContaining({ id: 3, published: true, dataVersion: start + 1 }),
        expect.objectContaining({ id: 4, published: false, dataVersion: start + 2 }),
      ]);
    } finally {
      stop();
    }
  });

  it('is seen by another instance watching it, which hears only of going up', async () => {
    const other = database.openAnother();
    watch = watchDataVersion({ read: () => readDataVersion(other), intervalMs: 50 });
    const before = await watch.checkNow();
    const seen: number[] = [];
    watch.onChange((version) => seen.push(version));
    watch.observe(before - 1);
    const listing = await findListingById(database.db, 5);
    await updateListing(database.db, 5, listing!.version, { ...listing!, title: 'Door instantie A' });
    await waitFor('the other instance saw the change', () => watch?.current() === before + 1);
    expect(seen).toEqual([before + 1]);
  });
});
