import { api, describeProblem } from './client'
import { downscaleImage } from '../images'

/** Vant's uploader hands over one item or a list of them; these are their files. */
export function filesOf(items: { file?: File } | { file?: File }[]): File[] {
  return (Array.isArray(items) ? items : [items]).flatMap((i) => (i.file ? [i.file] : []))
}

/** Uploads one file (images shrunk first) and answers its id, or throws the server's message. */
export async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  const body = new FormData()
  const ready = await downscaleImage(file)
  body.append('file', ready, ready.name)
  const { data, error } = await api.POST('/api/v1/files', { body: body as never, bodySerializer: (b: unknown) => b as FormData })
  if (!data) throw new Error(describeProblem(error))
  return { id: (data as { id: string }).id, name: file.name }
}
