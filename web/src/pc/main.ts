import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from '../i18n'
import { session, loadMe } from '../session'
import { homeFor } from './home'

const open = ['/login', '/signup']
const router = createRouter({
  history: createWebHistory('/app/'),
  routes: [
    { path: '/', redirect: () => homeFor(session.me) },
    { path: '/login', component: () => import('./views/LoginView.vue') },
    { path: '/signup', component: () => import('./views/SignUpView.vue') },
    { path: '/password', component: () => import('./views/PasswordView.vue') },
    { path: '/profile', component: () => import('./views/ProfileView.vue') },
    { path: '/dashboard', component: () => import('./views/DashboardView.vue') },
    { path: '/usages', component: () => import('./views/UsagesView.vue') },
    { path: '/oversight-rigs', component: () => import('./views/OversightRigsView.vue') },
    { path: '/staff', component: () => import('./views/StaffView.vue') },
    { path: '/projects', component: () => import('./views/ProjectsView.vue') },
    { path: '/projects/:projectId', component: () => import('./views/ProjectView.vue'), props: true },
    { path: '/rigs', component: () => import('./views/RigsView.vue') },
    { path: '/rigs/:rigId', component: () => import('./views/RigView.vue'), props: true },
    { path: '/findings/:kind', component: () => import('./views/FindingsView.vue'), props: true },
    { path: '/reference', component: () => import('./views/ReferenceDataView.vue') },
    { path: '/regulators', component: () => import('./views/RegulatorsView.vue') },
    { path: '/inbox', component: () => import('./views/InboxView.vue') },
    { path: '/engineers-use-phone', component: () => import('./views/PhoneOnlyView.vue') },
    { path: '/:unknown(.*)*', component: () => import('../NotFoundView.vue'), props: { home: '/' } },
  ],
})

// The same gates as the API's: a generated password is changed first, a profile completed before anything else.
router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (open.includes(to.path) || to.matched.some((m) => m.path === '/:unknown(.*)*')) return true
  const me = session.me
  if (!me) return '/login'
  if (me.mustChangePassword) return to.path === '/password' ? true : '/password'
  if ((me.role === 'supervision_firm' || me.role === 'rig_owner') && !me.profileComplete) return to.path === '/profile' ? true : '/profile'
  return true
})

createApp(App).use(ElementPlus).use(i18n).use(router).mount('#app')
