// Validates content/ (and the demo aanbod) and prints what is wrong, file and field.
import { ContentError } from '../content/content-error.ts';
import { loadContent } from '../content/load-content.ts';
import { loadDemoListings } from '../content/load-demo-listings.ts';
import { contentRoot } from '../config/paths.ts';

try {
  const content = loadContent(contentRoot);
  const listings = loadDemoListings(contentRoot, content);
  console.log(
    `Content in orde: ${content.neighbourhoods.length} wijken, ${content.anchorPlaces.length} ankerplaatsen, ` +
      `${content.organisations.length} organisaties, ${content.pages.length} pagina's, ${listings.length} demo-aanbod.`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`Content klopt niet:\n${error.message}`);
  process.exitCode = 1;
}
