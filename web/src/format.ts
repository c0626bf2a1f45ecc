/** A moment as people in Ningbo read it: China time, to the minute, whatever the browser's zone. */
export function time(at?: string | null): string {
  if (!at) return ''
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const china = new Date(d.getTime() + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${china.getUTCFullYear()}-${p(china.getUTCMonth() + 1)}-${p(china.getUTCDate())} ${p(china.getUTCHours())}:${p(china.getUTCMinutes())}`
}
