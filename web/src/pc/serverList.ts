// A list the server filters, sorts and pages, and exports with the same columns (CSV with BOM, Excel).
import { onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api/client'

type ListPath = '/api/v1/oversight/usages' | '/api/v1/oversight/rigs'

export function useServerList<Row>(path: ListPath, filters: Record<string, string>) {
  const { locale } = useI18n()
  const rows = ref<Row[]>([])
  const total = ref(0)
  const query = reactive({ ...filters, sort: '-registeredAt', page: 1, pageSize: 20 }) as Record<string, string | number>

  function params(format?: 'csv' | 'xlsx'): Record<string, string> {
    const p: Record<string, string> = {}
    for (const [k, v] of Object.entries(query)) if (v !== '') p[k] = String(v)
    // A download is a plain navigation: the file's headers follow the screen's language, not the browser's.
    if (format) Object.assign(p, { format, 'ui-culture': locale.value })
    return p
  }

  async function load() {
    const { data } = await api.GET(path, { params: { query: params() as never } })
    const page = data as unknown as { items: Row[]; total: number } | undefined
    rows.value = page?.items ?? []
    total.value = Number(page?.total ?? 0)
  }

  function exportAs(format: 'csv' | 'xlsx') {
    window.location.href = `${path}?${new URLSearchParams(params(format))}`
  }

  function onSort({ prop, order }: { prop: string; order: string | null }) {
    query.sort = order ? `${order === 'descending' ? '-' : ''}${prop}` : '-registeredAt'
  }

  watch(query, load, { deep: true })
  onMounted(load)
  return { rows, total, query, exportAs, onSort }
}
