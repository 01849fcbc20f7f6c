// Small value helpers shared by the account, the routes and the storage.

/** Laravel prints microseconds; we only have milliseconds, so the last three digits are zeros. */
export function timestamp(ms: number): string {
  const iso = new Date(ms).toISOString() // 2023-07-06T21:01:58.123Z
  return `${iso.slice(0, -1)}000Z`
}

export function timestampOrNull(ms: number | null): string | null {
  return ms === null ? null : timestamp(ms)
}

export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
