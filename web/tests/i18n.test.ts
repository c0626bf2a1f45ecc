import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zh from '../src/i18n/zh-CN'
import en from '../src/i18n/en'

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]))

describe('message catalogues', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? values(v) : [v as string]))
    expect(values(zh).filter((v) => !v.trim())).toEqual([])
    expect(values(en).filter((v) => !v.trim())).toEqual([])
  })

  it('hold every literal key the screens ask for', () => {
    const known = new Set(keys(zh))
    const used = files(join(__dirname, '../src'))
      .filter((f) => f.endsWith('.vue') || f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]))
    expect(used.length).toBeGreaterThan(30)
    expect(used.filter((k) => !known.has(k))).toEqual([])
  })
})

describe('values the API sends that the screens translate', () => {
  it('have a message for every member of the enums shown by key', async () => {
    const document = JSON.parse(readFileSync(join(__dirname, '../openapi/v1.json'), 'utf8'))
    const schemas = document.components.schemas as Record<string, { enum?: string[] }>
    const shownAs: Record<string, string> = { RigStatus: 'state', FlagCategory: 'flag', ComponentKind: 'component', OutboundStatus: 'inbox.outbound', UsageStatus: 'usageStatus' }
    const known = new Set([...keys(zh)])
    const missing = Object.entries(shownAs).flatMap(([schema, prefix]) =>
      (schemas[schema]?.enum ?? ['(schema missing)']).map((value) => `${prefix}.${value}`).filter((k) => !known.has(k)))
    expect(missing).toEqual([])
  })
})
