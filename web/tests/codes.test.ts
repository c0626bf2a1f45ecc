import { describe, expect, it } from 'vitest'
import { kindOf, normaliseScanned } from '../src/scan/codes'

describe('scanned text', () => {
  it('takes the code out of a full label URL and leaves a bare code as it is', () => {
    expect(normaliseScanned('https://pilerig.nbjzgl.cn/q/RABCDEFGHJK.1ABCDEFGHJK')).toBe('RABCDEFGHJK.1ABCDEFGHJK')
    expect(normaliseScanned('  RABCDEFGHJK.1ABCDEFGHJK \n')).toBe('RABCDEFGHJK.1ABCDEFGHJK')
    expect(normaliseScanned('http://127.0.0.1:5080/Q/CABCDEFGHJK.1ABCDEFGHJK?from=wechat')).toBe('CABCDEFGHJK.1ABCDEFGHJK')
  })

  it('tells a base unit from a component', () => {
    expect(kindOf('https://x/q/RABCDEFGHJK.1ABCDEFGHJK')).toBe('rig')
    expect(kindOf('CABCDEFGHJK.1ABCDEFGHJK')).toBe('component')
    expect(kindOf('hello')).toBe('unknown')
  })
})
