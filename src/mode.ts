// The `mode` input: a restore (the default) or a download, and which inputs each refuses.
import { Input, type InputName } from './constants.js'

export type Mode = 'restore' | 'download'

/**
 * A download restores nothing, so inputs that only shape a restore are refused rather than
 * silently ignored: a workflow asking for a server or an RTO check would otherwise pass unchecked.
 */
export function parseMode(
  raw: (name: InputName) => string,
  bad: (name: InputName, rule: string, shown?: boolean) => void,
): Mode {
  const mode = raw(Input.mode)
  if (mode !== 'restore' && mode !== 'download') {
    bad(Input.mode, 'must be `restore` or `download`')
    return 'restore'
  }
  if (mode === 'restore') {
    if (raw(Input.downloadTo) !== '') bad(Input.downloadTo, 'applies only with `mode: download`')
    return mode
  }
  const restoreOnly: [InputName, boolean][] = [
    [Input.computeType, raw(Input.computeType) !== ''],
    [Input.serverId, raw(Input.serverId) !== ''],
    [Input.wait, /^false$/i.test(raw(Input.wait))],
    [Input.maxRestoreDuration, raw(Input.maxRestoreDuration) !== ''],
  ]
  for (const [name, given] of restoreOnly)
    if (given) bad(name, 'does not apply with `mode: download`: remove it, or use `mode: restore`')
  return mode
}
