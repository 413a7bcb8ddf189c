// Whose export is this: the identity an export names, compared with the user's own — like with like.
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

/** The three kinds of identity an export can name; only identities of the same kind are compared. */
export type IdentityKind = 'email' | 'name' | 'customer-id';

// Amazon customer ids ("A1B2C3D4E5F6G7", Alexa voice history's `customerId`) and the
// "amzn1.account.…" form. A digit is required so that a name typed in capitals is not taken for one.
const CUSTOMER_ID = /^(?:A(?=[0-9A-Z]*[0-9])[0-9A-Z]{9,24}|amzn1\.account\.[0-9A-Z]{8,})$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What kind of identity a value is. The importer's kind is trusted, except that a value shaped like
 * an e-mail address or a customer id is that whatever it was labelled: a customer id is never a name.
 */
export function identityKind(value: string, labelled?: string | null): IdentityKind {
  const v = value.trim();
  if (EMAIL.test(v)) return 'email';
  if (labelled === 'customer-id' || CUSTOMER_ID.test(v)) return 'customer-id';
  return labelled === 'email' ? 'email' : 'name';
}

const canonicalCustomerId = (id: string): string => id.trim().toUpperCase();

export type AccountVerdict =
  | { status: 'unknown'; why: string }
  | { status: 'yours'; matched: string }
  | { status: 'not-yours'; identity: string; comparedWith: string[] };

/** The user's own identities of one kind, from "About you". */
export function ownIdentities(profile: Profile, kind: IdentityKind): string[] {
  // "Accounts" (and, by mistake, "names") may hold whatever the user typed as an account — a name, an
  // address or a customer id — so each entry counts by its shape. No new profile field is needed:
  // a customer id typed there (or with `cli profile --account`) is the user's customer id.
  const typed = [...profile.accounts, ...profile.names].filter((a) => identityKind(a) === kind);
  return [...new Set(kind === 'email' ? [...profile.emails, ...typed] : typed)];
}

const NOTHING_TO_COMPARE: Record<IdentityKind, string> = {
  email: 'you have not told Earshot your e-mail address, so the address the export names cannot be compared',
  name: 'you have not told Earshot your name, so the account name the export names cannot be compared',
  'customer-id':
    'the export names only an Amazon customer id, and you have not told Earshot yours; a customer id is never compared with a name or an e-mail address',
};

/** Compares an export's account identity with the profile. "unknown" when there is nothing of its kind to compare. */
export function checkAccount(identity: { value: string; kind: string } | null, profile: Profile): AccountVerdict {
  if (!identity || !identity.value.trim())
    return { status: 'unknown', why: 'the export does not say whose account it is' };
  const kind = identityKind(identity.value, identity.kind);
  const mine = ownIdentities(profile, kind);
  if (mine.length === 0) return { status: 'unknown', why: NOTHING_TO_COMPARE[kind] };
  const match = mine.find((m) => sameIdentity(kind, m, identity.value));
  return match
    ? { status: 'yours', matched: match }
    : { status: 'not-yours', identity: identity.value, comparedWith: mine };
}

function sameIdentity(kind: IdentityKind, a: string, b: string): boolean {
  if (kind === 'email') return canonicalEmail(a) === canonicalEmail(b);
  if (kind === 'customer-id') return canonicalCustomerId(a) === canonicalCustomerId(b);
  const fa = foldPersonName(a);
  const fb = foldPersonName(b);
  // "Tom Meier" matches an account "Tom Meier" and also "Meier, Tom"; a first name alone does not prove it.
  return fa === fb || sameWords(fa, fb);
}

function sameWords(a: string, b: string): boolean {
  const wa = a.split(' ').filter(Boolean).sort();
  const wb = b.split(' ').filter(Boolean).sort();
  return wa.length > 1 && wa.length === wb.length && wa.every((w, i) => w === wb[i]);
}
