import type { Problem } from '../nodes/kind';
import { CURRENT_VERSION } from './document-schema';

/**
 * Upgrades older files to the current format, one version at a time. Version 1 is the first format,
 * so the table is empty; a change to the format adds `n: (doc) => doc of version n+1` here and a test
 * with a file of version n.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export interface MigrationResult {
  doc: unknown;
  notes: string[];
  problems: Problem[];
}

export function migrateDocument(raw: unknown): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { doc: raw, notes: [], problems: [{ severity: 'error', path: '$', message: `$: expected a pipeline object, got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}` }] };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc.version;
  if (version === undefined) {
    return { doc, notes: [], problems: [{ severity: 'error', path: '$.version', message: `$.version: missing, expected ${CURRENT_VERSION} (the file format version)` }] };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { doc, notes: [], problems: [{ severity: 'error', path: '$.version', message: `$.version: got ${JSON.stringify(version)}, expected an integer format version (this build reads 1 to ${CURRENT_VERSION})` }] };
  }
  if (version > CURRENT_VERSION) {
    return {
      doc,
      notes: [],
      problems: [{ severity: 'error', path: '$.version', message: `$.version: got ${version}, this build of Preflight reads format versions up to ${CURRENT_VERSION}; the file was written by a newer Preflight` }],
    };
  }
  const notes: string[] = [];
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from version ${v}`);
    doc = step(doc);
    notes.push(`upgraded from format version ${v} to ${v + 1}`);
  }
  return { doc, notes, problems: [] };
}
