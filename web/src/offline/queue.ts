// Work done without a signal is kept on the device (IndexedDB: WeChat and iOS in-app browsers have no service
// worker) and sent in order when the connection returns. Each item carries its Idempotency-Key from the moment it is
// made, so a send that succeeded but whose answer was lost is not applied twice.
import { get, set } from 'idb-keyval'

export type QueueStatus = 'pending' | 'sent' | 'refused'

export interface QueuedRequest {
  id: string
  label: string
  body: unknown
  idempotencyKey: string
  status: QueueStatus
  message?: string
  createdAt: string
  /** Set once the item has gone out in a batch: a retry sends exactly that batch again, under the same key. */
  batchKey?: string
}

const KEY = 'pilerig.outbox'
type Listener = (items: QueuedRequest[]) => void
const listeners = new Set<Listener>()
let flushing: Promise<void> | null = null
// Every read-modify-write of the stored queue runs one after another: two quick scans must never overwrite each other.
let tail: Promise<unknown> = Promise.resolve()
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work)
  tail = run.catch(() => undefined)
  return run
}

export async function items(): Promise<QueuedRequest[]> {
  return (await get<QueuedRequest[]>(KEY)) ?? []
}

async function save(all: QueuedRequest[]) {
  await set(KEY, all)
  listeners.forEach((l) => l(all))
}

export function subscribe(listener: Listener) {
  listeners.add(listener)
  void items().then(listener)
  return () => listeners.delete(listener)
}

export function newKey() {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`
}

/** Keeps the request and tries to send everything pending, oldest first. */
export async function enqueue(label: string, body: unknown): Promise<QueuedRequest> {
  const item: QueuedRequest = { id: newKey(), label, body, idempotencyKey: newKey(), status: 'pending', createdAt: new Date().toISOString() }
  await exclusive(async () => save([...(await items()), item]))
  void flush()
  return item
}

export type SendResult = { ok: true } | { ok: false; retry: boolean; message: string }
export type Sender = (item: QueuedRequest) => Promise<SendResult>

/**
 * Items of one group (e.g. scans of one verification) that wait next to each other go out together: one request
 * for up to `max` of them, answered item by item; `send` answers null when the server could not be reached.
 */
export interface BatchSender {
  groupOf: (item: QueuedRequest) => string | null
  send: (items: QueuedRequest[], key: string) => Promise<SendResult[] | null>
  max: number
}

let sender: Sender | null = null
let batchSender: BatchSender | null = null

export function useSender(s: Sender) {
  sender = s
}

export function useBatchSender(b: BatchSender) {
  batchSender = b
}

// The next items to send together: a batch already sent once (same key, same items), or the run of pending items of
// one group, which is then given its key before it leaves the device.
async function nextChunk(pending: QueuedRequest[], start: number): Promise<{ items: QueuedRequest[]; key?: string }> {
  const first = pending[start]
  if (first.batchKey) return { items: pending.filter((i) => i.batchKey === first.batchKey), key: first.batchKey }
  const group = batchSender?.groupOf(first)
  if (!batchSender || !group) return { items: [first] }
  const run = [first]
  while (run.length < batchSender.max && start + run.length < pending.length && !pending[start + run.length].batchKey
    && batchSender.groupOf(pending[start + run.length]) === group) {
    run.push(pending[start + run.length])
  }
  if (run.length === 1) return { items: run }
  const key = newKey()
  const ids = new Set(run.map((i) => i.id))
  await exclusive(async () => {
    const all = await items()
    all.forEach((i) => { if (ids.has(i.id)) i.batchKey = key })
    await save(all)
  })
  run.forEach((i) => (i.batchKey = key))
  return { items: run, key }
}


/**
 * Sends pending items in order, consecutive scans of one verification together; stops at the first that cannot reach
 * the server (the rest wait behind it).
 */
export function flush(): Promise<void> {
  if (flushing) return flushing
  flushing = (async () => {
    try {
      const pending = (await items()).filter((i) => i.status === 'pending')
      for (let start = 0; start < pending.length && sender; ) {
        if (typeof navigator !== 'undefined' && navigator.onLine === false) return
        const chunk = await nextChunk(pending, start)
        let results: SendResult[]
        if (chunk.key && batchSender) {
          const answered = await batchSender.send(chunk.items, chunk.key)
          if (!answered) return
          results = answered
        } else {
          const result = await sender(chunk.items[0])
          if (!result.ok && result.retry) return
          results = [result]
        }
        await exclusive(async () => {
          const all = await items()
          chunk.items.forEach((item, n) => {
            const stored = all.find((i) => i.id === item.id)
            const result = results[n]
            if (stored && result) {
              stored.status = result.ok ? 'sent' : 'refused'
              stored.message = result.ok ? undefined : result.message
            }
          })
          await save(all)
        })
        start += chunk.items.length
      }
    } finally {
      flushing = null
    }
  })()
  return flushing
}

export function watchConnection() {
  if (typeof window === 'undefined') return
  window.addEventListener('online', () => void flush())
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void flush())
  setInterval(() => void flush(), 15000)
}
