import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '#admin/accounts/user.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { ConflictError, ForbiddenError, LoginRequiredError } from '#admin/errors/domain-errors.ts';
import { deliverDueMail } from '#admin/mail/outbox.ts';
import { createSmtpSender } from '#admin/mail/smtp-sender.ts';
import {
  addNote,
  assignQuestion,
  forwardQuestion,
  getQuestion,
  listInbox,
  InboxFilterSchema,
  recordContactAttempt,
  setQuestionStatus,
  takeQuestion,
  type InboxContext,
} from '#admin/questions/inbox.ts';
import { countQuestions, purgeClosedQuestions } from '#admin/questions/retention.ts';
import type { QuestionInput } from '#admin/questions/question.ts';
import { submitQuestion } from '#admin/questions/submit-question.ts';
import { CENTRAL_DESK_ID, inboxTeams, routeQuestion } from '#admin/questions/team-directory.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { accountWith, snapshot } from '../support/accounts.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const content = loadContent(contentRoot);
const teams = inboxTeams(content);
const context: InboxContext = { teams, siteName: 'Wijkwijzer Test', baseUrl: 'https://wijkwijzer.test' };
let database: TempDatabase;
const wijk = content.neighbourhoods[0]!;
const ownTeam = `${wijk.data.area}:sociaal`;
const otherArea = content.areas.find((area) => area.id !== wijk.data.area)!.id;
const PERSONAL = {
  question: 'Mijn huur is te hoog en ik slaap er slecht van.',
  name: 'Fatima de Vries',
  phone: '06 12345678',
  email: 'fatima@example.nl',
};

const input = (changes: Partial<QuestionInput> = {}): QuestionInput => ({
  question: PERSONAL.question,
  neighbourhood: wijk.id,
  aboutYouth: 'nee',
  lifeDomains: ['wonen'],
  phone: PERSONAL.phone,
  email: PERSONAL.email,
  name: PERSONAL.name,
  formToken: 'ignored here',
  ...changes,
});
const teamOf = (id: string) => teams.find((team) => team.id === id)!;
const submit = (changes: Partial<QuestionInput> = {}, key = crypto.randomUUID(), now?: Date) => {
  const teamId = routeQuestion(content, {
    neighbourhood:
      changes.neighbourhood === undefined && 'neighbourhood' in changes
        ? undefined
        : (changes.neighbourhood ?? wijk.id),
    aboutYouth: (changes.aboutYouth ?? 'nee') === 'ja',
  });
  return submitQuestion(database.db, input(changes), key, {
    team: teamOf(teamId),
    siteName: context.siteName,
    baseUrl: context.baseUrl,
    ...(now ? { now } : {}),
  });
};
const containsPersonalData = (text: string) => Object.values(PERSONAL).some((value) => text.includes(value));

beforeEach(async () => {
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: false });
});
afterEach(async () => {
  await database.close();
});

