// A list the server filters, sorts and pages, and (for oversight lists) exports with the same columns (CSV with BOM,
// Excel). Pages are read by key: the server answers { items, total, nextCursor } and the next page starts after the
// last row, so page 500 costs what page 1 does; "previous" goes back through the cursors already seen.
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../api/client'

type ListPath = '/api/v1/oversight/usages' | '/api/v1/oversight/rigs' | '/api/v1/rigs' | '/api/v1/suspected-clones' | '/api/v1/scan-attempts'

export function useServerList<Row>(path: ListPath, filters: Record<string, string> = {}, sort?: string) {
  const { locale } = useI18n()
  const rows = ref<Row[]>([])
  const total = ref(0)
  const loading = ref(false)
  const query = reactive({ ...filters, ...(sort ? { sort } : {}), pageSize: 20 }) as Record<string, string | number>
  // cursors[i] starts page i (page 0 has none); nextCursor starts the page after the current one.
  const cursors = ref<(string | undefined)[]>([undefined])
  const nextCursor = ref<string | undefined>()

  function params(format?: 'csv' | 'xlsx'): Record<string, string> {
    const p: Record<string, string> = {}
    for (const [k, v] of Object.entries(query)) if (v !== '') p[k] = String(v)
    const cursor = cursors.value[cursors.value.length - 1]
    if (cursor && !format) p.cursor = cursor
    // A download is a plain navigation: the file's headers follow the screen's language, not the browser's.
    if (format) Object.assign(p, { format, 'ui-culture': locale.value })
    return p
  }

  async function load() {
    loading.value = true
    try {
      const { data } = await api.GET(path, { params: { query: params() as never } })
      const page = data as unknown as { items: Row[]; total: number; nextCursor?: string | null } | undefined
      rows.value = page?.items ?? []
      total.value = Number(page?.total ?? 0)
      nextCursor.value = page?.nextCursor ?? undefined
    } finally {
      loading.value = false
    }
  }

  function exportAs(format: 'csv' | 'xlsx') {
    window.location.href = `${path}?${new URLSearchParams(params(format))}`
  }

  function onSort({ prop, order }: { prop: string; order: string | null }) {
    query.sort = order ? `${order === 'descending' ? '-' : ''}${prop}` : (sort ?? '')
  }

  const page = computed(() => cursors.value.length)
  const hasPrev = computed(() => cursors.value.length > 1)
  const hasNext = computed(() => !!nextCursor.value)
  async function next() {
    if (!nextCursor.value) return
    cursors.value = [...cursors.value, nextCursor.value]
    await load()
  }
  async function prev() {
    if (cursors.value.length <= 1) return
    cursors.value = cursors.value.slice(0, -1)
    await load()
  }

  // A new filter or sort starts again from the first page.
  watch(query, () => { cursors.value = [undefined]; void load() }, { deep: true })
  onMounted(load)
  return { rows, total, query, loading, exportAs, onSort, page, hasPrev, hasNext, next, prev, reload: load }
}
