/**
 * A short, readable name for the client a session was opened from ("Firefox · Windows"), from the
 * user agent the hub recorded. Anything unrecognised (scripts, bots) keeps its own name, shortened.
 */
export function describeClient(userAgent: string | null | undefined): string | null {
  const ua = (userAgent ?? '').trim();
  if (!ua) return null;
  const browser = browserOf(ua);
  const system = systemOf(ua);
  if (browser && system) return `${browser} · ${system}`;
  if (browser) return browser;
  return ua.length > 60 ? `${ua.slice(0, 59)}…` : ua;
}

function browserOf(ua: string): string | null {
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  if (/\bEdg(A|iOS)?\//.test(ua)) return 'Edge';
  if (/\b(OPR|Opera)\//.test(ua)) return 'Opera';
  if (/\b(Firefox|FxiOS)\//.test(ua)) return 'Firefox';
  if (/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//.test(ua)) return 'Chrome';
  if (/\bVersion\/[\d.]+.*\bSafari\//.test(ua)) return 'Safari';
  return null;
}

function systemOf(ua: string): string | null {
  if (/\bAndroid\b/.test(ua)) return 'Android';
  if (/\b(iPhone|iPad|iPod)\b/.test(ua)) return 'iOS';
  if (/\bWindows\b/.test(ua)) return 'Windows';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b/.test(ua)) return 'Linux';
  return null;
}
