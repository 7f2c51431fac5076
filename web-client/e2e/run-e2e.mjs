// Runs the browser tests, or explains why they are skipped (no Chromium on this machine).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`\n*** Browser tests SKIPPED: ${chromium} is missing (apt-get install -y chromium, or run .ci/run) ***\n`);
  process.exit(0);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=300000', 'tests/'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
