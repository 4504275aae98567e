import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code of `text` as a GIF data URL (qrcode-generator, pure JS: no canvas, so it draws the
 * same in H5 and the mini program's <Image>). Level M survives a smudged phone screen.
 */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(4, 2);
}

export function QrCode({ text, testId }: { text: string; testId?: string }) {
  const src = useMemo(() => qrDataUrl(text), [text]);
  return <Image className="qr-code" src={src} mode="aspectFit" data-testid={testId} data-text={text} />;
}
