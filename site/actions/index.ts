import { account } from './account.ts';
import { listings, organisations, outbox, users } from './admin.ts';

/** Every form of the back office posts to one of these; each checks the actor in admin/. */
export const server = { account, users, organisations, listings, outbox };
