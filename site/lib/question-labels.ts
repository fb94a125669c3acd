import type { QuestionStatus } from '#admin/questions/question.ts';

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  nieuw: 'Nieuw',
  doorgezet: 'Doorgezet naar dit team',
  'in-behandeling': 'In behandeling',
  afgerond: 'Afgerond',
};

export const CONTACT_METHOD_LABELS: Record<string, string> = {
  telefoon: 'Gebeld',
  'e-mail': 'Gemaild',
  huisbezoek: 'Huisbezoek',
  anders: 'Anders',
};

/** One line of a question's history, in words. */
export function describeEvent(kind: string, details: Record<string, unknown>): string {
  switch (kind) {
    case 'created':
      return 'Vraag ontvangen via het formulier';
    case 'take':
      return 'In behandeling genomen';
    case 'assign':
      return `Toegewezen aan ${typeof details.to === 'string' ? details.to : 'een collega'}`;
    case 'status':
      return `Status: ${QUESTION_STATUS_LABELS[details.from as QuestionStatus] ?? String(details.from)} → ${QUESTION_STATUS_LABELS[details.to as QuestionStatus] ?? String(details.to)}`;
    case 'forward':
      return `Doorgezet van ${String(details.from)} naar ${String(details.to)}`;
    case 'note':
      return 'Notitie';
    case 'referral':
      return `Verwezen naar aanbod (${typeof details.reference === 'string' ? details.reference : 'verwijzing'})`;
    case 'contact-attempt':
      return `Contactpoging: ${CONTACT_METHOD_LABELS[String(details.method)] ?? String(details.method)}, ${details.reached ? 'inwoner gesproken' : 'niet bereikt'}`;
    default:
      return kind;
  }
}
