import { createHash } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';
import { sqlOf } from '../review/review-steps.js';

export const GENESIS = '0'.repeat(64);

/** An audit row as stored, column by column. */
export interface AuditRow {
  sequence: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  application_id: string | null;
  correlation_id: string;
  outcome: string;
  previous_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS = [
  'sequence',
  'at',
  'actor',
  'role',
  'action',
  'application_id',
  'correlation_id',
  'outcome',
  'previous_hash',
  'hash',
] as const;

/**
 * The seal of an event, written out here rather than imported, so that a change to the
 * service's hashing cannot pass unnoticed: SHA-256 over canonical JSON (keys in code-point
 * order, no whitespace) of every field but the hash, the previous hash included.
 */
export function sealOf(row: Omit<AuditRow, 'hash'>): string {
  const fields: Array<[string, unknown]> = [
    ['action', row.action],
    ['actor', row.actor],
    ['applicationId', row.application_id],
    ['at', row.at],
    ['correlationId', row.correlation_id],
    ['outcome', row.outcome],
    ['previousHash', row.previous_hash],
    ['role', row.role],
    ['sequence', Number(row.sequence)],
  ];
  const json = `{${fields.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/** Direct access to the audit table, below the service, as a tamperer would have it. */
export function auditTable(t: TestApp) {
  const sql = sqlOf(t);
  const select = `SELECT ${AUDIT_COLUMNS.join(', ')} FROM audit_events`;
  const normalise = (row: AuditRow): AuditRow => ({ ...row, sequence: Number(row.sequence) });
  return {
    sql,
    async rows(): Promise<AuditRow[]> {
      return ((await sql(`${select} ORDER BY sequence`)) as AuditRow[]).map(normalise);
    },
    async row(sequence: number): Promise<AuditRow> {
      const [row] = (await sql(`${select} WHERE sequence = ?`, [sequence])) as AuditRow[];
      if (!row) throw new Error(`No audit event ${sequence}`);
      return normalise(row);
    },
    async count(): Promise<number> {
      return Number((await sql('SELECT COUNT(*) AS n FROM audit_events'))[0].n);
    },
    /** Overwrites every column but the sequence with the given values. */
    async overwrite(sequence: number, values: Partial<Omit<AuditRow, 'sequence'>>): Promise<void> {
      const columns = Object.keys(values);
      await sql(`UPDATE audit_events SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE sequence = ?`, [
        ...columns.map((column) => values[column as keyof typeof values]),
        sequence,
      ]);
    },
    async remove(sequence: number): Promise<void> {
      await sql('DELETE FROM audit_events WHERE sequence = ?', [sequence]);
    },
    async insert(row: AuditRow): Promise<void> {
      await sql(`INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`, [
        ...AUDIT_COLUMNS.map((column) => row[column]),
      ]);
    },
  };
}

/**
 * Polls the audit table until the application's determination is in. It reads the table, not
 * the API: a read of the audit log over the API is an audit event of its own (AUDIT_READ), and
 * polling would add them by the dozen to the chain a test counts.
 */
export async function waitForAuditedDetermination(t: TestApp, _auditor: string, applicationId: string, timeoutMs = 30_000): Promise<void> {
  const sql = sqlOf(t);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql(`SELECT COUNT(*) AS n FROM audit_events WHERE action = 'DETERMINATION_MADE' AND application_id = ?`, [
      applicationId,
    ]);
    if (Number(row.n) > 0) return;
    if (Date.now() > deadline) throw new Error(`No DETERMINATION_MADE event for ${applicationId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
