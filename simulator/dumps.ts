// SQL dumps shaped as mysqldump (MySQL 8.0) and pg_dump write them, line for line at the start and
// the end, which is what the content checks read. The pg_dump shape follows pg_dump 15.18, which
// carries the `\restrict` / `\unrestrict` lines that 17.6 and the other August 2025 releases added.
import { createHash } from 'node:crypto'

export interface DumpOptions {
  /** The tables dumped, each with its CREATE TABLE and its rows. */
  tables?: readonly string[]
  rowsPerTable?: number
}

/** The rows of a table: an id, some text, a time. */
function rows(table: string, count: number): string[][] {
  let digest = table
  return Array.from({ length: count }, (_, i) => {
    digest = createHash('sha256').update(digest).digest('hex')
    return [String(i + 1), digest.slice(0, 40), '2026-01-01 04:00:00']
  })
}

export interface MysqlDumpOptions extends DumpOptions {
  /** `--skip-comments`: no comment lines, so no completion line either. */
  skipComments?: boolean
  /** `--skip-dump-date`: the completion line without its date. */
  skipDumpDate?: boolean
  /** MariaDB's mysqldump since 10.5.25 opens with a sandbox-mode comment. */
  mariadb?: boolean
}

export function mysqlDump(options: MysqlDumpOptions = {}): Buffer {
  const { tables = ['wp_posts', 'wp_users'], rowsPerTable = 20 } = options
  const lines: string[] = []
  const comment = (...text: string[]): number => (options.skipComments ? 0 : lines.push(...text))
  if (options.mariadb) lines.push('/*M!999999\\- enable the sandbox mode */ ')
  comment(
    '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
    '--',
    '-- Host: localhost    Database: wordpress',
    '-- ------------------------------------------------------',
    '-- Server version\t8.0.36',
    '',
  )
  lines.push(
    '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
    '/*!50503 SET NAMES utf8mb4 */;',
    "/*!40103 SET TIME_ZONE='+00:00' */;",
    '/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;',
    '/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;',
  )
  for (const table of tables) {
    comment('', '--', `-- Table structure for table \`${table}\``, '--', '')
    lines.push(
      `DROP TABLE IF EXISTS \`${table}\`;`,
      `CREATE TABLE \`${table}\` (`,
      '  `id` bigint unsigned NOT NULL AUTO_INCREMENT,',
      '  `body` text NOT NULL,',
      '  `created` datetime NOT NULL,',
      '  PRIMARY KEY (`id`)',
      ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;',
    )
    comment('', '--', `-- Dumping data for table \`${table}\``, '--', '')
    lines.push(
      `LOCK TABLES \`${table}\` WRITE;`,
      `INSERT INTO \`${table}\` VALUES ${rows(table, rowsPerTable)
        .map(([id, body, created]) => `(${id},'${body}','${created}')`)
        .join(',')};`,
      'UNLOCK TABLES;',
    )
  }
  lines.push(
    '/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;',
    '',
    '/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;',
    '/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;',
    '/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;',
  )
  comment(
    '',
    options.skipDumpDate ? '-- Dump completed' : '-- Dump completed on 2026-01-01  4:00:00',
  )
  return Buffer.from(`${lines.join('\n')}\n`)
}

export interface PgDumpOptions extends DumpOptions {
  /** The `\restrict` key; null for a pg_dump from before the August 2025 releases. */
  restrictKey?: string | null
}

/** A pg_dump key: 63 letters and digits, as pg_dump 15.18 writes them. */
export function restrictKey(seed: string): string {
  const base64 = createHash('sha512')
    .update(seed)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '')
  return base64.padEnd(63, 'x').slice(0, 63)
}

export function pgDump(options: PgDumpOptions = {}): Buffer {
  const { tables = ['posts', 'users'], rowsPerTable = 20 } = options
  const key = options.restrictKey === undefined ? restrictKey('pg_dump') : options.restrictKey
  return Buffer.from(`${pgDatabase(tables, rowsPerTable, key).join('\n')}\n`)
}

/** One database's dump as lines, the last one blank: joined with line breaks, it ends in two. */
function pgDatabase(tables: readonly string[], rowsPerTable: number, key: string | null): string[] {
  const lines = ['--', '-- PostgreSQL database dump', '--', '']
  if (key !== null) lines.push(`\\restrict ${key}`, '')
  lines.push(
    '-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)',
    '-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)',
    '',
    'SET statement_timeout = 0;',
    "SET client_encoding = 'UTF8';",
    'SET standard_conforming_strings = on;',
    "SELECT pg_catalog.set_config('search_path', '', false);",
    '',
  )
  for (const table of tables) {
    lines.push(
      '--',
      `-- Name: ${table}; Type: TABLE; Schema: public; Owner: postgres`,
      '--',
      '',
      `CREATE TABLE public.${table} (`,
      '    id integer NOT NULL,',
      '    body text',
      ');',
      '',
      '',
      `ALTER TABLE public.${table} OWNER TO postgres;`,
      '',
    )
  }
  for (const table of tables) {
    lines.push(
      '--',
      `-- Data for Name: ${table}; Type: TABLE DATA; Schema: public; Owner: postgres`,
      '--',
      '',
      `COPY public.${table} (id, body) FROM stdin;`,
      ...rows(table, rowsPerTable).map((row) => row.join('\t')),
      '\\.',
      '',
      '',
    )
  }
  lines.push('--', '-- PostgreSQL database dump complete', '--', '')
  if (key !== null) lines.push(`\\unrestrict ${key}`, '')
  return lines
}

/** pg_dumpall: the globals in a restricted section of their own, then each database's dump. */
export function pgDumpAll(databases: readonly string[], options: DumpOptions = {}): Buffer {
  const { tables = ['posts'], rowsPerTable = 5 } = options
  const globals = restrictKey('globals')
  const lines = ['--', '-- PostgreSQL database cluster dump', '--', '', `\\restrict ${globals}`, '']
  lines.push('SET default_transaction_read_only = off;', '', 'CREATE ROLE postgres;', '')
  lines.push(`\\unrestrict ${globals}`, '', '--', '-- Databases', '--', '')
  for (const database of databases) {
    lines.push('--', `-- Database "${database}" dump`, '--', '', `\\connect ${database}`, '')
    lines.push(...pgDatabase(tables, rowsPerTable, restrictKey(database)))
  }
  lines.push('--', '-- PostgreSQL database cluster dump complete', '--', '')
  return Buffer.from(`${lines.join('\n')}\n`)
}
