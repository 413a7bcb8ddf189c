// Whose export is this: the identity an export names, compared with the user's own.
import { foldPersonName } from './fold.ts';
import type { Profile } from './profile.ts';

/** E-mail addresses compared as providers do: case-insensitive, and for Gmail without dots or +tags. */
export function canonicalEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    return `${local.split('+')[0]!.replace(/\./g, '')}@gmail.com`;
  }
  return `${local}@${domain}`;
}

export type AccountVerdict =
  | { status: 'unknown'; why: string }
  | { status: 'yours'; matched: string }
  | { status: 'not-yours'; identity: string; comparedWith: string[] };

/** Compares an export's account identity with the profile. "unknown" when there is nothing to compare. */
export function checkAccount(identity: { value: string; kind: string } | null, profile: Profile): AccountVerdict {
  if (!identity) return { status: 'unknown', why: 'the export does not say whose account it is' };
  if (identity.kind === 'email') {
    if (profile.emails.length === 0) return { status: 'unknown', why: 'you have not told Earshot your e-mail address' };
    const mine = profile.emails.map(canonicalEmail);
    return mine.includes(canonicalEmail(identity.value))
      ? { status: 'yours', matched: identity.value }
      : { status: 'not-yours', identity: identity.value, comparedWith: profile.emails };
  }
  // Account names (Amazon) and customer ids: compared with the user's names and accounts.
  const candidates = [...profile.accounts, ...profile.names];
  if (candidates.length === 0) return { status: 'unknown', why: 'you have not told Earshot your name' };
  const folded = foldPersonName(identity.value);
  const match = candidates.find((c) => {
    const f = foldPersonName(c);
    // "Tom Meier" matches an account "Tom Meier" and also "Meier, Tom"; a first name alone does not prove it.
    return f === folded || sameWords(f, folded);
  });
  return match
    ? { status: 'yours', matched: match }
    : { status: 'not-yours', identity: identity.value, comparedWith: candidates };
}

function sameWords(a: string, b: string): boolean {
  const wa = a.split(' ').filter(Boolean).sort();
  const wb = b.split(' ').filter(Boolean).sort();
  return wa.length > 1 && wa.length === wb.length && wa.every((w, i) => w === wb[i]);
}
