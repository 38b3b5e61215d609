// The profile half of hijack detection: which of the fields people recognise an account by changed since
// the baseline. Roost never edits a profile, so any change is a finding.

export interface ProfileState {
  readonly displayName: string;
  /** The avatar's address or content id; null when the account has none. */
  readonly avatar: string | null;
  readonly description: string;
}

export const PROFILE_FIELDS = ['displayName', 'avatar', 'description'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileChange {
  readonly field: ProfileField;
  readonly before: string | null;
  readonly after: string | null;
}

/** Changed fields; none on the first read (no baseline). */
export function diffProfile(baseline: ProfileState | null, current: ProfileState): ProfileChange[] {
  if (baseline === null) return [];
  return PROFILE_FIELDS.filter((f) => normalised(baseline[f]) !== normalised(current[f])).map((field) => ({
    field,
    before: baseline[field],
    after: current[field],
  }));
}

// A server that trims or re-encodes line ends is not someone editing the profile.
function normalised(value: string | null): string | null {
  return value === null ? null : value.replace(/\r\n/g, '\n').trim();
}
