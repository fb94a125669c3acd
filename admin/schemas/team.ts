import { z } from 'zod';
import { EmailSchema, PhoneSchema } from './fields.ts';
import { text } from './text.ts';

export const TEAM_KINDS = ['sociaal', 'jgt'] as const;
/** `sociaal`: sociaal team (adults, 0–100); `jgt`: jeugd- en gezinsteam. */
export const TeamKindSchema = z.enum(TEAM_KINDS);
export type TeamKind = z.infer<typeof TeamKindSchema>;

/** One wijkteam of a gebied, as residents reach it. */
export const TeamSchema = z.object({
  /** e.g. `Sociaal team Bolnes/Slikkerveer`. */
  name: text().min(3),
  /** What the team helps with, one or two B1 sentences. */
  description: text().min(10).max(400),
  phone: PhoneSchema,
  email: EmailSchema,
  /** Working days within which the team contacts a resident after a question. */
  responseDays: z.number().int().min(1).max(20),
  /** Partner organisations (slugs) whose staff work in the team. */
  partners: z.array(text()).default([]),
});
export type Team = z.infer<typeof TeamSchema>;
