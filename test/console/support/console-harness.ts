import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startService, type ServiceProcess } from '../../reliability/support/service-process.js';
import { token } from '../../reliability/support/tokens.js';
import { deleteKeys, TEST_REDIS_URL } from '../../support/test-app.js';
import type { Role } from '../../../src/modules/auth/principal.js';

/** Debian's chromium (`.ci/run` installs it with apt-get); never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = resolve('test/console/screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface ConsoleHarness {
  service: ServiceProcess;
  browser: Browser;
  url: string;
  /** The service's SQLite file, for a test to set up what no endpoint can (an expired claim). */
  sqlitePath: string;
  token(roles: Role | Role[], sub: string, region?: string): string;
  /** A call to the service's API, as any client makes it. */
  call(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Submits a household and waits until its current verification is determined. */
  submitted(application: unknown, submitter: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The built service (`dist/src/main.js`, the console in `dist/console`) as a child process on a
 * free port, with a temporary SQLite file, the built-in sandbox registries and its own Redis
 * prefix; and one headless chromium.
 */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'hedui-console-'));
  const queuePrefix = `hedui-console-${randomBytes(4).toString('hex')}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const service = await startService({
    name: 'console',
    logDir: dir,
    redisUrl: TEST_REDIS_URL,
    queuePrefix,
    databaseEnv: { SQLITE_PATH: join(dir, 'hedui.sqlite') },
    env: { CONSOLE_DIR: resolve('dist/console') },
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await service.kill();
    throw error;
  }
  const call: ConsoleHarness['call'] = async (method, path, bearer, body) => {
    const response = await fetch(service.url + path, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const admin = token('admin', 'console-admin');
  return {
    service,
    browser,
    url: `${service.url}/console/`,
    sqlitePath: join(dir, 'hedui.sqlite'),
    token,
    call,
    async submitted(application, submitter) {
      const accepted = await call('POST', '/v1/applications', submitter, application);
      if (accepted.status !== 202) throw new Error(`submission: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      const id = accepted.body.id as string;
      for (const deadline = Date.now() + 30000; Date.now() < deadline;) {
        const { body } = await call('GET', `/v1/applications/${id}`, admin);
        if (body.determination && body.determination.verificationId === body.verificationId) return id;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`no determination for ${id}`);
    },
    async close() {
      await browser?.close();
      await service.kill();
      await deleteKeys(queuePrefix);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serious and critical accessibility violations (axe-core, WCAG 2 A and AA) on the page as it is. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: no bypass needed.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const browser = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<any> }; document: unknown };
    const result = await browser.axe.run(browser.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    if (result.passes.length === 0) throw new Error('axe-core checked nothing');
    return result.violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node: any) => node.target.join(' ')).slice(0, 3),
    }));
  });
  return violations
    .filter((violation: { impact: string }) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation: { id: string; impact: string; targets: string[] }) =>
        `${violation.impact} ${violation.id}: ${violation.targets.join(', ')}`,
    );
}

/** A screenshot of the whole page, kept as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
