import type { Me } from '../session'

/** Where each role starts, and what its menu holds. */
export function homeFor(me: Me | null): string {
  switch (me?.role) {
    case 'regulator':
    case 'admin':
      return '/dashboard'
    case 'supervision_firm':
      return '/projects'
    case 'rig_owner':
      return '/rigs'
    case 'engineer':
      return '/engineers-use-phone'
    default:
      return '/login'
  }
}

export function menuFor(me: Me | null): { path: string; key: string }[] {
  const inbox = { path: '/inbox', key: 'inbox.title' }
  switch (me?.role) {
    case 'admin':
      return [{ path: '/dashboard', key: 'pc.dashboard' }, { path: '/usages', key: 'pc.usages' }, { path: '/oversight-rigs', key: 'pc.rigs' },
        { path: '/regulators', key: 'regulators.title' }, { path: '/reference', key: 'reference.title' }, inbox]
    case 'regulator':
      return [{ path: '/dashboard', key: 'pc.dashboard' }, { path: '/usages', key: 'pc.usages' }, { path: '/oversight-rigs', key: 'pc.rigs' }, inbox]
    case 'supervision_firm':
      return [{ path: '/projects', key: 'project.title' }, { path: '/staff', key: 'staff.title' }, { path: '/profile', key: 'profile.title' }, inbox]
    case 'rig_owner':
      return [{ path: '/rigs', key: 'pc.ownerRigs' }, { path: '/profile', key: 'profile.title' }, inbox]
    default:
      return []
  }
}
