import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { screenshot } from './seed'

test('the admin sees the oversight dashboard and exports the usage list as CSV with a BOM', async ({ page }) => {
  const password = process.env.PILERIG_E2E_ADMIN_PASSWORD ?? ''
  test.skip(!password, 'PILERIG_E2E_ADMIN_PASSWORD is set by scripts/test')
  await page.goto('/app/login')
  await page.getByTestId('username').fill('admin')
  await page.getByTestId('password').fill(password)
  await page.getByTestId('login').click()
  await expect(page.getByTestId('dashboard')).toBeVisible()
  await expect(page.getByText('在用设备（按辖区）')).toBeVisible()
  await page.screenshot({ path: screenshot('pc-dashboard'), fullPage: true })

  await page.getByText('使用登记').first().click()
  await expect(page.getByTestId('usages').locator('tbody tr').first()).toBeVisible()
  await page.screenshot({ path: screenshot('pc-usages') })
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const file = await (await download).path()
  const bytes = readFileSync(file!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(bytes.toString('utf8')).toContain('项目,辖区,设备类型')
})
