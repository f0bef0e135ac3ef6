import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A local Chromium or Chrome to print with: PREFLIGHT_CHROMIUM, CHROME_PATH, or a usual install path. */
export function findChromium(): { path: string | null; looked: string[] } {
  const env = [process.env.PREFLIGHT_CHROMIUM, process.env.CHROME_PATH].filter((p): p is string => !!p);
  const looked = [...env, ...CANDIDATES];
  return { path: looked.find((p) => existsSync(p)) ?? null, looked };
}

/** Prints HTML to PDF with headless Chromium (its --print-to-pdf); throws with the reason on failure. */
export function htmlToPdf(html: string, outFile: string, chromium: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-report-'));
  try {
    const htmlFile = join(dir, 'report.html');
    writeFileSync(htmlFile, html);
    const result = spawnSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${outFile}`, pathToFileURL(htmlFile).href],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (result.error) throw new Error(`could not start ${chromium}: ${result.error.message}`);
    if (!existsSync(outFile)) throw new Error(`${chromium} did not write the PDF (exit ${result.status}): ${(result.stderr || '').split('\n').slice(-3).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
