// Apart from the rest of download mode, so that the run's verdict can know this error without
// loading the download code (and its proxy agents) on every run.

/** `timeout` ran out before every file was downloaded and verified. */
export class DownloadTimedOut extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DownloadTimedOut'
  }
}
