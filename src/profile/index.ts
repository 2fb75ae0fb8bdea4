import { dang } from './dang.js';
import { nd30 } from './nd30.js';
import type { Profile } from './types.js';

export type { Profile, TextStyle, RuleStyle } from './types.js';
export { dang, nd30 };

const profiles: Record<string, Profile> = { nd30, dang };

/** The profile with this id; throws with the list of known ids otherwise. */
export function getProfile(id: string): Profile {
  const profile = profiles[id];
  if (!profile) {
    throw new Error(`Không có bố cục "${id}". Các bố cục có sẵn: ${Object.keys(profiles).join(', ')}.`);
  }
  return profile;
}

export function profileIds(): string[] {
  return Object.keys(profiles);
}
