import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#admin/accounts/user.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { ForbiddenError, LoginRequiredError } from '#admin/errors/domain-errors.ts';
import { listingForReferrers, listingsForReferrers } from '#admin/listings/professional-view.ts';
import { createReferral } from '#admin/referrals/create-referral.ts';
import { handoverSheet, mailHandover } from '#admin/referrals/handover.ts';
import { questionForSuggestions } from '#admin/referrals/question-for-referral.ts';
import {
  addToReferralDraft,
  clearReferralDraft,
  getReferralDraft,
  removeFromReferralDraft,
} from '#admin/referrals/referral-draft.ts';
import { answerFollowUp, setItemStatus } from '#admin/referrals/referral-updates.ts';
import {
  dueFollowUps,
  getReferral,
  listReferrals,
  ReferralFilterSchema,
  referralsOfQuestion,
} from '#admin/referrals/referral-views.ts';
import { referralOutcomesForAdmin, referralOutcomeTotals } from '#admin/referrals/retention.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { snapshot } from '../support/accounts.ts';
import {
  referralContextFor,
  referralInput,
  referralWorld,
  RESIDENT,
  type ReferralWorld,
} from '../support/referrals.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Every referral action, tried by everyone the issue names: nobody logged in, a teamlid of the team
// that referred, a teamlid of another team, the editor of an organisation the referral went to, the
// editor of another organisation, and a beheerder. Whoever may not is refused with nothing changed;
// whoever may does it once, so the test can fail both ways.

const content = loadContent(contentRoot);
const context = referralContextFor(content);
let database: TempDatabase;
let world: ReferralWorld;
let referralId: number;
type Person = 'teamlid' | 'otherTeamlid' | 'receivingEditor' | 'otherEditor' | 'beheerder';
const EVERYONE: Person[] = ['teamlid', 'otherTeamlid', 'receivingEditor', 'otherEditor', 'beheerder'];
const DESCRIBED: Record<Person, string> = {
  teamlid: 'a teamlid of the team',
  otherTeamlid: 'a teamlid of another team',
  receivingEditor: 'the editor of the receiving organisation',
  otherEditor: "another organisation's editor",
  beheerder: 'a beheerder',
};
const person = (who: Person): Actor =>
  ({
    teamlid: world.teamlid,
    otherTeamlid: world.otherTeamlid,
    receivingEditor: world.editorA,
    otherEditor: world.otherEditor,
    beheerder: world.beheerder,
  })[who];

beforeAll(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  world = await referralWorld(database.db, content);
  referralId = (await createReferral(database.db, world.teamlid, referralInput(world), context)).id;
});
afterAll(async () => {
  await database.close();
});

async function itemOf(organisation: string) {
  return database.db
    .selectFrom('referral_items')
    .select(['id', 'version', 'status'])
    .where('referral_id', '=', referralId)
    .where('organisation_slug', '=', organisation)
    .executeTakeFirstOrThrow();
}
const referralVersion = async () =>
  (
    await database.db
      .selectFrom('referrals')
      .select('version')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow()
  ).version;

interface Case {
  name: string;
  allowed: Person[];
  run: (actor: Actor | undefined) => Promise<unknown>;
}

