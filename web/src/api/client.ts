// The typed client of the host's API, generated from openapi/v1.json (npm run api): no request is written by hand.
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'

let xsrfToken: string | null = null
let language = 'zh-CN'

export function setApiLanguage(value: string) {
  language = value
}

const sameOriginSession: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', language)
    if (xsrfToken && request.method !== 'GET') request.headers.set('X-XSRF-TOKEN', xsrfToken)
    return request
  },
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' })
api.use(sameOriginSession)

/** After login (cookie), the browser fetches the anti-forgery token every write must carry. */
export async function refreshAntiforgery() {
  const { data } = await api.GET('/api/v1/auth/antiforgery')
  xsrfToken = (data as { token?: string } | undefined)?.token ?? null
}

export interface Problem {
  title?: string
  detail?: string
  code?: string
  /** One entry per field and rule (ADR 0008). */
  errors?: { field: string; code: string; message: string }[]
}

/** The profile's credit code has a check character that does not match: the firm may confirm it instead. */
export function isCreditCodeCheckFailure(p: Problem | undefined): boolean {
  const code = 'enterprises.credit_code_check_failed'
  return p?.code === code || !!p?.errors?.some((e) => e.code === code)
}

/** One line for the user, in the language the server answered in (RFC 9457 problem details). */
export function describeProblem(error: unknown): string {
  const p = error as Problem | undefined
  if (!p) return ''
  // Field errors already carry the rule in the user's language; the summary would only repeat them.
  const fields = Array.isArray(p.errors) ? [...new Set(p.errors.map((e) => e.message))] : []
  return fields.length ? fields.join('；') : (p.detail ?? p.title ?? '')
}
