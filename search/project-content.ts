import { createHash } from 'node:crypto';
import type { Content } from '#admin/content/load-content.ts';
import { markdownToText } from './markdown-to-text.ts';
import type { SearchDocument } from './search-document.ts';

/**
 * Content changes only with a deploy and has no version column, so a content document's
 * version is derived from its text: any edit gives a new version and the sync picks it up.
 */
function contentVersion(document: Omit<SearchDocument, 'version'>): number {
  return (
    Number.parseInt(createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 12), 16) + 1
  );
}

function withVersion(document: Omit<SearchDocument, 'version'>): SearchDocument {
  return { ...document, version: contentVersion(document) };
}

/** Wijkinformatie pages and ankerplaatsen as search documents, so "wijkteam Bolnes" finds them. */
export function projectContent(content: Content): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const wijk of content.neighbourhoods) {
    const area = content.areas.find((candidate) => candidate.id === wijk.data.area);
    documents.push(
      withVersion({
        id: `neighbourhood-${wijk.id}`,
        type: 'neighbourhood',
        url: `/wijken/${wijk.id}`,
        title: `Wijk ${wijk.data.name}`,
        summary: wijk.data.summary,
        body: markdownToText(wijk.body),
        keywords: [
          'wijkteam',
          'wijkinformatie',
          wijk.data.liveabilityTeam.name,
          ...(area ? [area.data.name, area.data.teams.sociaal.name, area.data.teams.jgt.name] : []),
          ...wijk.data.findPlaces.map((place) => place.name),
        ],
        neighbourhoods: [wijk.id],
        citywide: false,
        lifeDomains: [],
        audiences: [],
        location: wijk.data.center,
      }),
    );
  }
  for (const place of content.anchorPlaces) {
    const wijk = content.neighbourhoods.find((candidate) => candidate.id === place.data.neighbourhood);
    const wijkName = wijk?.data.name ?? place.data.neighbourhood;
    const data = place.data;
    documents.push(
      withVersion({
        id: `anchorPlace-${place.id}`,
        type: 'anchorPlace',
        url: `/wijken/${data.neighbourhood}#ankerplaats-titel`,
        title:
          data.status === 'geen-locatie'
            ? `Wijkteam in ${wijkName}`
            : `Inloopplek wijkteam ${wijkName}: ${data.name}`,
        summary:
          data.status === 'actief'
            ? `Hier kun je zonder afspraak binnenlopen bij het wijkteam: ${data.address.street}.`
            : data.alternative,
        body: data.note ?? '',
        keywords: ['ankerplaats', 'spreekuur', 'inloop', 'wijkteam', wijkName],
        neighbourhoods: [data.neighbourhood],
        citywide: false,
        lifeDomains: [],
        audiences: [],
        ...(data.status === 'geen-locatie' ? {} : { location: data.location }),
      }),
    );
  }
  return documents;
}
