// Who the user is (name, household, accounts), loaded again when the profile changes: a warning
// decision can teach it, and the About-you dialog saves it.
import { useEffect, useState } from 'react';
import type { Profile } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { emptyProfile } from '../lib/profile.ts';
import type { Versions } from '../state/changes.ts';

export function useProfile(versions: Versions): [Profile | null, (p: Profile) => void] {
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    let live = true;
    // The library works without it: an unreadable profile counts as an empty one.
    api.getProfile({}).then(
      (p) => live && setProfile(p),
      () => live && setProfile((p) => p ?? emptyProfile),
    );
    return () => {
      live = false;
    };
  }, [versions.profile]);
  return [profile, setProfile];
}
