import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AnchorPlaceSchema, type AnchorPlace } from '../schemas/anchor-place.ts';
import { AreaSchema, type Area } from '../schemas/area.ts';
import { BoundarySchema, type Boundary } from '../schemas/boundary.ts';
import { CrisisSchema, type Crisis } from '../schemas/crisis.ts';
import { InfoPageSchema, type InfoPage } from '../schemas/info-page.ts';
import { MunicipalitySchema, type Municipality } from '../schemas/municipality.ts';
import { NeighbourhoodSchema, type Neighbourhood } from '../schemas/neighbourhood.ts';
import { OrganisationSchema, type Organisation } from '../schemas/organisation.ts';
import { TaxonomySchema, type Taxonomy } from '../schemas/taxonomy.ts';
import { publisherOf, VolunteeringSchema, type Volunteering } from '../schemas/volunteering.ts';
import { ContentError } from './content-error.ts';
import { readCollection, readEntry, type ContentEntry } from './read-files.ts';

/** Everything the municipality keeps in git, validated and cross-checked. */
export interface Content {
  municipality: Municipality;
  areas: ContentEntry<Area>[];
  neighbourhoods: ContentEntry<Neighbourhood>[];
  /** Wijk outlines, by wijk id; a wijk may have none. */
  boundaries: ContentEntry<Boundary>[];
  anchorPlaces: ContentEntry<AnchorPlace>[];
  taxonomy: Taxonomy;
  /** Words that show the crisis numbers above search results. */
  crisis: Crisis;
  organisations: ContentEntry<Organisation>[];
  pages: ContentEntry<InfoPage>[];
  volunteering: Volunteering;
}

/** Folder names inside `content/`; Dutch because the web team edits them. */
export const CONTENT_PATHS = {
  municipality: 'gemeente.yaml',
  areas: 'gebieden',
  neighbourhoods: 'wijken',
  boundaries: 'wijkgrenzen',
  anchorPlaces: 'ankerplaatsen',
  taxonomy: 'taxonomie.yaml',
  crisis: 'crisis.yaml',
  organisations: 'organisaties',
  pages: 'paginas',
  volunteering: 'vrijwilligers.yaml',
  demoListings: 'demo/aanbod',
  assets: 'assets',
} as const;

export function loadContent(root: string): Content {
  const municipality = readEntry(join(root, CONTENT_PATHS.municipality), MunicipalitySchema, root);
  const content: Content = {
    municipality: municipality.data,
    areas: readCollection(join(root, CONTENT_PATHS.areas), AreaSchema, root),
    neighbourhoods: readCollection(join(root, CONTENT_PATHS.neighbourhoods), NeighbourhoodSchema, root),
    boundaries: existsSync(join(root, CONTENT_PATHS.boundaries))
      ? readCollection(join(root, CONTENT_PATHS.boundaries), BoundarySchema, root)
      : [],
    anchorPlaces: readCollection(join(root, CONTENT_PATHS.anchorPlaces), AnchorPlaceSchema, root),
    taxonomy: readEntry(join(root, CONTENT_PATHS.taxonomy), TaxonomySchema, root).data,
    crisis: readEntry(join(root, CONTENT_PATHS.crisis), CrisisSchema, root).data,
    organisations: readCollection(join(root, CONTENT_PATHS.organisations), OrganisationSchema, root),
    pages: readCollection(join(root, CONTENT_PATHS.pages), InfoPageSchema, root),
    volunteering: readEntry(join(root, CONTENT_PATHS.volunteering), VolunteeringSchema, root).data,
  };
  checkReferences(root, content);
  return content;
}

