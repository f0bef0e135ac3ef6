import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printWindowOptions } from './window-options';

/**
 * printToPDF of report HTML. The HTML goes to a temp file rather than a data: URL (Chromium caps
 * URLs at 2 MB; reports with inline charts are bigger). It is rendered in a hidden window with no
 * preload and JavaScript off, in an in-memory session whose only allowed requests are that file
 * and inline data: URLs, so a report can neither run code nor fetch anything.
 */
const PRINT_PARTITION = 'preflight-print';
const PRINT_TIMEOUT_MS = 60_000;

const reportFiles = new Set<string>();
let printSession: Session | null = null;

/** The request filter of the print session. */
export function isAllowedPrintRequest(url: string, allowedFiles: ReadonlySet<string>): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return allowedFiles.has(path.resolve(fileURLToPath(url)));
  } catch {
    return false;
  }
}

function preparedSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url, reportFiles) }));
  printSession = ses;
  return ses;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out ${what} the report.`)), PRINT_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(tmpdir(), 'preflight-report-'));
  const file = path.resolve(folder, 'report.html');
  let window: BrowserWindow | null = null;
  try {
    await writeFile(file, html, 'utf8');
    reportFiles.add(file);
    window = new BrowserWindow(printWindowOptions(preparedSession()));
    await withTimeout(window.loadFile(file), 'loading');
    return await withTimeout(window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateDocumentOutline: true }), 'printing');
  } finally {
    reportFiles.delete(file);
    if (window && !window.isDestroyed()) window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
