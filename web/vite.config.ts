import { fileURLToPath } from 'node:url'
const __dirname = fileURLToPath(new URL('.', import.meta.url))
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'

// Vant's icon font is inlined (woff2 as a data: URL) with a fallback fetched from Alibaba's CDN, which a site without
// signal cannot reach and the host's Content-Security-Policy refuses: the fallback is dropped at build time.
const noCdnFonts: Plugin = {
  name: 'pilerig-no-cdn-fonts',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('vant') || !id.split('?')[0].endsWith('.css')) return null
    return code.replace(/,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\(["']woff["']\)/g, '')
  },
}

// Two apps, one build: the PC app (index.html, served at /app/) and the phone app (m.html, served at /m/).
// es2019 because old WeChat WebViews show a blank page on newer syntax.
export default defineConfig({
  plugins: [noCdnFonts, vue()],
  base: '/',
  build: {
    target: 'es2019',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { pc: resolve(__dirname, 'index.html'), phone: resolve(__dirname, 'm.html') },
    },
  },
  test: { include: ['tests/**/*.test.ts'], environment: 'node' },
})
