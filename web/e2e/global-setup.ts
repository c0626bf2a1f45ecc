import { fileURLToPath } from 'node:url'
const __dirname = fileURLToPath(new URL('.', import.meta.url))
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PNG } from 'pngjs'
import { baseUrl, ownerToken, seed } from './api'

/**
 * Seeds one rig through the API and turns its printed base-unit label (the host's own PNG) into the video Chromium's
 * fake camera plays: Y4M, 640×480, the label on white, as a phone held over it would see.
 */
export default async function globalSetup() {
  const data = await seed()
  const token = await ownerToken(data)
  const response = await fetch(`${baseUrl}/api/v1/rigs/${data.rigId}/labels/${data.baseUnitCode}.png`, { headers: { Authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`label: ${response.status}`)
  const label = PNG.sync.read(Buffer.from(await response.arrayBuffer()))
  const dir = resolve(__dirname, '.fixtures')
  mkdirSync(dir, { recursive: true })
  writeFileSync(resolve(dir, 'label.y4m'), toY4m(label, 640, 480))
  writeFileSync(resolve(dir, 'seed.json'), JSON.stringify(data, null, 2))
}

function toY4m(label: PNG, width: number, height: number): Buffer {
  const rgb = new Uint8Array(width * height * 3).fill(255)
  const scale = Math.min((height - 40) / label.height, (width - 40) / label.width)
  const w = Math.floor(label.width * scale)
  const h = Math.floor(label.height * scale)
  const ox = Math.floor((width - w) / 2)
  const oy = Math.floor((height - h) / 2)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = (Math.floor(y / scale) * label.width + Math.floor(x / scale)) * 4
      const a = label.data[s + 3] / 255
      const d = ((oy + y) * width + ox + x) * 3
      for (let c = 0; c < 3; c++) rgb[d + c] = Math.round(label.data[s + c] * a + 255 * (1 - a))
    }
  }
  const yPlane = Buffer.alloc(width * height)
  const uPlane = Buffer.alloc((width / 2) * (height / 2))
  const vPlane = Buffer.alloc((width / 2) * (height / 2))
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      yPlane[y * width + x] = Math.round(0.299 * rgb[i] + 0.587 * rgb[i + 1] + 0.114 * rgb[i + 2])
    }
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      const i = (2 * y * width + 2 * x) * 3
      const [r, g, b] = [rgb[i], rgb[i + 1], rgb[i + 2]]
      uPlane[y * (width / 2) + x] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)
      vPlane[y * (width / 2) + x] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), yPlane, uPlane, vPlane])
  return Buffer.concat([header, frame, frame])
}
