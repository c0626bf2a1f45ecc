// Every string the client shows comes from here or en.ts; tests/i18n.test.ts fails on a key missing in either.
export default {
  app: { title: 'PileRig 桩工机械监管', phoneTitle: '现场监理', language: 'English', logout: '退出登录' },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败' },
  password: {
    title: '首次登录请修改密码', current: '当前密码', next: '新密码', submit: '保存新密码',
    rule: '至少 8 位，须同时包含字母和数字',
  },
  projects: { title: '我的项目', empty: '暂无分配给您的项目', rigsInUse: '在用设备 {n} 台', choose: '选择项目开始核验' },
  scan: {
    title: '扫码核验', baseUnit: '请扫描主机（底盘）二维码', components: '依次扫描各部件二维码',
    camera: '打开摄像头', stopCamera: '关闭摄像头', torch: '手电筒', photo: '拍照/选图识别', typed: '手动输入编码',
    typedPlaceholder: '粘贴标签网址或输入编码', send: '提交', noCamera: '无法打开摄像头，请用拍照或手动输入',
    notFound: '图片中未识别到二维码', scanned: '已扫', required: '必扫', refused: '被拒绝',
    rig: '设备', owner: '产权单位', maker: '生产厂家', model: '型号', serial: '出厂编号', certificate: '合格证',
    status: '状态', warnings: '提示', toEntry: '填写进场登记', needOnline: '扫描主机需要联网',
  },
  state: { free: '空闲', in_use: '使用中', suspended: '已停用' },
  entry: {
    title: '进场登记（使用登记）', height: '安装高度（米）', heads: '动力头数量', form: '进场设备报验表（签字版）',
    upload: '上传文件', submit: '提交登记', done: '登记完成', doneDetail: '设备已登记进场', again: '核验下一台',
  },
  offline: {
    pending: '{n} 项未发送', offline: '当前离线：操作已保存在本机，联网后按顺序自动发送', sending: '发送中…',
    refused: '被拒绝：{message}', queued: '已保存，待联网发送', sent: '已发送',
  },
  pc: {
    dashboard: '监管总览', usages: '使用登记', rigs: '设备', inUseByJurisdiction: '在用设备（按辖区）',
    inUseByType: '在用设备（按类型）', perWeek: '每周进场/退场', entries: '进场', exits: '退场', openFlags: '未解除标记',
    category: '类别', age: '时长', count: '数量', clones: '疑似套牌', failedScans: '伪造/无效扫码', pastServiceLife: '超过使用年限',
    certificateExpired: '合格证过期', export: '导出', csv: 'CSV', xlsx: 'Excel', filter: '筛选', status: '状态', all: '全部',
    jurisdiction: '辖区', type: '类型', total: '共 {n} 条', ownerRigs: '我的设备', labels: '打印标签', history: '履历',
    notSupported: '此页面为监管、产权单位使用，请使用手机端 /m/ 进行现场核验',
  },
  signup: { title: '注册账号', kind: '单位类型', firm: '监理单位', owner: '产权单位', mobile: '手机号', submit: '注册' },
  profile: {
    title: '企业资料', required: '请先完善企业资料，审核信息齐全后方可使用其他功能', name: '企业名称', creditCode: '统一社会信用代码',
    confirmCheck: '信用代码校验位不符，我确认与营业执照一致', address: '办公地址', legalRepresentative: '法定代表人', contactName: '联系人',
    contactPhone: '联系电话', licence: '营业执照', qualification: '资质证书',
  },
  common: { save: '保存', saved: '已保存', actions: '操作', edit: '编辑' },
  staff: {
    title: '人员管理', create: '新增监理人员', name: '姓名', active: '正常', disabled: '已停用', disable: '停用', enable: '启用',
    reset: '重置密码', reason: '原因', shownOnce: '账号密码仅显示这一次，请复制后交给本人', copy: '复制', copied: '已复制',
  },
  project: {
    title: '项目', create: '新建项目', name: '项目名称', rigsInUse: '在用设备', permit: '施工许可证号', investmentCode: '发改统一项目编号',
    contractors: '桩基施工单位（多个用；分隔）', address: '项目地址', engineers: '监理人员',
  },
  usage: { title: '使用记录', exited: '已退场', registeredAt: '登记时间', exitedAt: '退场时间', exit: '退场', exitNote: '退场说明', exitDone: '已登记退场' },
  rig: {
    trail: '审计轨迹', register: '登记设备', printPage: '标签打印页', manufactureDate: '出厂日期', certificateNumber: '合格证编号',
    certificateFile: '合格证文件', certificateValidUntil: '合格证有效期至', ratedHeight: '额定最大高度（米）', topMounted: '顶置动力头',
    photos: '设备照片', components: '部件', clearReason: '解除原因', clear: '解除标记', stateAt: '某一时刻的状态', show: '查询',
    verify: '校验', trailValid: '校验通过（{n} 个事件）', trailBroken: '校验失败', lapsed: '过期', serviceLifeEnds: '使用年限届满', open: '查看设备',
    history: '设备履历',
  },
  component: { mast_section: '立柱节', brace: '支撑杆', power_head: '动力头', other: '其他部件' },
  flagForm: { title: '标记问题设备', category: '问题类别', reason: '原因', photos: '现场照片', submit: '提交标记', done: '已标记，设备已停用' },
  inbox: {
    title: '通知', readAll: '全部已读', empty: '暂无通知', markRead: '标为已读',
    outbound: { pending: '短信待发送', sent: '短信已发送', no_address: '无手机号' },
  },
  event: {
    rig_registered: '设备登记', component_added: '新增部件', component_replaced: '更换部件', component_removed: '拆除部件',
    verification_started: '开始核验', component_scanned: '部件扫码', component_scan_refused: '部件扫码被拒', usage_registered: '进场登记',
    rig_flagged: '标记问题', flag_cleared: '解除标记', usage_exited: '退场', rig_spot_checked: '监管抽查', rig_identity_contested: '身份冲突（疑似套牌）',
  },
  site: { usages: '在用设备', flag: '标记', exit: '退场', history: '履历', verify: '扫码核验' },
  usageStatus: { in_use: '使用中', suspended: '已停用', exited: '已退场' },
  flag: { cloned: '疑似套牌', false_information: '信息虚假', unqualified: '不合格', other: '其他' },
  age: { under_7_days: '7 天内', '7_to_30_days': '7–30 天', over_30_days: '30 天以上' },
}
