import { UsageError } from '../messages/errors.js';
import { profileMessages } from '../messages/profile.js';
import { say } from '../messages/types.js';
import { dang } from './dang.js';
import { nd30 } from './nd30.js';
import type { Profile } from './types.js';

export type { Profile, TextStyle, RuleStyle } from './types.js';
export { dang, nd30 };

const profiles: Record<string, Profile> = { nd30, dang };

/** The profile with this id; a UsageError (exit 64) listing the known ids otherwise. */
export function getProfile(id: string): Profile {
  const profile = Object.hasOwn(profiles, id) ? profiles[id] : undefined;
  if (!profile) throw new UsageError((lang) => say(lang, profileMessages.unknownProfile, id, profileIds().join(', ')));
  return profile;
}

export function profileIds(): string[] {
  return Object.keys(profiles);
}