const cases: Case[] = [
  {
    name: 'make a referral from the question',
    allowed: ['teamlid'],
    run: (actor) => createReferral(database.db, actor, referralInput(world), context),
  },
  {
    name: 'make a referral for the team without a question',
    allowed: ['teamlid'],
    run: (actor) =>
      createReferral(
        database.db,
        actor,
        referralInput(world, { questionId: undefined, teamId: world.ownTeam }),
        context,
      ),
  },
  {
    name: 'open the referral',
    allowed: ['teamlid', 'receivingEditor'],
    run: (actor) => getReferral(database.db, actor, referralId, context),
  },
  {
    name: 'list referrals in the werkbak',
    allowed: ['teamlid', 'otherTeamlid', 'receivingEditor', 'otherEditor'],
    run: (actor) => listReferrals(database.db, actor, ReferralFilterSchema.parse({ state: 'alle' }), context),
  },
  {
    name: 'open the handover sheet',
    allowed: ['teamlid'],
    run: (actor) => handoverSheet(database.db, actor, referralId, context),
  },
  {
    name: 'mail the handover sheet to the resident',
    allowed: ['teamlid'],
    run: (actor) => mailHandover(database.db, actor, referralId, { email: RESIDENT.email }, context),
  },
  {
    name: "set the status of the organisation's part",
    allowed: ['receivingEditor'],
    run: async (actor) => {
      const item = await itemOf(world.listingA.organisation);
      return setItemStatus(
        database.db,
        actor,
        item.id,
        item.version,
        { status: item.status === 'contact-gelegd' ? 'gestart' : 'contact-gelegd' },
        context,
      );
    },
  },
  {
    name: 'answer "Heeft het geholpen?"',
    allowed: ['teamlid'],
    run: async (actor) =>
      answerFollowUp(database.db, actor, referralId, await referralVersion(), { answer: 'ja' }, context),
  },
  {
    name: 'see the follow-ups due',
    allowed: ['teamlid', 'otherTeamlid'],
    run: (actor) => dueFollowUps(database.db, actor),
  },
  {
    name: 'see the referrals made from the question',
    allowed: ['teamlid'],
    run: (actor) => referralsOfQuestion(database.db, actor, world.questionId),
  },
  {
    name: 'get suggestions for the question',
    allowed: ['teamlid'],
    run: (actor) => questionForSuggestions(database.db, actor, world.questionId),
  },
  {
    name: 'add a listing to a draft for the question',
    allowed: ['teamlid'],
    run: (actor) => addToReferralDraft(database.db, actor, world.listingA.id, world.questionId),
  },
  {
    name: 'add a listing to a draft',
    allowed: ['teamlid', 'otherTeamlid'],
    run: (actor) => addToReferralDraft(database.db, actor, world.listingB.id, undefined),
  },
  {
    name: 'read the draft',
    allowed: ['teamlid', 'otherTeamlid'],
    run: (actor) => getReferralDraft(database.db, actor),
  },
  {
    name: 'take a listing out of the draft',
    allowed: ['teamlid', 'otherTeamlid'],
    run: (actor) => removeFromReferralDraft(database.db, actor, world.listingB.id),
  },
  {
    name: 'empty the draft',
    allowed: ['teamlid', 'otherTeamlid'],
    run: (actor) => clearReferralDraft(database.db, actor),
  },
  {
    name: 'see listings with what organisations keep for referrers',
    allowed: ['teamlid', 'otherTeamlid', 'beheerder'],
    run: (actor) => listingsForReferrers(database.db, actor, [world.listingA.id]),
  },
  {
    name: 'open one listing with what its organisation keeps for referrers',
    allowed: ['teamlid', 'otherTeamlid', 'beheerder'],
    run: (actor) => listingForReferrers(database.db, actor, world.listingA.id),
  },
  {
    name: 'read anonymous referral counts',
    allowed: ['beheerder'],
    run: (actor) => referralOutcomesForAdmin(database.db, actor),
  },
  {
    name: 'read the outcome totals on the dashboard',
    allowed: ['beheerder'],
    run: (actor) => referralOutcomeTotals(database.db, actor),
  },
];

describe.each(cases)('$name', ({ allowed, run }) => {
  it('asks for a login when nobody is logged in, and changes nothing', async () => {
    const before = await snapshot(database.db);
    await expect(run(undefined)).rejects.toBeInstanceOf(LoginRequiredError);
    expect(await snapshot(database.db)).toBe(before);
  });

  for (const who of EVERYONE.filter((candidate) => !allowed.includes(candidate))) {
    it(`refuses ${DESCRIBED[who]}, and changes nothing`, async () => {
      const before = await snapshot(database.db);
      await expect(run(person(who))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot(database.db)).toBe(before);
    });
  }

  it(`lets ${allowed.map((who) => DESCRIBED[who]).join(' and ')} do it`, async () => {
    for (const who of allowed) await expect(run(person(who))).resolves.not.toThrow();
  });
});

describe('what each sees in the werkbak', () => {
  it('another team and another organisation do not find the referral in their list', async () => {
    const filter = ReferralFilterSchema.parse({ state: 'alle' });
    const ids = async (who: Person) =>
      (await listReferrals(database.db, person(who), filter, context)).referrals.map(
        (referral) => referral.id,
      );
    expect(await ids('teamlid')).toContain(referralId);
    expect(await ids('receivingEditor')).toContain(referralId);
    expect(await ids('otherTeamlid')).not.toContain(referralId);
    expect(await ids('otherEditor')).not.toContain(referralId);
  });

  it("the receiving organisation's editor cannot act on another organisation's part", async () => {
    const itemB = await itemOf(world.listingB.organisation);
    const before = await snapshot(database.db);
    await expect(
      setItemStatus(database.db, world.editorA, itemB.id, itemB.version, { status: 'gestart' }, context),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(database.db)).toBe(before);
    const seen = await getReferral(database.db, world.editorA, referralId, context);
    expect(seen.items.map((item) => item.organisation)).toEqual([world.listingA.organisation]);
  });

  it('every change is in the audit log, without the resident', async () => {
    const entries = await database.db
      .selectFrom('audit_log')
      .select(['action', 'changes_json'])
      .where('object_type', '=', 'referral')
      .execute();
    expect(new Set(entries.map((entry) => entry.action))).toEqual(
      new Set(['referral.create', 'referral.item-status', 'referral.follow-up', 'referral.handover-mail']),
    );
    expect(JSON.stringify(entries)).not.toContain(RESIDENT.name);
    expect(JSON.stringify(entries)).not.toContain(RESIDENT.email);
  });
});
