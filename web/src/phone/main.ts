import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { Button, Cell, CellGroup, Field, Form, NavBar, NoticeBar, Stepper, Tag, Uploader, Empty, Icon } from 'vant'
import 'vant/lib/index.css'
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
    { path: '/', redirect: '/projects' },
    { path: '/login', component: LoginView },
    { path: '/password', component: () => import('./views/PasswordView.vue') },
    { path: '/projects', component: () => import('./views/ProjectsView.vue') },
    { path: '/projects/:projectId/verify', component: () => import('./views/VerifyView.vue'), props: true },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (to.path === '/login') return true
  if (!session.me) return '/login'
  if (session.me.mustChangePassword && to.path !== '/password') return '/password'
  return true
})

useQueueSender()
watchConnection()

const app = createApp(App)
for (const c of [Button, Cell, CellGroup, Field, Form, NavBar, NoticeBar, Stepper, Tag, Uploader, Empty, Icon]) app.use(c)
app.use(i18n).use(router).mount('#app')
