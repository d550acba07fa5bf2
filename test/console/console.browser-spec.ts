import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { IN_REVIEW_IN_542521, IN_REVIEW_IN_542523, sandboxCase } from '../access/access-fixtures.js';
import { accessibilityViolations, type ConsoleHarness, screenshot, startConsoleHarness } from './support/console-harness.js';

/**
 * The reviewer console in a real browser (Debian's chromium through playwright-core) against the
 * built service: each journey a test, each page checked with axe-core (no serious or critical
 * violation) and kept as a screenshot under test/console/screenshots.
 */

const REASON = '已入户核实，户主姓名为户籍登记时的笔误。';
const XSS_NAME = '<img src=x onerror=alert(1)>';
const HOUSEHOLD = sandboxCase(IN_REVIEW_IN_542523).application;

let h: ConsoleHarness;
let context: BrowserContext;
let page: Page;
/** Dialogs (an alert() would be one) and CSP violations the page met: there must be none. */
let incidents: string[];
const cases = {} as Record<
  'approve' | 'claimed' | 'fourEyes' | 'reverify' | 'audited' | 'elsewhere' | 'xss' | 'keyboard' | 'expired' | 'decided',
  string
>;
const intake = () => h.token('intake', 'intake-c', '542500');

beforeAll(async () => {
  h = await startConsoleHarness();
  const xss = structuredClone(HOUSEHOLD);
  xss.members[1].name = XSS_NAME;
  const dual = h.token(['intake', 'reviewer'], 'dual-d');
  [
    cases.approve,
    cases.claimed,
    cases.fourEyes,
    cases.reverify,
    cases.audited,
    cases.elsewhere,
    cases.xss,
    cases.keyboard,
    cases.expired,
    cases.decided,
  ] = await Promise.all([
    h.submitted(HOUSEHOLD, intake()),
    h.submitted(HOUSEHOLD, intake()),
    h.submitted(HOUSEHOLD, dual),
    h.submitted(HOUSEHOLD, intake()),
    h.submitted(HOUSEHOLD, intake()),
    h.submitted(sandboxCase(IN_REVIEW_IN_542521).application, h.token('intake', 'intake-g')),
    h.submitted(xss, intake()),
    h.submitted(HOUSEHOLD, intake()),
    h.submitted(HOUSEHOLD, intake()),
    h.submitted(HOUSEHOLD, intake()),
  ]);
});

afterAll(async () => {
  await h?.close();
});

beforeEach(async () => {
  context = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  incidents = [];
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) incidents.push(message.text());
  });
});

afterEach(async () => {
  await context.close();
  expect(incidents).toEqual([]);
});

/** Signs in by pasting the token, as a reviewer would. */
async function signIn(bearer: string): Promise<void> {
  await page.goto(h.url);
  await page.getByLabel('身份令牌').fill(bearer);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('session-sub').waitFor();
}

async function expectAccessible(): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Presses Tab until the focused element matches `selector` (and holds `text`): reachable by keyboard alone. */
async function tabTo(selector: string, text = ''): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      ([wanted, words]) => {
        const element = (globalThis as unknown as { document: { activeElement: any } }).document.activeElement;
        return Boolean(element?.matches(wanted) && (element.textContent ?? '').includes(words));
      },
      [selector, text] as const,
    );
    if (focused) return;
  }
  throw new Error(`${selector} ${text} is not reachable with Tab`);
}

const queueRow = (id: string) => page.locator(`tr[data-application="${id}"]`);

