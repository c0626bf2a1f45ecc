// QR decoding: the browser's own BarcodeDetector where it has one (Chrome on Android), otherwise the ZXing
// WebAssembly ponyfill, whose .wasm file the host serves itself (a CDN is not reachable from every site network).
import { BarcodeDetector as Ponyfill, prepareZXingModule } from 'barcode-detector/ponyfill'
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

interface Detected { rawValue: string }
interface Detector { detect(source: ImageBitmapSource): Promise<Detected[]> }

let detector: Detector | null = null

export async function qrDetector(): Promise<Detector> {
  if (detector) return detector
  const native = (globalThis as unknown as { BarcodeDetector?: { new (o: object): Detector; getSupportedFormats(): Promise<string[]> } }).BarcodeDetector
  if (native && (await native.getSupportedFormats()).includes('qr_code')) {
    detector = new native({ formats: ['qr_code'] })
  } else {
    prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } })
    detector = new Ponyfill({ formats: ['qr_code'] }) as unknown as Detector
  }
  return detector
}

/** Decodes a still picture (the photo fallback). */
export async function decodeFile(file: Blob): Promise<string | null> {
  const picture = typeof createImageBitmap === 'function' ? await createImageBitmap(file) : await loadImage(file)
  const found = await (await qrDetector()).detect(picture)
  return found[0]?.rawValue ?? null
}

// Older WebViews (WeChat on old iOS) have no createImageBitmap: an <img> is a source the detector takes too.
function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = reject
    img.src = URL.createObjectURL(file)
  })
}

/** A short beep and a buzz on a read: the engineer's eyes are on the rig, not the screen. */
export function signalRead() {
  try {
    navigator.vibrate?.(80)
    const AudioCtx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (!AudioCtx) return
    const ctx = new AudioCtx()
    const osc = ctx.createOscillator()
    osc.frequency.value = 1200
    osc.connect(ctx.destination)
    osc.start()
    osc.stop(ctx.currentTime + 0.08)
  } catch {
    // no sound is not worth an error
  }
}