describe('submitting a question', () => {
  it("is stored with a reference, routed to the wijk's team, and announced without personal data", async () => {
    const submitted = await submit();
    expect(submitted).toMatchObject({ created: true, teamId: ownTeam });
    expect(submitted.reference).toMatch(/^VR-\d{4}-\d{6}$/);
    const row = await database.db.selectFrom('questions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      question_text: PERSONAL.question,
      contact_email: PERSONAL.email,
      status: 'nieuw',
      team_id: ownTeam,
    });
    const mails = await database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
    expect(mails.map((mail) => mail.to_address)).toEqual([teamOf(ownTeam).email, PERSONAL.email]);
    for (const mail of mails) {
      expect(containsPersonalData(mail.subject + mail.body_text)).toBe(false);
      expect(mail.body_text).toContain(submitted.reference);
    }
    expect(mails[0]?.body_text).toContain(`https://wijkwijzer.test/beheer/inbox/${row.id}`);
  });

  it('routes youth questions to the jeugd- en gezinsteam and questions without a wijk to the central desk', async () => {
    expect((await submit({ aboutYouth: 'ja' })).teamId).toBe(`${wijk.data.area}:jgt`);
    expect((await submit({ neighbourhood: undefined })).teamId).toBe(CENTRAL_DESK_ID);
  });

  it('does not store a form sent twice twice', async () => {
    const key = crypto.randomUUID();
    const first = await submit({}, key);
    const second = await submit({ question: 'Nog een keer gedrukt' }, key);
    expect(second).toEqual({ ...first, created: false });
    expect(await database.db.selectFrom('questions').select('id').execute()).toHaveLength(1);
  });

  it('is accepted while the mail server is down; the mail goes out once it is back', async () => {
    const smtp = await startSmtpReceiver();
    const port = smtp.port;
    await smtp.stop();
    const send = createSmtpSender({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'noreply@wijkwijzer.test',
      timeoutMs: 2000,
    });
    const start = new Date('2026-11-23T10:00:00Z');
    const submitted = await submit({}, crypto.randomUUID(), start);
    expect(await deliverDueMail(database.db, send, start)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    expect(await database.db.selectFrom('questions').select('reference').execute()).toEqual([
      { reference: submitted.reference },
    ]);

    const back = await startSmtpReceiver(port);
    try {
      expect(await deliverDueMail(database.db, send, new Date(start.getTime() + 60_000))).toEqual({
        sent: 2,
        retrying: 0,
        failed: 0,
      });
      expect(back.received.map((mail) => mail.to[0])).toEqual([teamOf(ownTeam).email, PERSONAL.email]);
      for (const mail of back.received) {
        // Everything but the envelope's own address: subject, body, other headers.
        const withoutRecipient = mail.raw.replace(/^To: .*$/m, '');
        expect(withoutRecipient).toContain(submitted.reference);
        expect(containsPersonalData(withoutRecipient)).toBe(false);
      }
    } finally {
      await back.stop();
    }
  });
});

/** The version a form about the question would carry now. */
async function versionOf(id: number): Promise<number> {
  return (
    await database.db.selectFrom('questions').select('version').where('id', '=', id).executeTakeFirstOrThrow()
  ).version;
}

