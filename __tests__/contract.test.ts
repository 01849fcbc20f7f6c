// action.yml is the interface users see; these tests fail when the code and it drift apart.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  Input,
  JobsInput,
  JobsOutput,
  Output,
  ReportInput,
  ReportOutput,
} from '../src/inputs/names.js'
import { parseJobsSettings } from '../src/inputs/fleet.js'
import { parseSettings } from '../src/inputs/parse.js'
import { parseReportSettings } from '../src/inputs/report.js'
import { readActionYml } from '../scripts/lib/action-yml.js'
import { ROOT, actionYml } from './helpers/action-yml.js'

const yml = actionYml()

function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

const sources = sourceFiles().map((file) => ({
  file: relative(ROOT, file),
  text: readFileSync(file, 'utf8'),
}))

describe('action.yml and the code agree', () => {
  it('declares exactly the inputs the code knows', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.values(Input).sort())
  })

  it('reads every declared input, and nothing else', () => {
    const asked = new Set<string>()
    try {
      parseSettings((name) => {
        asked.add(name)
        return ''
      })
    } catch {
      // all empty is bad input; the names asked for are what counts here
    }
    expect([...asked].sort()).toEqual(Object.keys(yml.inputs).sort())
  })

  it('calls getInput only in src/inputs/read.ts', () => {
    const readers = sources.filter(({ text }) => /\bget(Boolean|Multiline)?Input\(/.test(text))
    expect(readers.map(({ file }) => file)).toEqual(['src/inputs/read.ts'])
  })

  it('declares exactly the outputs the code knows', () => {
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.values(Output).sort())
  })

  it('sets outputs only by their declared names', () => {
    const calls = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/(?<!function )\bsetOutput\(\s*([^,)]+)/g)].map((match) => ({
        file,
        name: match[1] ?? '',
      })),
    )
    expect(calls.length).toBeGreaterThan(0)
    for (const { file, name } of calls) {
      const key = /^Output\.(\w+)$/.exec(name)?.[1]
      // The report sub-action's outputs are its own, checked against report/action.yml below.
      const reportKey = /^ReportOutput\.(\w+)$/.exec(name)?.[1]
      if (reportKey !== undefined) {
        expect({ file, name, declared: reportKey in ReportOutput }).toEqual({
          file,
          name,
          declared: true,
        })
        continue
      }
      // Either a literal Output.x, or a parameter typed OutputName inside the one output writer.
      const typed = new RegExp(`\\b${name}: OutputName\\b`).test(
        sources.find((source) => source.file === file)?.text ?? '',
      )
      expect({ file, name, declared: (key !== undefined && key in Output) || typed }).toEqual({
        file,
        name,
        declared: true,
      })
    }
  })

  it('gives every input and output a description, and runs on node24', () => {
    for (const entry of [...Object.values(yml.inputs), ...Object.values(yml.outputs)]) {
      expect(entry.description.length).toBeGreaterThan(20)
    }
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('marks only api_token as required, and gives the rest a default', () => {
    const required = Object.entries(yml.inputs).filter(([, input]) => input.required === true)
    // backup_id is required unless restore_id is given: the parser says so, naming both.
    expect(required.map(([name]) => name).sort()).toEqual(['api_token'])
    for (const [, input] of Object.entries(yml.inputs)) {
      if (input.required !== true) expect(input.default).toBeDefined()
    }
  })
})

describe('report/action.yml and the code agree', () => {
  const report = readActionYml(join(ROOT, 'report'))

  it('declares exactly the inputs and outputs the code knows', () => {
    expect(Object.keys(report.inputs).sort()).toEqual(Object.values(ReportInput).sort())
    expect(Object.keys(report.outputs).sort()).toEqual(Object.values(ReportOutput).sort())
  })

  it('reads every declared input, and nothing else', () => {
    const asked = new Set<string>()
    try {
      parseReportSettings((name) => {
        asked.add(name)
        return ''
      })
    } catch {
      // an empty `results` is bad input; the names asked for are what counts here
    }
    expect([...asked].sort()).toEqual(Object.keys(report.inputs).sort())
  })

  it('describes each input and output, and runs dist/report.js on node24', () => {
    for (const entry of [...Object.values(report.inputs), ...Object.values(report.outputs)])
      expect(entry.description.length).toBeGreaterThan(20)
    expect(report.runs).toEqual({ using: 'node24', main: '../dist/report.js' })
    expect(report.inputs.results?.required).toBe(true)
  })
})

describe('jobs/action.yml and the code agree', () => {
  const jobs = readActionYml(join(ROOT, 'jobs'))

  it('declares exactly the inputs and outputs the code knows, and reads every input', () => {
    expect(Object.keys(jobs.inputs).sort()).toEqual(Object.values(JobsInput).sort())
    expect(Object.keys(jobs.outputs).sort()).toEqual(Object.values(JobsOutput).sort())
    const asked = new Set<string>()
    try {
      parseJobsSettings((name) => {
        asked.add(name)
        return ''
      })
    } catch {
      // all empty is bad input; the names asked for are what counts here
    }
    expect([...asked].sort()).toEqual(Object.keys(jobs.inputs).sort())
  })

  it('describes every input and output, defaults all but api_token, and runs dist/jobs.js', () => {
    for (const entry of [...Object.values(jobs.inputs), ...Object.values(jobs.outputs)])
      expect(entry.description.length).toBeGreaterThan(20)
    const required = Object.entries(jobs.inputs).filter(([, input]) => input.required === true)
    expect(required.map(([name]) => name)).toEqual(['api_token'])
    for (const [, input] of Object.entries(jobs.inputs))
      if (input.required !== true) expect(input.default).toBeDefined()
    // The same API default as the main action, so the two steps talk to one API.
    expect(jobs.inputs.api_url?.default).toBe(yml.inputs.api_url?.default)
    expect(jobs.runs).toEqual({ using: 'node24', main: '../dist/jobs.js' })
  })
})
