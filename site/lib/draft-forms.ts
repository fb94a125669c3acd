import type { AstroGlobal } from 'astro';
import { actions } from 'astro:actions';
import { formView, type FormView } from './action-form.ts';
import { pageWithoutAction } from './referral-search.ts';

/**
 * The draft's forms (add, take out, start over) post to the page they are on. After one worked,
 * the page shows itself again without the form's data (`redirect`); after one failed, its message.
 */
export function draftForms(astro: AstroGlobal): { redirect?: string; views: FormView<unknown>[] } {
  const views = [
    formView(astro.getActionResult(actions.referrals.addToDraft)),
    formView(astro.getActionResult(actions.referrals.removeFromDraft)),
    formView(astro.getActionResult(actions.referrals.clearDraft)),
  ];
  return views.some((view) => view.done) ? { redirect: pageWithoutAction(astro.url), views } : { views };
}
