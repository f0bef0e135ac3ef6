import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO = new URL('../../', import.meta.url).pathname;
export const SHOTS = process.env.PREFLIGHT_SHOTS ?? join(tmpdir(), 'preflight-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Scenario {
  name: string;
  run(t: TestContext): Promise<void>;
}

export interface TestContext {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** A fresh folder for files the scenario writes. */
  dir: string;
  shot(name: string): Promise<void>;
}

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Deep equality of JSON values; a failure names the first path that differs. */
export function assertSameJson(actual: unknown, expected: unknown, what: string, path = '$'): void {
  if (actual === expected) return;
  const bothObjects = actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object';
  if (!bothObjects || Array.isArray(actual) !== Array.isArray(expected)) {
    throw new AssertionError(`${what}: differ at ${path}: ${JSON.stringify(actual)?.slice(0, 200)} vs ${JSON.stringify(expected)?.slice(0, 200)}`);
  }
  const a = actual as Record<string, unknown>;
  const b = expected as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) assertSameJson(a[k], b[k], what, Array.isArray(actual) ? `${path}[${k}]` : `${path}.${k}`);
}

/** Retries `check` until it passes or `timeoutMs` runs out (then rethrows its last failure). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5000, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

export function run(command: string, args: string[], options: { cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Starts `vite preview` on the built app and resolves once it answers. */
export async function startPreview(port: number): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = spawn(join(REPO, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const until = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`vite preview did not answer on ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, stop: () => void child.kill('SIGTERM') };
}

/** Waits until the canvas stops moving (the initial fit runs once the nodes are measured). */
export async function viewportSettled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    if (now === last && now.includes('translate')) return;
    last = now;
    await page.waitForTimeout(75);
  }
}

/** Runs one scenario in a fresh Chromium profile; page errors fail it. */
export async function runScenario(scenario: Scenario, baseUrl: string): Promise<string | null> {
  const profile = mkdtempSync(join(tmpdir(), 'preflight-profile-'));
  const dir = mkdtempSync(join(tmpdir(), 'preflight-files-'));
  mkdirSync(SHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  try {
    await page.goto(baseUrl);
    await page.getByTestId('node-users').waitFor();
    await viewportSettled(page);
    await scenario.run({ page, context, baseUrl, dir, shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`) }).then(() => undefined) });
    if (errors.length) return errors.join('\n');
    return null;
  } catch (e) {
    await page.screenshot({ path: join(SHOTS, `FAILED-${scenario.name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
    return `${e instanceof Error ? (e.stack ?? e.message) : String(e)}${errors.length ? `\n${errors.join('\n')}` : ''}`;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
