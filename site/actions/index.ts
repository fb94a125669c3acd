import { account } from './account.ts';
import { listings, organisations, outbox, users } from './admin.ts';
import { questions } from './questions.ts';
import { referrals } from './referrals.ts';
import { activities, volunteers } from './volunteers.ts';

/** Every form posts to one of these: the public forms (questions, volunteers, activities, requests, reports), and the back office's, which check the actor in admin/. */
export const server = {
  account,
  users,
  organisations,
  listings,
  outbox,
  questions,
  volunteers,
  activities,
  referrals,
};