it('a reviewer signs in, filters the queue, opens a case, claims it and approves it with a reason', async () => {
  await page.goto(h.url);
  await expectAccessible();
  await signIn(h.token('reviewer', 'reviewer-a', '542523'));
  await expect(page.getByTestId('session-roles').textContent()).resolves.toBe('reviewer');
  await expect(page.getByTestId('session-region').textContent()).resolves.toBe('542523');

  await page.getByLabel('救助项目').selectOption('MINIMUM_LIVING_ALLOWANCE');
  await page.getByLabel('地区代码').fill('542523');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await queueRow(cases.approve).waitFor();
  await expect(queueRow(cases.approve).textContent()).resolves.toMatch(
    /最低生活保障.*542523.*需人工审核.*HOUSEHOLD_NAME_MISMATCH 姓名与户籍不符.*未认领/,
  );
  await expect(page.locator('tr[data-application]').count()).resolves.toBeGreaterThanOrEqual(5);
  await expectAccessible();
  await screenshot(page, 'queue');

  await queueRow(cases.approve).getByRole('link', { name: /打开/ }).click();
  await page.getByRole('heading', { name: /申请/ }).first().waitFor();
  // Identity numbers masked but the last four characters.
  const ids = await page.getByTestId('member-id').allTextContents();
  expect(ids).toEqual(HOUSEHOLD.members.map((member) => `${'*'.repeat(14)}${member.idNumber.slice(-4)}`));
  await expect(page.locator('main').textContent()).resolves.toContain('姓名与户籍不符');
  // Money from the API's fen, in yuan with two decimals.
  await expect(page.locator('.facts').textContent()).resolves.toMatch(/人均月收入（元）400\.00/);
  await expectAccessible();
  await screenshot(page, 'case');

  await page.getByRole('button', { name: '认领此申请' }).click();
  await expect(page.getByRole('status').textContent()).resolves.toMatch(/已认领，有效期至 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
  await page.getByLabel('理由（至少十个字）').fill('太短');
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/reason/);
  await page.getByRole('radio', { name: '批准', exact: true }).check();
  await page.getByLabel('理由（至少十个字）').fill(REASON);
  await page.getByRole('button', { name: '提交决定' }).click();
  await page.getByText('决定已记录。').waitFor();
  await expect(page.getByTestId('case-status').textContent()).resolves.toBe('DECIDED');
  await expect(page.locator('.decisions').textContent()).resolves.toContain(REASON);
  await expectAccessible();
  await screenshot(page, 'decision');

  // The token lives in this tab's sessionStorage only, never in localStorage or the address.
  const storage = await page.evaluate(() => {
    const browser = globalThis as unknown as { localStorage: object; location: { href: string } };
    return { local: JSON.stringify(browser.localStorage), url: browser.location.href };
  });
  expect(storage.local).not.toMatch(/eyJ/);
  expect(storage.url).not.toMatch(/token|eyJ/);
});

it('a second reviewer sees another reviewer’s claim and is refused with the API’s message', async () => {
  const first = h.token('reviewer', 'reviewer-first');
  expect((await h.call('POST', `/v1/reviews/${cases.claimed}/claim`, first)).status).toBe(200);
  // Signed in through ?token= once: the address loses it at once.
  await page.goto(`${h.url}?token=${h.token('reviewer', 'reviewer-second')}`);
  await page.getByTestId('session-sub').waitFor();
  expect(page.url()).not.toContain('token=');
  await queueRow(cases.claimed).waitFor();
  await expect(queueRow(cases.claimed).locator('.claim').textContent()).resolves.toMatch(/认领人 reviewer-first 至 \d{4}\/\d{2}\/\d{2}/);
  await queueRow(cases.claimed).getByRole('link', { name: /打开/ }).click();
  await page.getByRole('button', { name: '认领此申请' }).click();
  const alert = await page.getByRole('alert').textContent();
  expect(alert).toMatch(/reviewer-first|another reviewer|claim/i);
  await expectAccessible();
  await screenshot(page, 'claim-refused');
});

it('the submitter, holding the reviewer role too, is refused by four eyes', async () => {
  await signIn(h.token(['intake', 'reviewer'], 'dual-d'));
  await expect(page.getByTestId('session-roles').textContent()).resolves.toBe('intake, reviewer');
  await page.goto(`${h.url}#/cases/${cases.fourEyes}`);
  await page.getByRole('button', { name: '认领此申请' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/submitted/i);
  await expectAccessible();
  await screenshot(page, 'four-eyes');
});

it('a reviewer whose claim expired is told so, in the API’s words, when deciding', async () => {
  const reviewer = h.token('reviewer', 'reviewer-e');
  expect((await h.call('POST', `/v1/reviews/${cases.expired}/claim`, reviewer)).status).toBe(200);
  // The claim runs out (REVIEW_CLAIM_MINUTES later): set in the database, as no endpoint can.
  const database = new Database(h.sqlitePath);
  try {
    database.prepare("UPDATE review_items SET claim_expires_at = '2026-01-01T00:00:00.000Z' WHERE application_id = ?").run(cases.expired);
  } finally {
    database.close();
  }
  await signIn(reviewer);
  await page.goto(`${h.url}#/cases/${cases.expired}`);
  await page.getByRole('radio', { name: '批准', exact: true }).check();
  await page.getByLabel('理由（至少十个字）').fill(REASON);
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/expired at 2026-01-01T00:00:00\.000Z; claim it again/);
  await expectAccessible();
  await screenshot(page, 'claim-expired');
});

it('a reviewer sends a decided case back for re-verification; the decision stays in force', async () => {
  const reviewer = h.token('reviewer', 'reviewer-s');
  expect((await h.call('POST', `/v1/reviews/${cases.decided}/claim`, reviewer)).status).toBe(200);
  const decided = await h.call('POST', `/v1/reviews/${cases.decided}/decision`, reviewer, { decision: 'APPROVED', reason: REASON });
  expect(decided.status).toBe(200);
  await signIn(h.token('reviewer', 'reviewer-t'));
  await page.goto(`${h.url}#/cases/${cases.decided}`);
  await expect(page.getByTestId('case-status').textContent()).resolves.toBe('DECIDED');
  await page.getByRole('button', { name: '退回重新核对' }).click();
  await page.getByText(/已退回重新核对；新的结论：需人工审核 \(IN_REVIEW\)/).waitFor({ timeout: 60000 });
  await expect(page.locator('.decisions').textContent()).resolves.toContain(REASON);
  await expectAccessible();
});

