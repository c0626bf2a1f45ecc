import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { Button, Cell, CellGroup, Dialog, Field, Form, NavBar, NoticeBar, Step, Steps, Stepper, Tag, Uploader, Empty, Icon } from 'vant'
// Only the styles of the components used: the full sheet is 50 kB gzipped on the first screen of a phone.
import 'vant/es/button/style/index.mjs'
import 'vant/es/cell/style/index.mjs'
import 'vant/es/cell-group/style/index.mjs'
import 'vant/es/dialog/style/index.mjs'
import 'vant/es/field/style/index.mjs'
import 'vant/es/form/style/index.mjs'
import 'vant/es/nav-bar/style/index.mjs'
import 'vant/es/notice-bar/style/index.mjs'
import 'vant/es/step/style/index.mjs'
import 'vant/es/steps/style/index.mjs'
import 'vant/es/stepper/style/index.mjs'
import 'vant/es/tag/style/index.mjs'
import 'vant/es/uploader/style/index.mjs'
import 'vant/es/empty/style/index.mjs'
import 'vant/es/icon/style/index.mjs'
import App from './App.vue'
// The first screen is in the entry bundle: one round trip fewer on a slow connection.
import LoginView from './views/LoginView.vue'
import { i18n } from '../i18n'
import { session, loadMe } from '../session'
import { watchConnection } from '../offline/queue'
import { useQueueSender } from './sender'

const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', redirect: () => (session.me?.role === 'regulator' ? '/spot-check' : '/projects') },
    { path: '/profile', component: () => import('./views/ProfileView.vue') },
    { path: '/spot-check', component: () => import('./views/SpotCheckView.vue') },
    { path: '/login', component: LoginView },
    { path: '/password', component: () => import('./views/PasswordView.vue') },
    { path: '/projects', component: () => import('./views/ProjectsView.vue') },
    { path: '/projects/:projectId', component: () => import('./views/ProjectView.vue'), props: true },
    { path: '/projects/:projectId/verify', component: () => import('./views/VerifyView.vue'), props: true },
    { path: '/rigs/:rigId/flag', component: () => import('./views/FlagView.vue'), props: true },
    { path: '/rigs/:rigId/history', component: () => import('./views/RigHistoryView.vue'), props: true },
    { path: '/:unknown(.*)*', component: () => import('../NotFoundView.vue'), props: { home: '/' } },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (to.path === '/login' || to.matched.some((m) => m.path === '/:unknown(.*)*')) return true
  if (!session.me) return '/login'
  if (session.me.mustChangePassword) return to.path === '/password' ? true : '/password'
  const enterprise = session.me.role === 'supervision_firm' || session.me.role === 'rig_owner'
  if (enterprise && !session.me.profileComplete) return to.path === '/profile' ? true : '/profile'
  if (session.me.role === 'regulator' && to.path === '/projects') return '/spot-check'
  return true
})

useQueueSender()
watchConnection()

const app = createApp(App)
for (const c of [Button, Cell, CellGroup, Dialog, Field, Form, NavBar, NoticeBar, Step, Steps, Stepper, Tag, Uploader, Empty, Icon]) app.use(c)
app.use(i18n).use(router).mount('#app')
