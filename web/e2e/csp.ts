import { expect, test as base } from '@playwright/test'

// Every page of every browser test runs under the host's Content-Security-Policy; a violation (a blocked script,
// style, image, WebAssembly compile, connection) fails the test that caused it.
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text())
      })
      await use(violations)
      expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
