import type { Content } from '../content/load-content.ts';
import type { Volunteering } from '../schemas/volunteering.ts';

/** What the volunteer and activity use cases need besides the database. */
export interface VolunteeringContext {
  content: Pick<Content, 'volunteering' | 'areas' | 'neighbourhoods' | 'municipality' | 'taxonomy'>;
  /** Origin of every link in mail, from configuration only. */
  baseUrl: string;
  siteName: string;
  now?: Date;
}

export const deskOf = (context: VolunteeringContext): Volunteering['desk'] =>
  context.content.volunteering.desk;

/** The gebieden of a set of wijken; the whole gemeente is every gebied. */
export function areasOf(
  context: Pick<VolunteeringContext, 'content'>,
  where: { citywide: boolean; neighbourhoods: readonly string[] },
): string[] {
  const { areas, neighbourhoods } = context.content;
  if (where.citywide) return areas.map((area) => area.id);
  return [
    ...new Set(
      where.neighbourhoods.flatMap((id) => {
        const wijk = neighbourhoods.find((entry) => entry.id === id);
        return wijk ? [wijk.data.area] : [];
      }),
    ),
  ];
}

/**
 * Who hears about new sign-ups, activities and requests: the volunteer desk's mailbox when
 * content names one, otherwise the sociaal team of each gebied concerned.
 */
export function noticeRecipients(context: VolunteeringContext, areaIds: readonly string[]): string[] {
  const desk = deskOf(context);
  if (desk) return [desk.email];
  return [
    ...new Set(
      context.content.areas
        .filter((area) => areaIds.includes(area.id))
        .map((area) => area.data.teams.sociaal.email),
    ),
  ];
}

/** The public contact shown on a volunteer offer or resident activity: the desk, or the gebied's team. */
export function publicContact(
  context: VolunteeringContext,
  areaIds: readonly string[],
): { phone: string; email: string } {
  const desk = deskOf(context);
  if (desk) return { phone: desk.phone, email: desk.email };
  const area = context.content.areas.find((entry) => areaIds.length === 1 && entry.id === areaIds[0]);
  if (area) return { phone: area.data.teams.sociaal.phone, email: area.data.teams.sociaal.email };
  return { phone: context.content.municipality.phone, email: context.content.municipality.email };
}

export const referenceFor = (prefix: string, id: number, createdAt: string): string =>
  `${prefix}-${createdAt.slice(0, 4)}-${String(id).padStart(6, '0')}`;

// Markup such as `<script>` or `<b>`: people write plain text, and text full of tags is almost
// always a bot or an attack. A lone `<` ("<3") is fine.
const HTML_TAG = /<\s*\/?\s*[a-zA-Z!][^>]*>/;
export const isPlainText = (value: string): boolean => !HTML_TAG.test(value);
