import type zh from './zh-CN'

const en: typeof zh = {
  app: { title: 'PileRig rig supervision', phoneTitle: 'On site', language: '中文', logout: 'Log out', back: 'Back' },
  notFound: { title: 'Page not found', body: 'Nothing lives at this address; it may have moved or been mistyped.', home: 'Go to the start page' },
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
    filter: 'Filter', status: 'Status', all: 'All', jurisdiction: 'Jurisdiction', type: 'Type', prevPage: 'Previous', nextPage: 'Next', pageNumber: 'Page {n}', total: '{n} in all',
    ownerRigs: 'My rigs', labels: 'Print labels', history: 'History',
    notSupported: 'This site is for regulators and rig owners; engineers use the phone app at /m/',
  },
  signup: { title: 'Sign up', kind: 'Organisation', firm: 'Supervision firm', owner: 'Rig owner', mobile: 'Mobile', submit: 'Sign up' },
  profile: {
    title: 'Company profile', required: 'Complete the company profile before anything else', name: 'Company name', creditCode: 'Unified social credit code',
    confirmCheck: "The code's check character does not match; I confirm it is as printed on our licence", address: 'Office address',
    legalRepresentative: 'Legal representative', contactName: 'Contact', contactPhone: 'Contact phone', licence: 'Business licence',
    qualification: 'Qualification certificate',
  },
  common: { save: 'Save', saved: 'Saved', actions: 'Actions', edit: 'Edit' },
  staff: {
    title: 'Staff', create: 'New engineer', name: 'Name', active: 'Active', disabled: 'Disabled', disable: 'Disable', enable: 'Enable',
    reset: 'Reset password', reason: 'Reason', shownOnce: 'Shown this once only: copy it and hand it to the engineer', copy: 'Copy', copied: 'Copied',
  },
  project: {
    title: 'Projects', create: 'New project', name: 'Project name', rigsInUse: 'Rigs in use', permit: 'Construction permit no.',
    investmentCode: 'Investment project code', contractors: 'Piling contractors (separate with ;)', address: 'Address', engineers: 'Engineers',
  },
  usage: { title: 'Usage records', exited: 'Exited', registeredAt: 'Registered', exitedAt: 'Exited', exit: 'Exit', exitNote: 'Exit note', exitDone: 'Exit registered' },
  rig: {
    addComponent: 'Add component', replace: 'Replace', remove: 'Remove', newSerial: 'New serial', 
    trail: 'Audit trail', register: 'Register a rig', printPage: 'Label sheet', manufactureDate: 'Manufactured', certificateNumber: 'Certificate no.',
    certificateFile: 'Certificate file', certificateValidUntil: 'Certificate valid until', ratedHeight: 'Rated max height (m)',
    topMounted: 'Top-mounted power head', photos: 'Photos', components: 'Components', clearReason: 'Why the flag is cleared', clear: 'Clear flag',
    stateAt: 'State at a past moment', show: 'Show', verify: 'Verify', trailValid: 'Verified ({n} events)', trailBroken: 'Verification failed',
    lapsed: 'Lapsed', serviceLifeEnds: 'Service life ends', open: 'Open rig', history: 'Rig history',
  },
  component: { mast_section: 'Mast section', brace: 'Brace', power_head: 'Power head', other: 'Other component' },
  flagForm: { title: 'Flag a problem rig', category: 'Category', reason: 'Reason', photos: 'Photos on site', submit: 'Flag', done: 'Flagged: the rig is suspended' },
  inbox: {
    title: 'Notifications', readAll: 'Mark all read', empty: 'No notifications', markRead: 'Mark read',
    outbound: { pending: 'SMS pending', sent: 'SMS sent', no_address: 'No mobile number' },
  },
  event: {
    rig_registered: 'Registered', component_added: 'Component added', component_replaced: 'Component replaced', component_removed: 'Component removed',
    verification_started: 'Verification started', component_scanned: 'Component scanned', component_scan_refused: 'Component scan refused',
    usage_registered: 'Entry registered', rig_flagged: 'Flagged', flag_cleared: 'Flag cleared', usage_exited: 'Exited', rig_spot_checked: 'Spot-checked',
    rig_identity_contested: 'Identity contested (suspected clone)',
  },
  site: { usages: 'Rigs in use', flag: 'Flag', exit: 'Exit', history: 'History', verify: 'Scan and verify' },
  usageStatus: { in_use: 'In use', suspended: 'Suspended', exited: 'Exited' },
  regulators: { title: 'Regulators', create: 'New regulator', organisation: 'Organisation' },
  spotCheck: { title: 'Spot check' },
  findings: { matchedOn: 'Matched on', outcome: 'Outcome', scanned: 'Scanned', address: 'From address' },
  reference: { title: 'Reference data', code: 'Code', add: 'Add', retire: 'Retire', retired: 'Retired', county: 'County', functionalZone: 'Functional zone' },
  flag: { cloned: 'Suspected clone', false_information: 'False information', unqualified: 'Unqualified', other: 'Other' },
  age: { under_7_days: 'Under 7 days', '7_to_30_days': '7–30 days', over_30_days: 'Over 30 days' },
}

export default en
