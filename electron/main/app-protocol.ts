import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from './csp';

/**
 * The renderer is served from `app://preflight/…` rather than `loadFile`:
 * - file:// pages have an opaque origin, so ES module scripts and module workers (the simulation
 *   worker) do not load, and every file on disk would be "same-origin-ish" to the page;
 * - a privileged scheme gives the page a real, secure origin, lets main attach the CSP as a header
 *   (which also covers workers), and maps requests into `dist-web/` only.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'preflight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered with `protocol.registerSchemesAsPrivileged` before `ready`.
 * standard: relative URLs and a real origin (Vite's `base: './'` output resolves against it);
 * secure: treated like https (secure context for workers, crypto.subtle);
 * supportFetchAPI + corsEnabled: module scripts, module workers and fetch() use CORS-mode requests,
 * which need both; no response carries Access-Control-Allow-Origin, so no other origin can read ours;
 * codeCache: V8 caches the compiled bundle between launches.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

export type AppFileResolution =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/** Maps an `app://preflight/…` URL to a file inside `rootDir`, refusing anything that would leave it. */
export function resolveAppFile(requestUrl: string, rootDir: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: `only ${APP_ORIGIN} is served` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path encoding' };
  }
  // Backslashes are separators on Windows; NUL truncates paths in some APIs. Neither is in our build.
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { ok: false, status: 403, reason: 'forbidden characters in path' };
  }
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  const fromRoot = path.relative(root, filePath);
  // Decoded `%2e%2e%2f` or an absolute path (`/C:/…`) would land outside the root: refuse.
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) {
    return { ok: false, status: 403, reason: 'path outside the app folder' };
  }
  return { ok: true, filePath };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served as JavaScript (strict MIME checking), hence the table. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
}

type ReadFile = (filePath: string) => Promise<Uint8Array>;

/** The `protocol.handle` handler: serves files of `rootDir` (dist-web/) with the security headers. */
export function createAppProtocolHandler(rootDir: string, read: ReadFile = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'method not allowed');
    const resolved = resolveAppFile(request.url, rootDir);
    if (!resolved.ok) return plainResponse(resolved.status, resolved.reason);
    try {
      const body = await read(resolved.filePath);
      const headers = { 'Content-Type': contentTypeFor(resolved.filePath), ...securityHeaders() };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plainResponse(404, 'not found');
      return plainResponse(500, 'could not read the file');
    }
  };
}
