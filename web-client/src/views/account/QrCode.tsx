import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../context';

/**
 * The `otpauth://` URI as a QR code for the phone app, drawn in the browser (the secret never leaves
 * it) as an SVG image. Dark modules on a white quiet zone in both themes: phone cameras need the contrast.
 */
export function QrCode(props: { value: string; label: string }) {
  const t = useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSrc(null);
    QRCode.toString(props.value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((svg) => { if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`); })
      .catch(() => { if (current) setSrc(''); });
    return () => { current = false; };
  }, [props.value]);
  if (src === null) return <p class="muted qr-placeholder">{t('account.totp.qrLoading')}</p>;
  if (!src) return null; // the key below can still be typed by hand
  return <img class="qr" src={src} alt={props.label} width={200} height={200} data-testid="totp-qr" />;
}
