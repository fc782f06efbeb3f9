// QR codes drawn on a canvas, dark modules on white with the four-module quiet zone scanners need. The
// encoder (qrcode-generator) is imported when the first code is drawn, so pages without QR codes never load it.

/** Pixels per module: large enough for a phone camera held at a screen, and for a screenshot's decoder. */
const MODULE_PX = 4;
const QUIET_ZONE = 4;

export async function drawQr(canvas: HTMLCanvasElement, text: string): Promise<void> {
  const { default: qrcode } = await import('qrcode-generator');
  // Type 0: the smallest version that holds the text; level M survives a slightly blurred photo.
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const modules = code.getModuleCount();
  const size = (modules + 2 * QUIET_ZONE) * MODULE_PX;
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#000';
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (code.isDark(row, column)) {
        context.fillRect((column + QUIET_ZONE) * MODULE_PX, (row + QUIET_ZONE) * MODULE_PX, MODULE_PX, MODULE_PX);
      }
    }
  }
}
