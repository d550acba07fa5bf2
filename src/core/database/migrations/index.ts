import { InitialSchema1764300000000 } from './1764300000000-initial-schema.js';

/** Every migration, in order. Listed, not globbed: a glob loads them by dynamic import, which Jest cannot. */
export const MIGRATIONS = [InitialSchema1764300000000];
