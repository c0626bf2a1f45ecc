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

export type Sender = (item: QueuedRequest) => Promise<{ ok: true } | { ok: false; retry: boolean; message: string }>

let sender: Sender | null = null

export function useSender(s: Sender) {
  sender = s
}

/** Sends pending items in order; stops at the first one that cannot reach the server (the rest wait behind it). */
export function flush(): Promise<void> {
  if (flushing) return flushing
  flushing = (async () => {
    try {
      for (const item of await items()) {
        if (item.status !== 'pending' || !sender) continue
        if (typeof navigator !== 'undefined' && navigator.onLine === false) return
        const result = await sender(item)
        if (!result.ok && result.retry) return
        await exclusive(async () => {
          const all = await items()
          const stored = all.find((i) => i.id === item.id)
          if (stored) {
            stored.status = result.ok ? 'sent' : 'refused'
            stored.message = result.ok ? undefined : result.message
            await save(all)
          }
        })
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
