import { env } from '../config/env.ts';
import { contentRoot } from '../config/paths.ts';
import { publicBaseUrl } from '../config/public-url.ts';
import { loadContent, type Content } from '../content/load-content.ts';
import type { EditorDeps } from '../listings/listing-editor.ts';
import { createLocatieserver } from '../location/locatieserver.ts';
import { monitorContextFrom, type MonitorContext } from '../monitoring/monitor-context.ts';
import type { HsdsSettings } from '../open-data/hsds-catalog.ts';
import { hsdsSettingsFrom } from '../open-data/hsds-settings.ts';
import type { InboxContext } from '../questions/inbox.ts';
import { inboxTeams } from '../questions/team-directory.ts';
import { listingVocabulary, teamOptions, type TeamOption } from '../setup/admin-context.ts';
import { referralTeams, referralVocabulary, type ReferralContext } from '../referrals/referral-context.ts';
import type { ActivityDeps } from '../volunteering/activities.ts';
import type { VolunteeringContext } from '../volunteering/volunteering-context.ts';

/**
 * What the use cases need from the server besides the database: the municipality's content,
 * the links in mail (from configuration only), the address lookup. Loaded once per process.
 */

let content: Content | undefined;
/** The municipality's content as admin/ reads it (the site reads the same files as collections). */
export const appContent = (): Content => (content ??= loadContent(contentRoot));

export interface LinkContext {
  baseUrl: string;
  siteName: string;
  knownTeamIds: string[];
}

export function linkContext(): LinkContext {
  return {
    baseUrl: publicBaseUrl(env()),
    siteName: appContent().municipality.siteName,
    knownTeamIds: teamOptions(appContent()).map((team) => team.id),
  };
}

export const adminTeamOptions = (): TeamOption[] => teamOptions(appContent());

export function inboxContext(): InboxContext {
  return {
    teams: inboxTeams(appContent()),
    siteName: appContent().municipality.siteName,
    baseUrl: publicBaseUrl(env()),
  };
}

let locatieserver: ReturnType<typeof createLocatieserver> | undefined;
const appLocatieserver = () => (locatieserver ??= createLocatieserver({ baseUrl: env().LOCATIESERVER_URL }));

export function listingEditorDeps(): EditorDeps {
  const lookup = appLocatieserver();
  return { lookupAddress: (query) => lookup.lookup(query), vocabulary: listingVocabulary(appContent()) };
}

/** What the HSDS API and the export need besides the database: names and links from content. */
export function hsdsSettings(): HsdsSettings {
  return hsdsSettingsFrom(appContent(), publicBaseUrl(env()));
}

let monitor: MonitorContext | undefined;
/** Gebieden, wijken, teams and leefgebieden for the monitor, from content. */
export const monitorContext = (): MonitorContext => (monitor ??= monitorContextFrom(appContent()));

/** Teams, wijken and settings for referrals; links in their mail come from configuration only. */
export function referralContext(): ReferralContext {
  const config = env();
  return {
    teams: referralTeams(appContent()),
    ...referralVocabulary(appContent()),
    siteName: appContent().municipality.siteName,
    baseUrl: publicBaseUrl(config),
    reminderWorkingDays: config.REFERRAL_REMINDER_WORKING_DAYS,
    followUpDays: config.REFERRAL_FOLLOW_UP_DAYS,
  };
}

/** Content and links for volunteers, activities, requests and reports. */
export function volunteeringContext(): VolunteeringContext {
  return {
    content: appContent(),
    baseUrl: publicBaseUrl(env()),
    siteName: appContent().municipality.siteName,
  };
}

/** Placing a resident's activity: the address looked up, then put in its wijk. */
export function activityDeps(): ActivityDeps {
  const lookup = appLocatieserver();
  const content = appContent();
  const boundaries = new Map(content.boundaries.map((boundary) => [boundary.id, boundary.data]));
  return {
    lookupAddress: (query) => lookup.lookup(query),
    neighbourhoods: content.neighbourhoods.map((wijk) => {
      const boundary = boundaries.get(wijk.id);
      return { id: wijk.id, center: wijk.data.center, ...(boundary ? { boundary } : {}) };
    }),
  };
}
