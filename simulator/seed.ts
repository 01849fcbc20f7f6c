// Fixed ids of the seeded account, so tests, the demo and the docs can name them.

/** Full access: reads, restores, downloads. 40 characters, like a real token. */
export const DEMO_TOKEN = 'demo-token-7f3c9a1e5b2d4f608a9c1e3b5d7f9'
/** Reads only: a POST restore answers 403. */
export const READ_ONLY_TOKEN = 'readonly-token-2b4d6f8a0c1e3a5b7d9f1b3d5'

/** The paged job's 120 backups are generated; index 0 is the newest. */
export const PAGED_BACKUP_COUNT = 120
/** The newest this many paged backups failed, so the newest completed one sits at this index. */
export const PAGED_FAILED_COUNT = 110

const generatedId = (group: string, index: number): string =>
  `c0ffee00-${group}-4000-8000-${index.toString(16).padStart(12, '0')}`

export const pagedBackupId = (index: number): string => generatedId('0001', index)
export const pagedFileId = (index: number): string => generatedId('0002', index)
/** The retention job's backup that ran `hoursAgo` whole hours before the start (see retention.ts). */
export const retentionBackupId = (hoursAgo: number): string => generatedId('0003', hoursAgo)
export const retentionFileId = (hoursAgo: number): string => generatedId('0004', hoursAgo)

export const SEED = {
  jobs: {
    main: '6f7c5f07-bd49-49a5-8416-27b8de037ddc',
    paged: '3a1d9c42-58e7-4b0f-a6d2-91c4e8f07b13',
    empty: 'b84e2f61-0c9d-47a3-8e5b-2d6f1a9c3e70',
    other: 'e29c7a5d-41b8-4f06-9d3e-7c85a0b1f642',
    /** Download mode's hostile cases and the benchmark file; never `latest` of the main job. */
    quirks: '5b9e3c71-0d4a-4e62-8f17-c3a8d2e6b940',
    /** Hourly backups for 30 days, then dailies, weeklies and monthlies (see retention.ts). */
    retention: '7d3b9a2e-6c14-4f58-b0e7-2a9d5c8f1e36',
  },
  backups: {
    running: '8d4b2e17-93f0-4c6a-b1d8-5e7a2c9f0b34',
    latest: '596c5046-1bd8-4664-9a3f-6208526c3b87',
    failed: '1f0a7c3e-6b29-4d85-a4e1-c93b7d2f5a08',
    older: '4c8e1b6d-2a7f-4390-8e5c-b1d9f3a06e27',
    pagedLatest: pagedBackupId(PAGED_FAILED_COUNT),
    otherJob: 'a73f5e92-d18c-4b47-9f2a-6e0c4d8b1a35',
    /** Its db.sql.gz is listed 512 bytes bigger than it is. */
    wrongSize: 'd41e7b20-6a9c-4f35-b2e8-91c0f7a3d564',
    /** Its one file is named `../../evil.sh`, and POST download keys it so. */
    traversal: 'e8c2a4f6-3b71-4d90-a5e2-7f1b9c3d8e06',
    /** One generated file, `big.bin`: 1 GiB unless `bigFileBytes` says otherwise. */
    big: 'b16b00b5-7e1a-4c3d-9f20-5a8e6d4c2b71',
    /** `db.sql` (300,000 bytes) and `.db.sql.partial` (1,000 bytes): two legal names. */
    colliding: 'c0111de5-4a7b-4c2e-9d81-3f6a2b8e5c17',
    /** `sub/x.sql` and `sub/deep/y.sql`, keyed by those full names: they land in subfolders. */
    nested: '5ab7d1e3-8c42-4f96-a0b5-7e2d9c1f3a68',
    /** One file whose name is longer than the 255 bytes a file system allows. */
    longName: '10a9e7b3-2d5c-4e81-b6f4-9c3a1e8d7f20',
    /** `db-2023-07-06.sql.gz` beside a file whose base name is 1,500 dashes then `.log`. */
    dashedName: '7a2f9c4e-1d6b-4e83-9b5a-0c8d2f4e6a19',
    /** The retention job's newest monthly backup, 11 days old: failed. */
    retentionFailedMonthly: retentionBackupId(11 * 24),
    /** Its newest completed monthly backup, 41 days old. */
    retentionMonthly: retentionBackupId(41 * 24),
    /** Its one manual backup, taken 3 days and 5 hours before the start, between two hourlies. */
    retentionManual: 'e4a9c2d7-5b18-4f63-9a0e-8c1d7b3f2a59',
  },
  files: {
    latestDb: '045c31f2-234c-4c12-ae69-b6188b37412d',
    latestSite: 'f7a4b142-5aa8-4b42-8896-62455f696e5a',
    latestRun: '9b2e6d81-7c4a-4f3e-a05d-3e8f1c7b9d26',
    olderDb: '2d7a9f4c-b306-4e81-9c5f-a8e2d4b1c073',
    olderSite: '7e1c4a8b-5f92-4d3a-b6e0-1c9d7f3a2e58',
    otherDb: 'c5f8b2a1-9e3d-4706-8b4c-2f1a6d9e0c87',
    quirkDb: '6a3d8e1f-2c97-4b50-8e4a-d1f7c2b9a035',
    quirkEvil: '0e9f4c2b-7a18-4d63-b5c9-2a8e1f6d3b47',
    bigFile: '3c7a1e9d-5b24-4f80-a6d3-8e2b0c4f9a16',
    collidingDb: 'd8b3f1a7-6e29-4c05-b8d4-1a7f3e9c2b60',
    collidingPartial: '4e7c2a9f-1b83-4d56-9e0a-c5f8b2d7a314',
    nestedSql: '9f2d6b8e-3a71-4c49-8b5e-0d4a7c1f9e23',
    nestedDeep: '2c5e8a1d-7f36-4b90-a4d2-6e9b3f0c7a15',
    longNameSql: 'b7e41c3a-9d05-4f28-a6b1-e3c9f7d2a058',
    dashedDb: 'd9a4c6e2-8f13-4b7d-a2c5-6e0f8b3d1a74',
    dashedName: 'b3e8d1a7-4c2f-4a96-8e0b-5d7c9f1a3e62',
  },
  /** Valid `compute.server_id` values. */
  servers: { server: 3, agent: 9362 },
  /** A well-formed UUID that names nothing: for 404 tests. */
  unknownId: '00000000-0000-4000-8000-000000000000',
} as const

/**
 * A small fleet, for drilling every job of an account: each job holds one completed backup,
 * made two hours before the start.
 */
export const FLEET = [
  {
    name: 'prod-db',
    jobId: '1b7e4c92-3d58-4a06-9f21-8c5e0a7d3b64',
    backupId: '2c8f5d03-4e69-4b17-8a32-9d6f1b8e4c75',
    fileId: '3d906e14-5f7a-4c28-9b43-ae702c9f5d86',
    file: 'db.sql.gz',
  },
  {
    name: 'staging-db',
    jobId: '4ea17f25-6a8b-4d39-8c54-bf813dae6e97',
    backupId: '5fb28036-7b9c-4e4a-9d65-c0924ebf7fa8',
    fileId: '60c39147-8cad-4f5b-8e76-d1a35fc08ab9',
    file: 'db.sql.gz',
  },
  {
    name: 'uploads',
    jobId: '71d4a258-9dbe-4a6c-9f87-e2b460d19bca',
    backupId: '82e5b369-aecf-4b7d-8a98-f3c571e2acdb',
    fileId: '93f6c47a-bfd0-4c8e-9ba9-04d682f3bdec',
    file: 'uploads.tar.gz',
  },
] as const
