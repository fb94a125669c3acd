import { getMunicipality } from './site-content.ts';
import { env } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent, type Content } from '#admin/content/load-content.ts';
import { appDatabase } from '#admin/db/app-database.ts';
import { appMailSender } from '#admin/mail/app-mailer.ts';
import { createLocatieserver } from '#admin/location/locatieserver.ts';
import type { EditorDeps } from '#admin/listings/listing-editor.ts';
import { listingVocabulary, teamOptions, type TeamOption } from '#admin/setup/admin-context.ts';
import { startBackgroundJobs, type BackgroundJobs } from '#admin/setup/background-jobs.ts';
import type { InboxContext } from '#admin/questions/inbox.ts';
import { inboxTeams } from '#admin/questions/team-directory.ts';

/** What the back-office pages and actions hand to the use cases in admin/. */

let content: Content | undefined;
const adminContent = (): Content => (content ??= loadContent(contentRoot));

/** Links in mail point at SITE_URL when set (the public address behind a proxy), else at this request's origin. */
export function siteBaseUrl(requestUrl: URL): string {
  return (env().SITE_URL ?? requestUrl.origin).replace(/\/$/, '');
}

export async function linkContext(requestUrl: URL) {
  const municipality = await getMunicipality();
  return {
    baseUrl: siteBaseUrl(requestUrl),
    siteName: municipality.siteName,
    knownTeamIds: teamOptions(adminContent()).map((team) => team.id),
  };
}

export const adminTeamOptions = (): TeamOption[] => teamOptions(adminContent());

/** The content the question form and the inbox work with: the vocabulary, the teams, the routing. */
export const questionContent = (): Content => adminContent();

export async function inboxContext(requestUrl: URL): Promise<InboxContext> {
  const municipality = await getMunicipality();
  return {
    teams: inboxTeams(adminContent()),
    siteName: municipality.siteName,
    baseUrl: siteBaseUrl(requestUrl),
  };
}

let locatieserver: ReturnType<typeof createLocatieserver> | undefined;
export function listingEditorDeps(): EditorDeps {
  locatieserver ??= createLocatieserver({ baseUrl: env().LOCATIESERVER_URL });
  const lookup = locatieserver;
  return { lookupAddress: (query) => lookup.lookup(query), vocabulary: listingVocabulary(adminContent()) };
}

let jobs: BackgroundJobs | undefined;
let lastOrigin = 'http://localhost';
/** Started by the first request, so the server's own timers run in the same process as its pages. */
export function backgroundJobs(requestUrl?: URL): BackgroundJobs {
  if (requestUrl) lastOrigin = requestUrl.origin;
  jobs ??= startBackgroundJobs({
    db: appDatabase(),
    send: appMailSender(),
    linkContext: () => ({
      baseUrl: (env().SITE_URL ?? lastOrigin).replace(/\/$/, ''),
      siteName: adminContent().municipality.siteName,
    }),
    retentionMonths: env().QUESTION_RETENTION_MONTHS,
  });
  return jobs;
}
