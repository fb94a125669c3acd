import type { NextStep } from '#admin/accounts/log-in.ts';

/** Only back-office paths of this site: a `terug` parameter must never send someone elsewhere. */
export function safeReturnPath(value: string | null): string {
  if (!value || !/^\/beheer(\/[A-Za-z0-9/_-]*)?(\?[A-Za-z0-9=&_.%-]*)?$/.test(value)) return '/beheer';
  return value;
}

/** Where a fresh login continues: the page asked for, or the second factor first. */
export function afterLogin(step: NextStep, back = '/beheer'): string {
  if (step === 'verify-totp') return '/beheer/tweestapsverificatie';
  if (step === 'setup-totp') return '/beheer/tweestapsverificatie/instellen';
  return back;
}