it('a reviewer sends a case back for re-verification and sees its new determination', async () => {
  await signIn(h.token('reviewer', 'reviewer-r'));
  await page.goto(`${h.url}#/cases/${cases.reverify}`);
  const before = await page.getByTestId('determined-at').textContent();
  await page.getByRole('button', { name: '退回重新核对' }).click();
  await page.getByText(/已退回重新核对；新的结论：需人工审核 \(IN_REVIEW\)/).waitFor({ timeout: 60000 });
  await expect(page.getByTestId('determined-at').textContent()).resolves.not.toBe(before);
  await expectAccessible();
});

it('an auditor opens a case, reveals one identity number, and reads its trail and the chain status', async () => {
  await signIn(h.token('auditor', 'auditor-u'));
  await page.goto(`${h.url}#/cases/${cases.audited}`);
  // The auditor reads, and changes nothing: no actions.
  await page.getByRole('heading', { name: '家庭成员' }).waitFor();
  await expect(page.getByRole('button', { name: '认领此申请' }).count()).resolves.toBe(0);
  await page.getByRole('button', { name: new RegExp(`显示完整身份证号.*${HOUSEHOLD.members[0].name}`) }).click();
  await page.getByText(HOUSEHOLD.members[0].idNumber).waitFor();

  await page.getByRole('link', { name: '审计记录' }).click();
  await page.getByTestId('chain-status').waitFor();
  await expect(page.getByTestId('chain-status').textContent()).resolves.toMatch(
    /完整：已核验至第 \d+ 条.*第 \d+ 条，签名于 \d{4}\/\d{2}\/\d{2} [\d:]+，密钥 \S+ · 日志仍包含该检查点所签的前缀/,
  );
  const trail = page.locator('table.audit');
  await trail.waitFor();
  await expect(trail.textContent()).resolves.toMatch(/APPLICATION_SUBMITTED/);
  // The reveal is on the trail once sealed (within a fraction of a second): search again until it is.
  for (let tries = 0; tries < 40 && !(await trail.textContent())?.includes('ID_NUMBER_REVEALED'); tries++) {
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForTimeout(250);
  }
  await expect(trail.textContent()).resolves.toMatch(/auditor-u\s*auditor\s*ID_NUMBER_REVEALED\s*SUCCEEDED/);
  await expect(trail.textContent()).resolves.not.toContain(HOUSEHOLD.members[0].idNumber);
  await expectAccessible();
  await screenshot(page, 'audit');

  // The whole log, filtered by actor and action.
  await page.getByRole('link', { name: '审计日志' }).first().click();
  await page.getByLabel('操作人').fill('auditor-u');
  await page.locator('select[name="action"]').selectOption('ID_NUMBER_REVEALED');
  await page.getByRole('button', { name: '查询' }).click();
  // The filtered page replaces the unfiltered one once it arrives: one event.
  await page.waitForFunction("document.querySelectorAll('table.audit tbody tr').length === 1");
  await expect(page.locator('table.audit tbody').textContent()).resolves.toMatch(/auditor-u\s*auditor\s*ID_NUMBER_REVEALED/);

  // English by the switch.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: 'Chain status' }).waitFor();
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expectAccessible();
});

it('a region-scoped reviewer sees nothing outside its region', async () => {
  await signIn(h.token('reviewer', 'reviewer-g', '542521'));
  await queueRow(cases.elsewhere).waitFor();
  const shown = await page.locator('tr[data-application]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-application')));
  expect(shown).toEqual([cases.elsewhere]);
  await page.goto(`${h.url}#/cases/${cases.approve}`);
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/404|not found/i);
  await expectAccessible();
});

it('renders a member called <img src=x onerror=alert(1)> as those characters', async () => {
  await signIn(h.token('reviewer', 'reviewer-x'));
  await page.goto(`${h.url}#/cases/${cases.xss}`);
  await page.getByTestId('member-name').first().waitFor();
  await expect(page.getByTestId('member-name').allTextContents()).resolves.toContain(XSS_NAME);
  await expect(page.locator('main img').count()).resolves.toBe(0);
  await expectAccessible();
});

it('works by keyboard alone: sign in, open a case from the queue, claim it', async () => {
  await page.goto(h.url);
  await tabTo('#token');
  await page.keyboard.type(h.token('reviewer', 'reviewer-k'));
  await tabTo('button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('session-sub').waitFor();
  await queueRow(cases.keyboard).waitFor();
  await tabTo(`tr[data-application="${cases.keyboard}"] a`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '家庭成员' }).waitFor();
  await tabTo('button', '认领此申请');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').textContent()).resolves.toMatch(/已认领，有效期至/);
});
