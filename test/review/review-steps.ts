import { DataSource } from 'typeorm';
import { SANDBOX_CASES, type SandboxCase } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import type { TestApp } from '../support/test-app.js';

/** A sandbox case by its key; a missing key is a broken test, not a skipped one. */
export function sandboxCase(key: string): SandboxCase {
  const found = SANDBOX_CASES.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`No sandbox case ${key}`);
  return found;
}

/** The distinct finding codes of a case, in the order the review list gives them. */
export function findingCodesOf(key: string): string[] {
  return [...new Set(sandboxCase(key).expected.findings.map((finding) => finding.code))];
}

/** Submits a sandbox case and waits until its determination is stored; answers the application as read then. */
export async function submitDetermined(t: TestApp, token: string, key: string): Promise<{ id: string; application: any }> {
  const id = await submitCase(t, token, sandboxCase(key));
  const application = (await t.waitForDetermination(id, token)).body;
  if (application.determination.outcome !== sandboxCase(key).expected.outcome) {
    throw new Error(`${key}: determined ${application.determination.outcome}, expected ${sandboxCase(key).expected.outcome}`);
  }
  return { id, application };
}

/** Every item of a list endpoint, following nextCursor with the given page size. */
export async function listAll(t: TestApp, token: string, path: string, limit = 100): Promise<{ items: any[]; pages: any[] }> {
  const items: any[] = [];
  const pages: any[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await t.request('GET', `${path}${separator}limit=${limit}${suffix}`, { token });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.text}`);
    pages.push(response.body);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    if (pages.length > 1000) throw new Error(`GET ${path}: the cursor never ends`);
  } while (cursor);
  return { items, pages };
}

/**
 * SQL with `?` placeholders on either database: TypeORM passes the query to the driver as
 * written, and PostgreSQL numbers its parameters ($1, $2, …) where SQLite takes `?`.
 */
export function sqlOf(t: TestApp): (text: string, parameters?: unknown[]) => Promise<any[]> {
  const dataSource = t.app.get(DataSource);
  const postgres = dataSource.options.type === 'postgres';
  return (text, parameters = []) => {
    let index = 0;
    return dataSource.query(postgres ? text.replace(/\?/g, () => `$${++index}`) : text, parameters);
  };
}
