import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'
import { setApiLanguage } from '../api/client'

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('pilerig.locale') : null
const locale = saved === 'en' ? 'en' : 'zh-CN'
setApiLanguage(locale)

export const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zh, en } })

export function toggleLanguage() {
  const next = i18n.global.locale.value === 'en' ? 'zh-CN' : 'en'
  i18n.global.locale.value = next
  localStorage.setItem('pilerig.locale', next)
  setApiLanguage(next)
  document.documentElement.lang = next
}