/** Checks what a single schema cannot: that ids used in one file exist in another. */
function checkReferences(root: string, content: Content): void {
  const problems: string[] = [];
  const areaIds = new Set(content.areas.map((area) => area.id));
  const neighbourhoodIds = new Set(content.neighbourhoods.map((wijk) => wijk.id));
  const organisationSlugs = new Set(content.organisations.map((organisation) => organisation.data.slug));

  for (const wijk of content.neighbourhoods) {
    if (!areaIds.has(wijk.data.area))
      problems.push(`${wijk.file}: area: onbekend gebied "${wijk.data.area}".`);
  }
  for (const area of content.areas) {
    if (!content.neighbourhoods.some((wijk) => wijk.data.area === area.id)) {
      problems.push(`${area.file}: geen enkele wijk hoort bij dit gebied.`);
    }
    for (const kind of ['sociaal', 'jgt'] as const) {
      for (const partner of area.data.teams[kind].partners) {
        if (!organisationSlugs.has(partner)) {
          problems.push(`${area.file}: teams.${kind}.partners: onbekende organisatie "${partner}".`);
        }
      }
    }
  }
  for (const organisation of content.organisations) {
    if (organisation.data.slug !== organisation.id) {
      problems.push(`${organisation.file}: slug: moet gelijk zijn aan de bestandsnaam "${organisation.id}".`);
    }
  }
  for (const boundary of content.boundaries) {
    if (!neighbourhoodIds.has(boundary.id))
      problems.push(
        `${boundary.file}: geen wijk met de naam "${boundary.id}" (de bestandsnaam moet een wijk-id zijn).`,
      );
  }
  const placesPerWijk = new Map<string, number>();
  for (const place of content.anchorPlaces) {
    const wijk = place.data.neighbourhood;
    if (!neighbourhoodIds.has(wijk)) problems.push(`${place.file}: neighbourhood: onbekende wijk "${wijk}".`);
    placesPerWijk.set(wijk, (placesPerWijk.get(wijk) ?? 0) + 1);
  }
  for (const wijk of content.neighbourhoods) {
    if (placesPerWijk.get(wijk.id) !== 1) {
      problems.push(
        `${CONTENT_PATHS.anchorPlaces}: wijk "${wijk.id}" heeft niet precies één ankerplaats-bestand.`,
      );
    }
  }
  const { volunteering } = content;
  const lifeDomainIds = new Set(content.taxonomy.lifeDomains.map((domain) => domain.id));
  const audienceIds = new Set(content.taxonomy.audiences.map((audience) => audience.id));
  for (const [field, slug] of [
    ['desk.organisation', volunteering.desk?.organisation],
    ['publisher', publisherOf(volunteering)],
  ] as const) {
    if (slug !== undefined && !organisationSlugs.has(slug))
      problems.push(`${CONTENT_PATHS.volunteering}: ${field}: onbekende organisatie "${slug}".`);
  }
  volunteering.kinds.forEach((kind, index) => {
    for (const domain of kind.lifeDomains.filter((id) => !lifeDomainIds.has(id)))
      problems.push(
        `${CONTENT_PATHS.volunteering}: kinds.${index}.lifeDomains: onbekend leefgebied "${domain}".`,
      );
    for (const audience of kind.audiences.filter((id) => !audienceIds.has(id)))
      problems.push(
        `${CONTENT_PATHS.volunteering}: kinds.${index}.audiences: onbekende doelgroep "${audience}".`,
      );
    if (volunteering.kinds.findIndex((other) => other.id === kind.id) !== index)
      problems.push(`${CONTENT_PATHS.volunteering}: kinds.${index}.id: dubbele id "${kind.id}".`);
  });
  const urgentPhones = new Set(content.municipality.urgentHelp.map((help) => help.phone));
  content.crisis.numbers.forEach((phone, index) => {
    if (!urgentPhones.has(phone))
      problems.push(
        `${CONTENT_PATHS.crisis}: numbers.${index}: ${phone} staat niet bij urgentHelp in ${CONTENT_PATHS.municipality}.`,
      );
  });
  const logo = join(root, CONTENT_PATHS.assets, content.municipality.theme.logo);
  if (!existsSync(logo))
    problems.push(`${CONTENT_PATHS.municipality}: theme.logo: bestand ${logo} bestaat niet.`);

  if (problems.length > 0) throw new ContentError('content', problems);
}
