/**
 * Notes an importer hands back next to its result: what it ignored, approximated or could not use,
 * each pointing at the place in the input (a YAML/JSON path such as `model_list[3].litellm_params.api_key`).
 * Secret values are never part of a note.
 */
export interface ImportNote {
  severity: 'info' | 'warning';
  path: string;
  message: string;
}

/** Collects notes and says what happened to keys it was not asked to use. */
export class NoteLog {
  readonly notes: ImportNote[] = [];

  info(path: string, message: string): void {
    this.notes.push({ severity: 'info', path, message });
  }

  warn(path: string, message: string): void {
    this.notes.push({ severity: 'warning', path, message });
  }

  /**
   * One note for a key Preflight does not use. Secrets and environment references get a note that
   * says they were not copied (without their value); nested values are searched for secrets too, so
   * a secret inside an ignored section is still reported at its own path.
   */
  ignored(path: string, key: string, value: unknown, why = 'not modelled by Preflight; ignored'): void {
    const secret = secretKind(key, value);
    if (secret) {
      this.info(path, secret);
      return;
    }
    this.info(path, why);
    this.secretsInside(path, value);
  }

  private secretsInside(path: string, value: unknown): void {
    if (Array.isArray(value)) value.forEach((v, i) => this.secretsInside(`${path}[${i}]`, v));
    else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        const inner = `${path}.${k}`;
        const secret = secretKind(k, v);
        if (secret) this.info(inner, secret);
        else this.secretsInside(inner, v);
      }
    }
  }
}

const SECRET_KEY = /(api_?key|secret|password|passwd|credential|private_key|access_key|master_key|_token$|^token$|auth_header|database_url|connection_string|_key$|^key$)/i;
/** Counts of tokens are not secrets ("max_tokens", "tpm"). */
const COUNT_KEY = /tokens$|^tpm|^rpm/i;

/** Why a value must not be copied, or null when it is an ordinary setting. */
export function secretKind(key: string, value: unknown): string | null {
  if (typeof value === 'string' && /^os\.environ\//.test(value.trim())) {
    return SECRET_KEY.test(key) ? 'secret read from an environment variable; ignored, its reference is not copied' : 'value read from an environment variable; ignored, its reference is not copied';
  }
  if (SECRET_KEY.test(key) && !COUNT_KEY.test(key)) return 'secret ignored: its value is not copied into the pipeline';
  if (typeof value === 'string' && /^sk-[A-Za-z0-9_-]{2,}/.test(value.trim())) return 'looks like an API key; ignored, its value is not copied';
  return null;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short description of a value for an error message: its type, and the value when it is small. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${typeof v} (${text.length} characters)` : `${typeof v} ${text}`;
}
