// A backup's tags: which retention tiers keep it. SnapShooter sends them as booleans in `tags`
// (`{manual: true, hourly: false, daily: false, weekly: false, monthly: false}`); no server-side
// filter on them is documented, so the choice of backup filters on them itself.

import { BACKUP_TAGS, type BackupTag } from '../inputs/names.js'

export { BACKUP_TAGS, type BackupTag }

export type Tags = Readonly<Record<BackupTag, boolean>>

/**
 * The tags of an API answer. A tag is set only by a literal `true` of that name, so anything
 * else (a missing or odd `tags`, PHP's `[]` for an empty map, `"true"`) reads as unset: a
 * backup whose tags cannot be read matches no `backup_tag`, and the answer is not refused for it.
 */
export function readTags(value: unknown): Tags {
  const own = (name: BackupTag): boolean =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.hasOwn(value, name) &&
    (value as Record<string, unknown>)[name] === true
  return Object.fromEntries(BACKUP_TAGS.map((name) => [name, own(name)])) as Record<
    BackupTag,
    boolean
  >
}