describe('the inbox', () => {
  let member: User;
  let colleague: User;
  let otherMember: User;
  let questionId: number;

  beforeEach(async () => {
    member = await accountWith(database.db, { role: 'teamlid', teamIds: [ownTeam] });
    colleague = await accountWith(database.db, {
      role: 'teamlid',
      teamIds: [ownTeam],
      displayName: 'Collega Kees',
    });
    otherMember = await accountWith(database.db, { role: 'teamlid', teamIds: [`${otherArea}:sociaal`] });
    await submit();
    questionId = (await database.db.selectFrom('questions').select('id').executeTakeFirstOrThrow()).id;
  });

  it('shows a team its own questions only, oldest first, with the overdue ones marked', async () => {
    await submit({ aboutYouth: 'ja' });
    const now = new Date(Date.now() + 10 * 24 * 3600_000);
    const list = await listInbox(database.db, member, InboxFilterSchema.parse({}), { ...context, now });
    expect(list.questions.map((question) => question.teamId)).toEqual([ownTeam]);
    expect(list.questions[0]?.overdue).toBe(true);
    expect(list.overdue).toBe(1);
    const lateLater = await listInbox(database.db, member, InboxFilterSchema.parse({ age: 'te-laat' }), {
      ...context,
      now,
    });
    expect(lateLater.questions.map((question) => question.id)).toEqual([questionId]);
    expect((await listInbox(database.db, otherMember, InboxFilterSchema.parse({}), context)).total).toBe(0);
    expect(
      (await listInbox(database.db, member, InboxFilterSchema.parse({ age: 'te-laat' }), context)).total,
    ).toBe(0);
    expect(
      (await listInbox(database.db, member, InboxFilterSchema.parse({ lifeDomain: 'geld' }), context)).total,
    ).toBe(0);
    expect(
      (await listInbox(database.db, member, InboxFilterSchema.parse({ lifeDomain: 'wonen' }), context)).total,
    ).toBe(1);
  });

  it('filters and pages in the database, so questions past the 500th are not lost', async () => {
    const created = new Date('2026-01-05T09:00:00Z');
    await database.db
      .insertInto('questions')
      .values(
        Array.from({ length: 520 }, (_, n) => ({
          reference: `VR-2026-9${String(n).padStart(5, '0')}`,
          submission_key: `bulk-${n}`,
          team_id: ownTeam,
          neighbourhood: wijk.id,
          about_youth: 0,
          life_domains_json: n % 2 === 0 ? '["geld"]' : '["werk"]',
          question_text: 'Een vraag',
          contact_name: null,
          contact_phone: '0180-123456',
          contact_email: null,
          status: 'nieuw',
          assigned_user_id: null,
          first_contact_at: null,
          created_at: new Date(created.getTime() + n * 60_000).toISOString(),
          updated_at: created.toISOString(),
          closed_at: null,
          purged_at: null,
        })),
      )
      .execute();
    const all = await listInbox(database.db, member, InboxFilterSchema.parse({}), context);
    expect(all.total).toBe(521);
    expect(all.pageCount).toBe(11);
    expect(all.questions).toHaveLength(50);
    const last = await listInbox(database.db, member, InboxFilterSchema.parse({ page: '11' }), context);
    expect(last.questions.map((question) => question.id)).toContain(questionId);
    const money = await listInbox(
      database.db,
      member,
      InboxFilterSchema.parse({ lifeDomain: 'geld', page: '6' }),
      context,
    );
    expect(money.total).toBe(260);
    expect(money.questions).toHaveLength(10);
    expect(money.questions.every((question) => question.lifeDomains.includes('geld'))).toBe(true);
  });

  it('of two teamleden changing the same version of a question, one wins and the other hears it', async () => {
    const { version } = await getQuestion(database.db, member, questionId, context);
    const changes = await Promise.allSettled([
      setQuestionStatus(database.db, member, questionId, version, 'afgerond'),
      assignQuestion(database.db, colleague, questionId, version, member.id),
    ]);
    expect(changes.filter((change) => change.status === 'fulfilled')).toHaveLength(1);
    const refused = changes.find((change) => change.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ConflictError);
    const after = await getQuestion(database.db, member, questionId, context);
    expect(after.version).toBe(version + 1);
    expect(after.events.filter((event) => event.kind !== 'created')).toHaveLength(1);
  });

  const actions = {
    read: (actor: User | undefined) => getQuestion(database.db, actor, questionId, context),
    take: async (actor: User | undefined) =>
      takeQuestion(database.db, actor, questionId, await versionOf(questionId)),
    assign: async (actor: User | undefined) =>
      assignQuestion(database.db, actor, questionId, await versionOf(questionId), colleague.id),
    status: async (actor: User | undefined) =>
      setQuestionStatus(database.db, actor, questionId, await versionOf(questionId), 'afgerond'),
    forward: async (actor: User | undefined) =>
      forwardQuestion(database.db, actor, questionId, await versionOf(questionId), CENTRAL_DESK_ID, context),
    note: (actor: User | undefined) => addNote(database.db, actor, questionId, 'Gebeld, morgen terugbellen'),
    contact: (actor: User | undefined) =>
      recordContactAttempt(database.db, actor, questionId, { method: 'telefoon', reached: 'nee' }),
  };

  for (const [name, run] of Object.entries(actions)) {
    it(`${name}: refused to anyone outside the team, with nothing changed`, async () => {
      const before = await snapshot(database.db);
      await expect(run(undefined)).rejects.toBeInstanceOf(LoginRequiredError);
      await expect(run(otherMember)).rejects.toBeInstanceOf(ForbiddenError);
      for (const role of ['beheerder', 'organisatie'] as const) {
        await expect(
          run(await accountWith(database.db, { role, organisationSlug: content.organisations[0]!.id })),
        ).rejects.toBeInstanceOf(ForbiddenError);
      }
      const after = JSON.parse(await snapshot(database.db)) as unknown[][];
      const users = (rows: unknown[][]) =>
        rows.map((table, index) => (index === 3 || index === 4 ? [] : table));
      expect(users(after)).toEqual(users(JSON.parse(before) as unknown[][]));
      await expect(run(member)).resolves.not.toThrow();
    });
  }

  it('goes from nieuw through in behandeling to afgerond, with every step in the history and the audit log', async () => {
    await takeQuestion(database.db, member, questionId, await versionOf(questionId));
    await recordContactAttempt(database.db, member, questionId, {
      method: 'telefoon',
      reached: 'ja',
      attemptNote: 'Afspraak gemaakt',
    });
    await addNote(database.db, member, questionId, '<script>alert(1)</script> blijft tekst');
    await assignQuestion(database.db, member, questionId, await versionOf(questionId), colleague.id);
    await setQuestionStatus(database.db, colleague, questionId, await versionOf(questionId), 'afgerond');
    const question = await getQuestion(database.db, member, questionId, context);
    expect(question.status).toBe('afgerond');
    expect(question.overdue).toBe(false);
    expect(question.events.map((event) => event.kind)).toEqual([
      'created',
      'take',
      'contact-attempt',
      'note',
      'assign',
      'status',
    ]);
    expect(question.events[3]?.note).toBe('<script>alert(1)</script> blijft tekst');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'changes_json'])
      .where('object_type', '=', 'question')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'question.submit',
      'question.take',
      'question.contact-attempt',
      'question.note',
      'question.assign',
      'question.status',
    ]);
    expect(containsPersonalData(JSON.stringify(audit))).toBe(false);
    expect(JSON.stringify(audit)).not.toContain('Afspraak gemaakt');
  });

  it('forwarding commits together with the mail to the other team: when the mail cannot be queued, the question stays', async () => {
    const version = await versionOf(questionId);
    // A real failure inside the transaction, after the question moved: the outbox is gone.
    await database.db.schema.dropTable('mail_outbox').execute();
    await expect(
      forwardQuestion(database.db, member, questionId, version, CENTRAL_DESK_ID, context),
    ).rejects.toThrow();
    const question = await getQuestion(database.db, member, questionId, context);
    expect(question.status).not.toBe('doorgezet');
    expect(await versionOf(questionId)).toBe(version);
  });

  it('forwarding moves the question to the other team and tells that team', async () => {
    await forwardQuestion(
      database.db,
      member,
      questionId,
      await versionOf(questionId),
      CENTRAL_DESK_ID,
      context,
    );
    await expect(getQuestion(database.db, member, questionId, context)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const desk = await accountWith(database.db, { role: 'teamlid', teamIds: [CENTRAL_DESK_ID] });
    expect((await getQuestion(database.db, desk, questionId, context)).status).toBe('doorgezet');
    const mail = await database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', teamOf(CENTRAL_DESK_ID).email)
      .executeTakeFirstOrThrow();
    expect(containsPersonalData(mail.body_text)).toBe(false);
  });
});

