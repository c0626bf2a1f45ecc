/**
 * What a scan produced, as the API wants it: a label carries the full URL (https://host/q/R….k…), a person may type
 * only the code after /q/. Both are sent as the code; anything else is sent as typed and refused by the server.
 */
export function normaliseScanned(raw: string): string {
  const text = raw.trim()
  const at = text.toLowerCase().lastIndexOf('/q/')
  const code = at >= 0 ? text.slice(at + 3) : text
  return code.split(/[?#]/)[0].replace(/\s+/g, '')
}
