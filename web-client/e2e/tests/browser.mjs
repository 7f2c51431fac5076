// One way to start Debian's Chromium for every browser test: headless, and with the background
// networking a closed machine refuses (update checks, sync...) switched off.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
