// A backup's tags are read where the API's answers are parsed (snapshooter/tags.ts); the choice
// of backup filters on them.
export { BACKUP_TAGS, readTags, type BackupTag, type Tags } from '../snapshooter/tags.js'
