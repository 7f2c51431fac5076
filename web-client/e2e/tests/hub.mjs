// Starts a real hub (the hub-server jar) on a free port with its own data directory, and talks to its REST API.
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
export const ADMIN_PASSWORD = 'e2e-admin-password';
export const PASSWORD = 'mot-de-passe-e2e';

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function javaBinary() {
  const home = process.env.JAVA_HOME;
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java';
}

export class Hub {
  constructor() {
    this.jar = resolve(process.env.HUB_JAR ?? join(here, '../../../hub-server/target/hub-server-0.1.0-SNAPSHOT.jar'));
    this.dataDir = mkdtempSync(join(tmpdir(), 'relais-e2e-'));
    this.process = null;
  }

  get base() {
    return `http://localhost:${this.port}`;
  }

  async start() {
    if (!existsSync(this.jar)) throw new Error(`hub jar not found: ${this.jar} (build hub-server first)`);
    this.port ??= await freePort();
    const log = openSync(join(this.dataDir, 'hub.log'), 'a');
    const extra = process.env.HUB_EXTRA_ARGS ? process.env.HUB_EXTRA_ARGS.split(' ') : [];
    this.process = spawn(javaBinary(), ['-XX:TieredStopAtLevel=1', '-Xshare:auto', '-jar', this.jar,
      `--server.port=${this.port}`, `--relais.security.allowed-origins=http://localhost:${this.port}`,
      '--server.shutdown=immediate', ...extra], {
      env: { ...process.env, RELAIS_DATA_DIR: this.dataDir, RELAIS_ADMIN_PASSWORD: ADMIN_PASSWORD },
      stdio: ['ignore', log, log],
    });
    const exited = new Promise((_, fail) => this.process.once('exit', (code) => fail(new Error(`hub exited with ${code}; see ${this.dataDir}/hub.log`))));
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`hub did not start; see ${this.dataDir}/hub.log`);
      try {
        const r = await Promise.race([fetch(`${this.base}/actuator/health`), exited]);
        if (r.ok) return;
      } catch (e) {
        if (String(e.message).startsWith('hub exited')) throw e;
      }
      await new Promise((r) => setTimeout(r, 250)); // polling the health endpoint, not synchronising a test
    }
  }

  async stop() {
    const p = this.process;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
    await gone;
    clearTimeout(timer);
    this.process = null;
  }

  async request(method, path, token, body) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  async token(username, password = PASSWORD) {
    return (await this.request('POST', '/api/v1/auth/token', undefined, { username, password })).accessToken;
  }

  /** The small seeded world of the tests: two Finistère people and someone from HQ. */
  async seed() {
    const admin = await this.token('admin', ADMIN_PASSWORD);
    const people = [
      ['alice', 'Alice Le Goff', '29', 'FEDERATION_COORDINATOR'],
      ['bruno', 'Bruno Kerjean', '29', 'MEMBER'],
      ['hq-bob', 'Bob (siège)', null, 'HQ_STAFF'],
    ];
    for (const [username, displayName, federation, role] of people) {
      const body = { username, displayName, password: PASSWORD, roles: [role] };
      if (federation) body.federation = federation;
      await this.request('POST', '/api/v1/users', admin, body);
    }
  }
}
