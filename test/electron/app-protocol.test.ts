import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, contentTypeFor, createAppProtocolHandler, resolveAppFile } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'preflight-protocol-'));
  root = path.join(base, 'dist-web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Preflight</title>');
  writeFileSync(path.join(root, 'assets', 'worker-abc.js'), 'self.onmessage = () => {};');
  writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
  mkdirSync(path.join(base, 'dist-web-evil'));
  writeFileSync(path.join(base, 'dist-web-evil', 'x.js'), 'evil');
});

describe('resolveAppFile', () => {
  it('serves index.html for the origin root and maps paths into the root', () => {
    expect(resolveAppFile('app://preflight/', root)).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppFile('app://preflight/assets/worker-abc.js?v=1#x', root)).toEqual({ ok: true, filePath: path.join(root, 'assets', 'worker-abc.js') });
  });

  it.each([
    ['app://preflight/%2e%2e%2fsecret.txt'],
    ['app://preflight/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['app://preflight/..%2f..%2fetc%2fpasswd'],
    ['app://preflight/%2e%2e%2fdist-web-evil%2fx.js'],
  ])('rejects path traversal: %s', (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([['app://preflight/../../secret.txt'], ['app://preflight/%2e%2e/secret.txt']])('keeps dot segments the URL parser removes inside the root: %s', (url) => {
    expect(resolveAppFile(url, root)).toEqual({ ok: true, filePath: path.join(root, 'secret.txt') });
  });

  it.each([['app://preflight/..%5csecret.txt'], ['app://preflight/index.html%00.png']])('rejects backslashes and NUL: %s', (url) => {
    expect(resolveAppFile(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('rejects other hosts, other schemes and malformed encodings', () => {
    expect(resolveAppFile('app://evil/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('https://preflight/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppFile('app://preflight/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppFile('not a url', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('app:// protocol handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves the entry page with the CSP header', async () => {
    const response = await get(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Preflight</title>');
  });

  it('serves worker scripts as JavaScript with the CSP (module workers need both)', async () => {
    const response = await get('app://preflight/assets/worker-abc.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside dist-web', async () => {
    const response = await get('app://preflight/%2e%2e%2fsecret.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('not for the page');
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await get('app://preflight/missing.js')).status).toBe(404);
    expect((await get('app://preflight/assets')).status).toBe(404);
    expect((await get('app://preflight/index.html', 'POST')).status).toBe(405);
  });

  it('answers 500 without details when reading fails otherwise', async () => {
    const failing = createAppProtocolHandler(root, async () => {
      throw Object.assign(new Error('EIO: i/o error, read /secret/path'), { code: 'EIO' });
    });
    const response = await failing(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/secret/path');
  });
});

describe('scheme registration', () => {
  it('is standard and secure (a real origin for module workers) with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });

  it('maps extensions to the types browsers require', () => {
    expect(contentTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.WASM')).toBe('application/wasm');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
