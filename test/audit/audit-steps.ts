import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { auditGuards } from '../../src/core/database/migrations/1764720000000-audit-sealing.js';
import { AppConfig } from '../../src/core/config/app.config.js';
import { type CheckpointPayload, kidOf, signCheckpoint } from '../../src/modules/audit/checkpoint/checkpoint-jws.js';
import type { TestApp } from '../support/test-app.js';
import { sqlOf } from '../review/review-steps.js';

export const GENESIS = '0'.repeat(64);

/** A sealed audit row as stored, column by column (the generated id aside). */
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

/** Rows re-sealed from `from` on, each linked to the one before, as a tamperer who knows the scheme would. */
export function resealed(rows: AuditRow[], from: number): AuditRow[] {
  const out = rows.map((row) => ({ ...row }));
  for (let index = 0; index < out.length; index++) {
    if (out[index].sequence < from) continue;
    out[index].previous_hash = index === 0 ? GENESIS : out[index - 1].hash;
    out[index].hash = sealOf(out[index]);
  }
  return out;
}

/** Direct access to the audit tables, below the service, as a tamperer would have it. */
export function auditTable(t: TestApp) {
  const sql = sqlOf(t);
  const postgres = t.app.get(DataSource).options.type === 'postgres';
  const select = `SELECT id, ${AUDIT_COLUMNS.join(', ')} FROM audit_events WHERE sequence IS NOT NULL`;
  const normalise = ({ id, ...row }: AuditRow & { id: unknown }): AuditRow => ({ ...row, sequence: Number(row.sequence) });
  const table = {
    sql,
    postgres,
    /** Every sealed row, in sequence order (seal first: `t.auditSealed()`). */
    async rows(): Promise<AuditRow[]> {
      return ((await sql(`${select} ORDER BY sequence`)) as Array<AuditRow & { id: unknown }>).map(normalise);
    },
    async row(sequence: number): Promise<AuditRow> {
      const [row] = (await sql(`${select} AND sequence = ?`, [sequence])) as Array<AuditRow & { id: unknown }>;
      if (!row) throw new Error(`No audit event ${sequence}`);
      return normalise(row);
    },
    async count(): Promise<number> {
      return Number((await sql('SELECT COUNT(*) AS n FROM audit_events WHERE sequence IS NOT NULL'))[0].n);
    },
    /** Overwrites columns of a sealed row (the guards must be down). */
    async overwrite(sequence: number, values: Partial<AuditRow>): Promise<void> {
      const columns = Object.keys(values);
      await sql(`UPDATE audit_events SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE sequence = ?`, [
        ...columns.map((column) => values[column as keyof typeof values]),
        sequence,
      ]);
    },
    async remove(sequence: number): Promise<void> {
      await sql('DELETE FROM audit_events WHERE sequence = ?', [sequence]);
    },
    /** Replaces every sealed row with `rows` (the guards must be down). */
    async replaceAll(rows: AuditRow[]): Promise<void> {
      await sql('DELETE FROM audit_events WHERE sequence IS NOT NULL');
      for (const row of rows) {
        await sql(`INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`, [
          ...AUDIT_COLUMNS.map((column) => row[column]),
        ]);
      }
    },
    /** The signed checkpoints as stored, oldest first. */
    async checkpoints(): Promise<Record<string, unknown>[]> {
      return sql('SELECT id, origin, sequence, hash, at, kid, jws FROM audit_checkpoints ORDER BY sequence');
    },
    /** Replaces every stored checkpoint with `rows` (the guards must be down). */
    async replaceCheckpoints(rows: Record<string, unknown>[]): Promise<void> {
      await sql('DELETE FROM audit_checkpoints');
      for (const row of rows) {
        const columns = Object.keys(row);
        await sql(
          `INSERT INTO audit_checkpoints (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          Object.values(row),
        );
      }
    },
    /** Drops the triggers that refuse edits, as someone with the owner's rights could. */
    async dropGuards(): Promise<void> {
      for (const statement of auditGuards(postgres).drop) await sql(statement);
    },
    async restoreGuards(): Promise<void> {
      for (const statement of auditGuards(postgres).drop) await sql(statement);
      for (const statement of auditGuards(postgres).create) await sql(statement);
    },
  };
  return table;
}

/** The database's refusal of a statement: its message, or null if the statement went through. */
export async function refusal(statement: Promise<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    return (error as Error).message;
  }
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

/** The app's checkpoint signing key: from its configuration, or the development key generated beside its SQLite file. */
export function signingKeyOf(t: TestApp): KeyObject {
  const config = t.app.get(AppConfig);
  return createPrivateKey(config.AUDIT_SIGNING_KEY ?? readFileSync(join(dirname(config.SQLITE_PATH), 'audit-signing-key.pem'), 'utf8'));
}

/** A checkpoint signed with `key`, its kid the key's own thumbprint unless another is given. */
export async function signedWith(key: KeyObject, payload: CheckpointPayload, kid?: string): Promise<string> {
  return signCheckpoint(payload, key, kid ?? (await kidOf(createPublicKey(key))));
}

/** The newest signed checkpoint, as GET /v1/audit-events/checkpoint answers it. */
export async function newestCheckpoint(
  t: TestApp,
  token: string,
): Promise<{ checkpoint: string; kid: string; payload: CheckpointPayload }> {
  const response = await t.request('GET', '/v1/audit-events/checkpoint', { token });
  if (response.status !== 200) throw new Error(`GET /v1/audit-events/checkpoint: ${response.status} ${response.text}`);
  return response.body;
}
