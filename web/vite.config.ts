import { fileURLToPath } from 'node:url'
const __dirname = fileURLToPath(new URL('.', import.meta.url))
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'

// Two apps, one build: the PC app (index.html, served at /app/) and the phone app (m.html, served at /m/).
// es2019 because old WeChat WebViews show a blank page on newer syntax.
export default defineConfig({
  plugins: [vue()],
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
