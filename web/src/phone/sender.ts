// How queued on-site work reaches the server: through the typed client, each with its Idempotency-Key.
import { api, describeProblem } from '../api/client'
import { useBatchSender, useSender, type QueuedRequest, type SendResult } from '../offline/queue'

export type QueuedOperation =
  | { op: 'scan'; verificationId: string; scanned: string }
  | { op: 'entry'; verificationId: string; installedHeightMetres: number; powerHeadCount: number; entryInspectionFormFileId: string }

export function useQueueSender() {
  // Scans made without a signal go out a hundred to a request (POST …/scans/batch), each answered on its own.
  useBatchSender({
    max: 100,
    groupOf: (item) => ((item.body as QueuedOperation).op === 'scan' ? `scan:${(item.body as { verificationId: string }).verificationId}` : null),
    send: async (items, key): Promise<SendResult[] | null> => {
      const verificationId = (items[0].body as { verificationId: string }).verificationId
      try {
        const { data, response, error } = await api.POST('/api/v1/verifications/{verificationId}/scans/batch', {
          params: { path: { verificationId } },
          body: { scanned: items.map((i) => (i.body as { scanned: string }).scanned) },
          headers: { 'Idempotency-Key': key },
        })
        if (response.ok && data) {
          return data.results.map((r) => (r.accepted ? { ok: true as const } : { ok: false as const, retry: false, message: r.message ?? '' }))
        }
        if (response.status >= 500 || response.status === 429 || response.status === 408) return null
        const message = describeProblem(error)
        return items.map(() => ({ ok: false as const, retry: false, message }))
      } catch {
        return null // no connection
      }
    },
  })

  useSender(async (item: QueuedRequest) => {
    const body = item.body as QueuedOperation
    const headers = { 'Idempotency-Key': item.idempotencyKey }
    try {
      const { response, error } =
        body.op === 'scan'
          ? await api.POST('/api/v1/verifications/{verificationId}/scans', {
              params: { path: { verificationId: body.verificationId } }, body: { scanned: body.scanned }, headers,
            })
          : await api.POST('/api/v1/verifications/{verificationId}/usage', {
              params: { path: { verificationId: body.verificationId } },
              body: { installedHeightMetres: body.installedHeightMetres, powerHeadCount: body.powerHeadCount, entryInspectionFormFileId: body.entryInspectionFormFileId },
              headers,
            })
      if (response.ok) return { ok: true }
      // A server that is down or busy (5xx, 429, 408) is tried again; a refusal is final and shown against the item. A
      // resend of work that was saved is answered with the saved answer (the key is stored with the write), never a 409.
      const retry = response.status >= 500 || response.status === 429 || response.status === 408
      return { ok: false, retry, message: describeProblem(error) }
    } catch {
      return { ok: false, retry: true, message: '' } // no connection
    }
  })
}
