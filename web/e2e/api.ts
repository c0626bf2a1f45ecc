// Sets up what a test needs through the host's public API, as the people would: a firm with an engineer on a
// project, an owner with a registered rig. Node's fetch with bearer tokens.
export const baseUrl = process.env.PILERIG_E2E_URL ?? 'http://127.0.0.1:5080'
export const password = 'pileRig2026'
const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')
export const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

const rnd = (n: number) => Math.random().toString(36).slice(2, 2 + n)
export const mobile = () => '13' + String(Math.floor(Math.random() * 1e9)).padStart(9, '0')

export function creditCode() {
  let body = '91330'
  for (let i = 0; i < 12; i++) body += creditAlphabet[Math.floor(Math.random() * creditAlphabet.length)]
  const sum = [...body].reduce((s, c, i) => s + creditAlphabet.indexOf(c) * weights[i], 0)
  const v = 31 - (sum % 31)
  return body + creditAlphabet[v === 31 ? 0 : v]
}

export async function call<T = any>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData
  const response = await fetch(baseUrl + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body && !isForm ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? (isForm ? body : JSON.stringify(body)) : undefined,
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

export async function logIn(username: string, pass: string) {
  return (await call<{ accessToken: string }>('POST', '/api/v1/auth/login', undefined, { username, password: pass })).accessToken
}

export async function upload(token: string, bytes: Uint8Array, name: string) {
  const form = new FormData()
  form.append('file', new Blob([bytes]), name)
  return (await call<{ id: string }>('POST', '/api/v1/files', token, form)).id
}

export async function enterprise(kind: 'supervision_firm' | 'rig_owner') {
  const username = (kind === 'rig_owner' ? 'owner' : 'firm') + rnd(10)
  await call('POST', '/api/v1/accounts/register', undefined, { username, password, mobile: mobile(), kind })
  const token = await logIn(username, password)
  await call('PUT', '/api/v1/enterprises/me/profile', token, {
    name: `宁波${rnd(6)}${kind === 'rig_owner' ? '机械租赁有限公司' : '工程监理有限公司'}`, creditCode: creditCode(), address: '宁波市鄞州区天童南路 1 号',
    legalRepresentative: '张三', contactName: '李四', contactPhone: '0574-87654321', documentFileId: await upload(token, pdf, '证书.pdf'),
  })
  return { username, token }
}

export interface Seed {
  firm: { username: string }
  engineer: { username: string; password: string }
  projectId: string
  projectName: string
  owner: { username: string }
  rigId: string
  serial: string
  baseUnitUrl: string
  baseUnitCode: string
  components: { serial: string; url: string; structural: boolean }[]
}

export async function seed(): Promise<Seed> {
  const firm = await enterprise('supervision_firm')
  const engineer = await call('POST', '/api/v1/engineers', firm.token, { name: '王工', mobile: mobile() })
  const engineerToken = await logIn(engineer.username, engineer.password)
  await call('POST', '/api/v1/accounts/me/password', engineerToken, { currentPassword: engineer.password, newPassword: password })
  const project = await call('POST', '/api/v1/projects', firm.token, {
    name: '鄞州区某地块项目一标段 ' + rnd(4), constructionPermitNumber: '330212202403150101', pilingContractors: '宁波建工股份有限公司',
    jurisdictionCode: '330212', address: '宁波市鄞州区首南街道', engineerIds: [engineer.accountId],
  })
  const owner = await enterprise('rig_owner')
  const serial = 'SN' + rnd(8).toUpperCase()
  const rig = await call('POST', '/api/v1/rigs', owner.token, {
    typeCode: 'multi_axis_mixing', maker: '浙江振中工程机械', model: 'ZZ-85', factorySerial: serial, manufactureDate: '2019-05-20',
    certificateNumber: 'HG' + rnd(8).toUpperCase(), certificateFileId: await upload(owner.token, pdf, '合格证.pdf'), certificateValidUntil: '2030-12-31',
    ratedMaxHeightMetres: 33.5, topMountedPowerHead: false, powerHeadCount: 1, photoFileIds: [await upload(owner.token, png, 'rig.png')],
    components: [{ kind: 'mast_section', serial: 'M-01' }, { kind: 'mast_section', serial: 'M-02' }, { kind: 'brace', serial: 'B-01' }, { kind: 'power_head', serial: 'P-01' }],
  })
  return {
    firm: { username: firm.username }, engineer: { username: engineer.username, password }, projectId: project.projectId, projectName: project.name,
    owner: { username: owner.username }, rigId: rig.rigId, serial, baseUnitUrl: rig.baseUnit.url, baseUnitCode: rig.baseUnit.itemCode,
    components: rig.components.map((c: any) => ({ serial: c.serial, url: c.code.url, structural: c.structural })),
  }
}

export async function ownerToken(seed: Seed) {
  return logIn(seed.owner.username, password)
}
