import type { TableColumnOptions } from 'typeorm';

/** Column shapes shared by the migrations; each serves SQLite and PostgreSQL alike. */
export const id = (name: string, primary = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: primary });
export const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const timestamp = (name: string, nullable = false): TableColumnOptions => text(name, 24, nullable);
export const integer = (name: string, nullable = false, primary = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  isPrimary: primary,
});
