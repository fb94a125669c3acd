import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dutchToday } from '../calendar/activity-dates.ts';
import type { Database } from '../db/tables.ts';
import {
  findListingById,
  insertListing,
  updateListing,
  updateListingState,
} from '../listings/listing-repository.ts';
import { ListingInputSchema, type ListingData } from '../schemas/listing.ts';
import { publisherOf } from '../schemas/volunteering.ts';
import type { Volunteer } from './volunteer.ts';
import { areasOf, publicContact, type VolunteeringContext } from './volunteering-context.ts';

/**
 * A volunteer's public offer: a listing of kind `volunteer` that says what is offered and in which
 * wijken, never who. It is published only while the volunteer is approved and chose to show it.
 */

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const joinDutch = (parts: string[]): string =>
  parts.length > 1 ? `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}` : (parts[0] ?? '');

export function offerFields(
  volunteer: Pick<Volunteer, 'kinds' | 'neighbourhoods' | 'citywide'>,
  context: VolunteeringContext,
) {
  const { volunteering, neighbourhoods, municipality } = context.content;
  const kinds = volunteering.kinds.filter((kind) => volunteer.kinds.includes(kind.id));
  const offers = kinds.map((kind) => kind.offer);
  const what = offers.length > 0 ? joinDutch(offers.slice(0, 3)) : 'hulp van een vrijwilliger';
  const wijkNames = volunteer.neighbourhoods.map(
    (id) => neighbourhoods.find((wijk) => wijk.id === id)?.data.name ?? id,
  );
  const where = volunteer.citywide ? `heel ${municipality.name}` : joinDutch(wijkNames);
  const titleWithPlace = capitalise(`${what} in ${where}`);
  const title = titleWithPlace.length <= 100 ? titleWithPlace : capitalise(what).slice(0, 100);
  const summary = `Een vrijwilliger in ${where} biedt ${what}. Vraag het aan: wij brengen jullie in contact.`;
  const description = [
    `Een vrijwilliger uit ${where} wil graag iets voor een ander doen:`,
    ...kinds.map((kind) => `- **${capitalise(kind.offer)}**: ${kind.description}`),
    '',
    '# Hoe werkt het?',
    '',
    '1. Klik op **Ik wil hier gebruik van maken** en vertel kort wat je nodig hebt.',
    `2. ${volunteering.desk?.name ?? 'Het wijkteam'} neemt contact met je op en brengt je in contact met de vrijwilliger.`,
    '3. Na twee weken vragen we jullie allebei of het gelukt is.',
    '',
    'De hulp van een vrijwilliger is gratis. Wie de vrijwilliger is, staat om privacyredenen niet op deze site.',
  ].join('\n');
  return {
    title,
    summary: summary.length <= 160 ? summary : `Een vrijwilliger biedt ${what}.`.slice(0, 160),
    description,
    lifeDomains: [...new Set(kinds.flatMap((kind) => kind.lifeDomains))],
    audiences: [...new Set(kinds.flatMap((kind) => kind.audiences))],
    publisher: publisherOf(volunteering),
  };
}

function offerData(
  volunteer: Volunteer,
  slug: string,
  status: ListingData['status'],
  context: VolunteeringContext,
): ListingData {
  const fields = offerFields(volunteer, context);
  const areas = areasOf(context, volunteer);
  return ListingInputSchema.parse({
    kind: 'volunteer',
    title: fields.title,
    summary: fields.summary,
    description: fields.description,
    citywide: volunteer.citywide,
    neighbourhoods: volunteer.citywide ? [] : volunteer.neighbourhoods,
    locations: [],
    lifeDomains: fields.lifeDomains.length > 0 ? fields.lifeDomains : ['meedoen'],
    audiences: fields.audiences,
    cost: 'free',
    access: 'open',
    contact: publicContact(context, areas),
    schedule: { weekly: [], occurrences: [], closures: [] },
    languages: ['nl'],
    accessibility: [],
    slug,
    organisation: fields.publisher,
    status,
    lastVerifiedAt: dutchToday(context.now),
    isDemo: false,
    origin: 'volunteer',
  });
}

/**
 * Brings the volunteer's public offer in line with the sign-up: created or updated and published
 * while approved and shown, taken offline otherwise, archived once the sign-up has ended.
 * Returns the listing id to store on the sign-up.
 */
export async function syncVolunteerOffer(
  db: Kysely<Database>,
  volunteer: Volunteer,
  context: VolunteeringContext,
): Promise<number | null> {
  const now = (context.now ?? new Date()).toISOString();
  const visible = volunteer.status === 'approved' && volunteer.showOffer;
  const ended = ['declined', 'withdrawn', 'expired'].includes(volunteer.status);
  const existing = volunteer.listingId ? await findListingById(db, volunteer.listingId) : undefined;
  if (!existing) {
    if (!visible) return null;
    const slug = `vrijwillige-hulp-${randomBytes(4).toString('hex')}`;
    return insertListing(db, offerData(volunteer, slug, 'published', context), now);
  }
  if (ended) {
    if (existing.status !== 'archived')
      await updateListingState(db, existing.id, { status: 'archived' }, now);
    return existing.id;
  }
  const status = visible ? 'published' : existing.status === 'draft' ? 'draft' : 'unpublished';
  await updateListing(
    db,
    existing.id,
    existing.version,
    offerData(volunteer, existing.slug, status, context),
    now,
  );
  return existing.id;
}
