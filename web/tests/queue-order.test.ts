import { describe, expect, it, vi } from 'vitest'

// idb-keyval replaced by a Map with a real await between read and write, the gap where lost updates happen.
const store = new Map<string, unknown>()
vi.mock('idb-keyval', () => ({
  get: async (k: string) => { await new Promise((r) => setTimeout(r, 1)); return store.get(k) },
  set: async (k: string, v: unknown) => { await new Promise((r) => setTimeout(r, 1)); store.set(k, structuredClone(v)) },
}))

describe('the on-device queue', () => {
  it('keeps every item of a burst, in order, each with its own idempotency key, and sends them in that order', async () => {
    const { enqueue, items, useSender, flush } = await import('../src/offline/queue')
    const sent: string[] = []
    let online = false
    useSender(async (item) => (online ? (sent.push(item.label), { ok: true as const }) : { ok: false as const, retry: true, message: '' }))
    await Promise.all(['a', 'b', 'c', 'd'].map((label) => enqueue(label, {})))
    const queued = await items()
    expect(queued.map((i) => i.label)).toEqual(['a', 'b', 'c', 'd'])
    expect(new Set(queued.map((i) => i.idempotencyKey)).size).toBe(4)
    expect(queued.every((i) => i.status === 'pending')).toBe(true)

    online = true
    await flush()
    expect(sent).toEqual(['a', 'b', 'c', 'd'])
    expect((await items()).every((i) => i.status === 'sent')).toBe(true)
  })
})
