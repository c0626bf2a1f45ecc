import { fileURLToPath } from 'node:url'
const __dirname = fileURLToPath(new URL('.', import.meta.url))
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Seed } from './api'

export const seedData = (): Seed => JSON.parse(readFileSync(resolve(__dirname, '.fixtures/seed.json'), 'utf8'))
export const screenshot = (name: string) => resolve(__dirname, '../../docs/screenshots', `${name}.png`)
