import type zh from './zh-CN'

const en: typeof zh = {
  app: { title: 'PileRig rig supervision', phoneTitle: 'On site', language: '中文', logout: 'Log out' },
  login: { title: 'Log in', username: 'Username', password: 'Password', submit: 'Log in', failed: 'Login failed' },
  password: {
    title: 'Change your password before you start', current: 'Current password', next: 'New password', submit: 'Save',
    rule: 'At least 8 characters with letters and digits',
  },
  projects: { title: 'My projects', empty: 'No project is assigned to you', rigsInUse: '{n} rigs in use', choose: 'Choose a project to verify a rig' },
  scan: {
    title: 'Scan and verify', baseUnit: "Scan the base unit's QR code", components: 'Scan each component, one after another',
    camera: 'Open camera', stopCamera: 'Close camera', torch: 'Torch', photo: 'Take or pick a photo', typed: 'Type the code',
    typedPlaceholder: 'Paste the label URL or type the code', send: 'Submit', noCamera: 'No camera: take a photo or type the code',
    notFound: 'No QR code found in the picture', scanned: 'scanned', required: 'required', refused: 'refused',
    rig: 'Rig', owner: 'Owner', maker: 'Maker', model: 'Model', serial: 'Factory serial', certificate: 'Certificate',
    status: 'Status', warnings: 'Warnings', toEntry: 'Register entry', needOnline: 'Scanning the base unit needs a connection',
  },
  state: { free: 'Free', in_use: 'In use', suspended: 'Suspended' },
  entry: {
    title: 'Entry registration', height: 'Installed height (m)', heads: 'Power heads', form: 'Signed entry inspection form',
    upload: 'Upload file', submit: 'Register', done: 'Registered', doneDetail: 'The rig is registered on the project', again: 'Verify another rig',
  },
  offline: {
    pending: '{n} not yet sent', offline: 'Offline: kept on this device and sent in order when the connection returns', sending: 'Sending…',
    refused: 'Refused: {message}', queued: 'Saved, waiting for a connection', sent: 'Sent',
  },
  pc: {
    dashboard: 'Overview', usages: 'Usage registrations', rigs: 'Rigs', inUseByJurisdiction: 'In use by jurisdiction',
    inUseByType: 'In use by type', perWeek: 'Entries and exits per week', entries: 'Entries', exits: 'Exits', openFlags: 'Open flags',
    category: 'Category', age: 'Age', count: 'Count', clones: 'Suspected clones', failedScans: 'Forged or invalid scans',
    pastServiceLife: 'Past service life', certificateExpired: 'Certificate expired', export: 'Export', csv: 'CSV', xlsx: 'Excel',
    filter: 'Filter', status: 'Status', all: 'All', jurisdiction: 'Jurisdiction', type: 'Type', total: '{n} in all',
    ownerRigs: 'My rigs', labels: 'Print labels', history: 'History',
    notSupported: 'This site is for regulators and rig owners; engineers use the phone app at /m/',
  },
  flag: { cloned: 'Suspected clone', false_information: 'False information', unqualified: 'Unqualified', other: 'Other' },
  age: { under_7_days: 'Under 7 days', '7_to_30_days': '7–30 days', over_30_days: 'Over 30 days' },
}

export default en
