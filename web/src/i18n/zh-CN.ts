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
  flag: { cloned: '疑似套牌', false_information: '信息虚假', unqualified: '不合格', other: '其他' },
  age: { under_7_days: '7 天内', '7_to_30_days': '7–30 天', over_30_days: '30 天以上' },
}
