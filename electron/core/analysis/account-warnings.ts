// Whose export is this: a strong warning for each export that names an account which is not the user's.
import type { Db } from '../db/library.ts';
import { canonicalEmail, checkAccount } from './account-check.ts';
import { foldPersonName } from './fold.ts';
import { message } from '../messages/index.ts';
import type { Profile } from './profile.ts';
import type { ComputedWarning } from './warning-types.ts';

/** Two account identities are the same: e-mails as providers compare them, names word by word. */
export function sameAccount(a: string, b: string): boolean {
  return a.includes('@') || b.includes('@')
    ? canonicalEmail(a) === canonicalEmail(b)
    : foldPersonName(a) === foldPersonName(b);
}

export function accountWarnings(db: Db, profile: Profile): ComputedWarning[] {
  const exports = db
    .prepare(
      'SELECT id, label, account, account_kind, account_found_in, first_time, last_time, recording_count FROM exports WHERE account IS NOT NULL',
    )
    .all() as {
    id: number;
    label: string;
    account: string;
    account_kind: string;
    account_found_in: string;
    first_time: number | null;
    last_time: number | null;
    recording_count: number;
  }[];
  const out: ComputedWarning[] = [];
  for (const e of exports) {
    const verdict = checkAccount({ value: e.account, kind: e.account_kind }, profile);
    if (verdict.status !== 'not-yours') continue;
    out.push({
      key: `account:${e.id}`,
      kind: 'account',
      severity: 'strong',
      exportId: e.id,
      subject: e.account,
      reason: message('warnings.account', {
        account: e.account,
        file: e.account_found_in,
        yours: verdict.comparedWith.join(', '),
        count: verdict.comparedWith.length,
      }),
      evidence: {
        identity: e.account,
        foundIn: e.account_found_in,
        yours: verdict.comparedWith,
        recordings: e.recording_count,
      },
      confidence: 0.95,
      recordingIds: [],
      firstTime: e.first_time,
      lastTime: e.last_time,
    });
  }
  return out;
}