describe('retention', () => {
  it('empties personal data of questions closed over a year ago, and keeps the counts', async () => {
    const member = await accountWith(database.db, { role: 'teamlid', teamIds: [ownTeam] });
    await submit();
    await submit({ aboutYouth: 'ja' });
    await submit();
    const [old, recent] = await database.db.selectFrom('questions').select('id').orderBy('id').execute();
    await addNote(database.db, member, old!.id, 'Notitie met persoonlijke details');
    await setQuestionStatus(
      database.db,
      { ...member, teamIds: [ownTeam, `${wijk.data.area}:jgt`] },
      old!.id,
      await versionOf(old!.id),
      'afgerond',
      new Date('2025-10-01T10:00:00Z'),
    );
    await setQuestionStatus(
      database.db,
      { ...member, teamIds: [ownTeam, `${wijk.data.area}:jgt`] },
      recent!.id,
      await versionOf(recent!.id),
      'afgerond',
      new Date('2026-10-01T10:00:00Z'),
    );
    const counts = await countQuestions(database.db);

    expect(
      await purgeClosedQuestions(database.db, { months: 12, now: new Date('2026-11-23T10:00:00Z') }),
    ).toBe(1);
    const rows = await database.db.selectFrom('questions').selectAll().orderBy('id').execute();
    expect(rows[0]).toMatchObject({
      question_text: null,
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      team_id: ownTeam,
      neighbourhood: wijk.id,
      life_domains_json: '["wonen"]',
    });
    expect(rows[0]?.purged_at).not.toBeNull();
    expect(rows[1]?.question_text).toBe(PERSONAL.question);
    expect(rows[2]?.question_text).toBe(PERSONAL.question);
    const notes = await database.db
      .selectFrom('question_events')
      .select('note')
      .where('question_id', '=', old!.id)
      .execute();
    expect(notes.every((event) => event.note === null)).toBe(true);
    expect(await countQuestions(database.db)).toEqual(counts);
    expect(
      await purgeClosedQuestions(database.db, { months: 12, now: new Date('2026-11-23T10:00:00Z') }),
    ).toBe(0);
  });
});
