import { reactive } from 'vue'
import { api, refreshAntiforgery } from './api/client'

export interface Me {
  accountId: string
  username: string
  displayName: string
  role: string
  mustChangePassword: boolean
  profileComplete: boolean
  jurisdictions: string[]
}

/** Who is signed in (cookie session, shared by the phone and the PC app). */
export const session = reactive({ me: null as Me | null, loaded: false })

export async function loadMe(): Promise<Me | null> {
  const { data, response } = await api.GET('/api/v1/accounts/me')
  session.me = response.ok ? (data as Me) : null
  session.loaded = true
  if (session.me) await refreshAntiforgery()
  return session.me
}

export async function logIn(username: string, password: string) {
  const { error, response } = await api.POST('/api/v1/auth/login', { params: { query: { useCookies: true } }, body: { username, password } })
  if (!response.ok) return { ok: false as const, error }
  return { ok: true as const, me: await loadMe() }
}

export async function logOut() {
  await api.POST('/api/v1/auth/logout')
  session.me = null
}
