import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_PIPELINE_BYTES } from './pipeline-files';

/** The example `npm start` opens, and the one a packaged app opens when given nothing. */
export const DEFAULT_EXAMPLE = 'optimized-rag.preflight.json';

/**
 * The value of `--open <path>` or `--open=<path>`; otherwise, in a packaged app, a bare `.json`
 * argument (how the OS passes a file to "Open with"). The last occurrence wins.
 */
export function openArgument(argv: readonly string[], isPackaged: boolean): string | null {
  let found: string | null = null;
  argv.forEach((arg, index) => {
    if (arg === '--open') found = argv[index + 1] ?? found;
    else if (arg.startsWith('--open=')) found = arg.slice('--open='.length);
  });
  if (found !== null || !isPackaged) return found;
  // argv[0] is the executable; Chromium switches start with "-".
  const bare = argv.slice(1).filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.json'));
  return bare.at(-1) ?? null;
}

export type PathCheck = { ok: true; path: string } | { ok: false; problem: string };

/** A startup document must be an existing, reasonably sized .json file. */
export async function checkDocumentPath(candidate: string, cwd: string): Promise<PathCheck> {
  if (candidate.trim() === '' || candidate.includes('\0')) return { ok: false, problem: 'empty or malformed path' };
  const resolved = path.resolve(cwd, candidate);
  if (!resolved.toLowerCase().endsWith('.json')) return { ok: false, problem: `${resolved} is not a .json pipeline file` };
  try {
    const info = await stat(resolved);
    if (!info.isFile()) return { ok: false, problem: `${resolved} is not a file` };
    if (info.size > MAX_PIPELINE_BYTES) return { ok: false, problem: `${resolved} is larger than 50 MB` };
    return { ok: true, path: resolved };
  } catch {
    return { ok: false, problem: `${resolved} does not exist` };
  }
}

export interface StartupContext {
  argv: readonly string[];
  cwd: string;
  isPackaged: boolean;
  /** examples/ beside the app (extraResources when packaged). */
  examplesDir: string;
}

export interface StartupDocument {
  path: string | null;
  /** Why the requested document was not used, for the log. */
  warning?: string;
}

/**
 * The document the first window opens: the validated `--open` path; else, when packaged, the bundled
 * example; else none (a new, empty pipeline).
 */
export async function resolveStartupDocument(context: StartupContext): Promise<StartupDocument> {
  const requested = openArgument(context.argv, context.isPackaged);
  let warning: string | undefined;
  if (requested !== null) {
    const check = await checkDocumentPath(requested, context.cwd);
    if (check.ok) return { path: check.path };
    warning = `Ignoring --open: ${check.problem}.`;
  }
  if (context.isPackaged) {
    const example = await checkDocumentPath(path.join(context.examplesDir, DEFAULT_EXAMPLE), context.cwd);
    if (example.ok) return { path: example.path, warning };
  }
  return { path: null, warning };
}
