import { fileURLToPath } from 'node:url'
const __dirname = fileURLToPath(new URL('.', import.meta.url))
import { defineConfig, devices } from '@playwright/test'
import { resolve } from 'node:path'

// Debian's Chromium (apt-get install chromium fonts-noto-cjk): browser downloads do not work here.
// The fake camera plays a video of a real label printed by the host (made by e2e/global-setup.ts).
const camera = resolve(__dirname, 'e2e/.fixtures/label.y4m')
const chromium = {
  executablePath: process.env.PILERIG_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
}

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: process.env.PILERIG_E2E_RESULTS ?? 'test-results/results.json' }]],
  use: { locale: 'zh-CN', baseURL: process.env.PILERIG_E2E_URL ?? 'http://127.0.0.1:5080', launchOptions: chromium, permissions: ['camera'] },
  projects: [
    { name: 'phone', testMatch: /phone\.spec\.ts/, use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, browserName: 'chromium' } },
    { name: 'desktop', testMatch: /pc\.spec\.ts/, use: { viewport: { width: 1366, height: 900 }, browserName: 'chromium' } },
  ],
})
