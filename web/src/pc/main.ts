import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from '../i18n'
import { session, loadMe } from '../session'

const router = createRouter({
  history: createWebHistory('/app/'),
  routes: [
    { path: '/', redirect: '/dashboard' },
    { path: '/login', component: () => import('./views/LoginView.vue') },
    { path: '/dashboard', component: () => import('./views/DashboardView.vue') },
    { path: '/usages', component: () => import('./views/UsagesView.vue') },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe()
  if (to.path === '/login') return true
  return session.me ? true : '/login'
})

createApp(App).use(ElementPlus).use(i18n).use(router).mount('#app')
