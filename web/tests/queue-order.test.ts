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

describe('scans queued without a signal', () => {
  it('go out together, a batch per verification, each item answered on its own, and a cut-off batch is resent as it was', async () => {
    store.clear()
    vi.resetModules()
    const { enqueue, items, useSender, useBatchSender, flush } = await import('../src/offline/queue')
    const batches: { key: string; labels: string[] }[] = []
    let online = false
    useSender(async () => (online ? { ok: true as const } : { ok: false as const, retry: true, message: '' }))
    useBatchSender({
      max: 3,
      groupOf: (item) => (item.body as { v: string }).v,
      send: async (chunk, key) => {
        batches.push({ key, labels: chunk.map((i) => i.label) })
        if (!online) return null // cut off: the device cannot tell whether it arrived
        return chunk.map((i) => (i.label === 'b2' ? { ok: false as const, retry: false, message: '非本主机成套构件' } : { ok: true as const }))
      },
    })
    for (const [label, v] of [['a1', 'A'], ['a2', 'A'], ['b1', 'B'], ['b2', 'B'], ['b3', 'B'], ['b4', 'B']] as const) await enqueue(label, { v })
    await flush() // the attempt each enqueue started, still cut off
    await flush()
    // While cut off, every attempt is the first batch formed, again and again: same items, same key.
    const first = batches[0]
    expect(first.labels).toEqual(['a1', 'a2'])
    expect(batches.every((b) => b.key === first.key && b.labels.join() === 'a1,a2')).toBe(true)

    online = true
    const before = batches.length
    await flush()
    // A lone item goes out by itself (b4, through the single-item sender).
    expect(batches.slice(before).map((b) => b.labels)).toEqual([['a1', 'a2'], ['b1', 'b2', 'b3']])
    expect(batches[before].key).toBe(first.key) // the server answers that key once
    const after = await items()
    expect(after.find((i) => i.label === 'b2')?.status).toBe('refused')
    expect(after.filter((i) => i.status === 'sent').map((i) => i.label)).toEqual(['a1', 'a2', 'b1', 'b3', 'b4'])
  })
})
