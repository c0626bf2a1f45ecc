import { describe, expect, it } from 'vitest'
import { normaliseScanned } from '../src/scan/codes'

describe('scanned text', () => {
  it('takes the code out of a full label URL and leaves a bare code as it is', () => {
    expect(normaliseScanned('https://pilerig.nbjzgl.cn/q/RABCDEFGHJK.1ABCDEFGHJK')).toBe('RABCDEFGHJK.1ABCDEFGHJK')
    expect(normaliseScanned('  RABCDEFGHJK.1ABCDEFGHJK \n')).toBe('RABCDEFGHJK.1ABCDEFGHJK')
    expect(normaliseScanned('http://127.0.0.1:5080/Q/CABCDEFGHJK.1ABCDEFGHJK?from=wechat')).toBe('CABCDEFGHJK.1ABCDEFGHJK')
  })
})

import { time } from '../src/format'

describe('times on screen', () => {
  it('are China time to the minute, whatever zone the server wrote them in', () => {
    expect(time('2021-06-21T00:00:00+00:00')).toBe('2021-06-21 08:00')
    expect(time('2021-06-21T23:59:30.5+08:00')).toBe('2021-06-21 23:59')
    expect(time(null)).toBe('')
  })
})
