import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fitCalibration, parseCalibrationInput, sha256Hex } from '../../../simulation/index';
import { assert, assertEqual, eventually, REPO, run, SHOTS, type Scenario } from '../harness';
import { runAndWait, saveDocument, selectNode, setRun } from '../ui';

const FIXTURES = join(REPO, 'test/fixtures');

/** Every `data-figure` / `data-value` pair of a report, in document order. */
function reportFigures(html: string): string[] {
  return [...html.matchAll(/data-(?:figure|value)="([^"]*)"/g)].map((m) => m[1]!);
}

/** PDF → one PNG per page in the screenshots folder (poppler's pdftoppm); returns the page files. */
async function pdfPages(pdf: string, prefix: string): Promise<string[]> {
  const out = await run('pdftoppm', ['-r', '70', '-png', pdf, join(SHOTS, prefix)]);
  assertEqual(out.code, 0, `pdftoppm exit code (${out.stderr.slice(0, 300)}; install poppler-utils)`);
  return readdirSync(SHOTS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png')).sort();
}

async function chooseFrom(page: Page, menu: 'Import' | 'Export', item: RegExp, file?: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  const chooser = file ? page.waitForEvent('filechooser') : null;
  await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }).click();
  if (chooser && file) await (await chooser).setFiles(file);
}

async function download(page: Page, dir: string, click: () => Promise<void>): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

export const io: Scenario[] = [
  {
    name: 'exports the launch report from the web build: PDF through the browser print, figures equal to preflight report',
    async run({ page, dir, shot }) {
      const saved = await saveDocument(page, dir);
      const name = saved.split('/').pop()!;
      const stem = name.replace(/\.preflight\.json$/, '');
      await chooseFrom(page, 'Export', /Launch report/);
      const dialog = page.getByRole('dialog', { name: 'Launch report' });
      assertEqual(await page.getByTestId('report-command').innerText(), `npx preflight report ${name} --out ${stem}.report.html --replications 5`, 'the CLI line of the report');
      assert(!(await page.getByTestId('report-unsaved').isVisible()), 'a saved, unchanged pipeline needs no warning');
      // Cancel stops the work at once and keeps the choices.
      await dialog.getByLabel('Replications').fill('40');
      await dialog.getByRole('button', { name: 'Make report' }).click();
      await page.getByRole('progressbar', { name: 'Report progress' }).waitFor();
      await page.getByRole('dialog', { name: 'Making the launch report' }).getByRole('button', { name: 'Cancel' }).click();
      await eventually(async () => assert(await page.getByText('Report cancelled.').isVisible(), 'cancel is confirmed'));
      assertEqual(await dialog.getByLabel('Replications').inputValue(), '40', 'the dialog is back with its choices');
      await dialog.getByLabel('Replications').fill('5');
      await dialog.getByLabel(/^PDF/).check();
      await shot('io-01-report-dialog');
      await dialog.getByRole('button', { name: 'Make report' }).click();
      const progress = page.getByRole('progressbar', { name: 'Report progress' });
      await progress.waitFor();
      await shot('io-02-report-progress');
      const ready = page.getByRole('dialog', { name: 'The launch report is ready' });
      await ready.waitFor({ timeout: 120_000 });
      await shot('io-03-report-ready');

      const popup = page.waitForEvent('popup');
      await ready.getByRole('button', { name: 'Open printable report' }).click();
      const tab = await popup;
      await tab.waitForLoadState('load');
      assert((await tab.title()).endsWith('Preflight launch report'), 'the report opened in its own tab');
      // page.pdf() is Chromium's print of that tab: what "Save as PDF" in the print dialog writes.
      const pdf = join(dir, 'report-web.pdf');
      await tab.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const pages = await pdfPages(pdf, 'io-report-web');
      assert(pages.length >= 5, `the report has its pages (${pages.length})`);
      const appHtml = await tab.content();
      await tab.close();

      // The footer's command, run on the saved file, gives the same figures.
      const cliHtml = join(dir, 'cli-report.html');
      const cli = await run(process.execPath, [`${REPO}bin/preflight.mjs`, 'report', saved, '--out', cliHtml, '--replications', '5']);
      assertEqual(cli.code, 0, `preflight report exit code (${cli.stderr.slice(0, 300)})`);
      const cliText = readFileSync(cliHtml, 'utf8');
      const figures = reportFigures(appHtml);
      assert(figures.length > 40, `the report carries its figures (${figures.length})`);
      assertEqual(JSON.stringify(figures), JSON.stringify(reportFigures(cliText)), 'figures of the app report vs preflight report');
      const hash = sha256Hex(readFileSync(saved, 'utf8'));
      assert(appHtml.includes(`data-file-hash="${hash}"`) && cliText.includes(`data-file-hash="${hash}"`), 'both footers carry the SHA-256 of the saved file');
      assert(appHtml.includes(`--out ${stem}.report.pdf --replications 5`), 'the footer says how to reproduce the PDF');

      // The CLI's PDF (its own Chromium print), for a look beside the browser's.
      const cliPdf = join(dir, 'cli-report.pdf');
      const cliPdfRun = await run(process.execPath, [`${REPO}bin/preflight.mjs`, 'report', saved, '--out', cliPdf, '--replications', '5']);
      assertEqual(cliPdfRun.code, 0, `preflight report --out x.pdf exit code (${cliPdfRun.stderr.slice(0, 300)})`);
      assert((await pdfPages(cliPdf, 'io-report-cli')).length >= 5, 'the CLI PDF has its pages');

      // HTML: one self-contained file, downloaded (the dialog also opens with the menu's shortcut).
      await page.keyboard.press('Control+Shift+E');
      await dialog.getByLabel('Replications').fill('2');
      await dialog.getByRole('checkbox', { name: /Max sustainable load/ }).uncheck();
      const html = await download(page, dir, () => dialog.getByRole('button', { name: 'Make report' }).click());
      assertEqual(html.split('/').pop(), `${stem}.report.html`, 'report file name');
      const text = readFileSync(html, 'utf8');
      assert(text.startsWith('<!doctype html>') && text.includes('id="preflight-results"') && !/<script(?! type="application\/json")/.test(text) && !/(src|href)="https?:/.test(text), 'self-contained: no scripts, nothing fetched');
      assert(text.includes('--replications 2 --no-capacity'), 'the footer has the chosen plan');
      await eventually(async () => assert(!(await dialog.isVisible()), 'the dialog closes once the file is saved'));
    },
  },
  {
    name: 'a what-if sweep from the Analysis workspace goes into the report, and the footer\'s command recomputes it',
    async run({ page, dir, shot }) {
      await setRun(page, 1, '20m');
      const saved = await saveDocument(page, dir);
      await page.getByRole('tab', { name: 'Analysis' }).click();
      await page.getByRole('tab', { name: /What-ifs/ }).click();
      await page.getByRole('button', { name: 'Run sweep' }).click();
      await page.getByTestId('sweep-chart').waitFor({ timeout: 120_000 });
      await chooseFrom(page, 'Export', /Launch report/);
      const dialog = page.getByRole('dialog', { name: 'Launch report' });
      assert((await dialog.getByRole('checkbox', { name: /Maturity ROI and what-ifs/ }).isChecked()) && (await dialog.innerText()).includes('a sweep of traffic.rps'), 'the sweep is offered for the report');
      await dialog.getByLabel('Replications').fill('2');
      await dialog.getByRole('checkbox', { name: /Max sustainable load/ }).uncheck();
      const command = await page.getByTestId('report-command').innerText();
      assert(/ --param traffic\.rps=[\d.,]+$/.test(command), `the command recomputes the sweep: ${command}`);
      await shot('io-12-report-with-whatif');
      const html = await download(page, dir, () => dialog.getByRole('button', { name: 'Make report' }).click());
      const appText = readFileSync(html, 'utf8');
      assert(appText.includes('What-if: traffic · arrival rate'), 'the report has the sweep, its parameter by label');
      const args = command.replace(/^npx preflight report \S+ --out \S+ /, '').split(' ');
      const cliHtml = join(dir, 'cli-whatif.html');
      const cli = await run(process.execPath, [`${REPO}bin/preflight.mjs`, 'report', saved, '--out', cliHtml, ...args]);
      assertEqual(cli.code, 0, `preflight report exit code (${cli.stderr.slice(0, 300)})`);
      const planning = (text: string) => text.slice(text.indexOf('<section id="planning">'), text.indexOf('</section>', text.indexOf('<section id="planning">')));
      assertEqual(planning(appText), planning(readFileSync(cliHtml, 'utf8')), 'the what-if section of the app report vs the CLI');
      assertEqual(JSON.stringify(reportFigures(appText)), JSON.stringify(reportFigures(readFileSync(cliHtml, 'utf8'))), 'figures of the app report vs the CLI');
    },
  },
  {
    name: 'data exports from the latest run, and its OTLP traces calibrate the LLM node',
    async run({ page, dir, shot }) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      assert(await page.getByRole('menuitem', { name: /Headline figures/ }).isDisabled(), 'data exports wait for a run');
      await page.keyboard.press('Escape');
      // An hour: about 25 random-sample traces at the default 0.1 % rate (the slowest and failed ones are
      // left out of calibration), enough for every fit's minimum of 5 values.
      await setRun(page, 2, '1h');
      await runAndWait(page);
      const csv = await download(page, dir, () => chooseFrom(page, 'Export', /Headline figures/));
      assertEqual(csv.split('/').pop(), 'optimized-rag.seed-2.headline.csv', 'headline CSV name');
      assert(readFileSync(csv, 'utf8').startsWith('figure,value,ci_low,ci_high,confidence,replications\r\np50Ms,'), 'headline CSV for spreadsheets');
      const series = await download(page, dir, () => chooseFrom(page, 'Export', /Per-minute series/));
      assert(readFileSync(series, 'utf8').split('\r\n').length > 10, 'a row per interval');
      const traces = await download(page, dir, () => chooseFrom(page, 'Export', /Sampled traces/));
      assertEqual(traces.split('/').pop(), 'optimized-rag.seed-2.traces.otlp.json', 'OTLP file name');

      await chooseFrom(page, 'Import', /Calibrate from traces/, traces);
      const dialog = page.getByRole('dialog', { name: /^Calibrate from/ });
      await dialog.waitFor();
      assert((await dialog.getByRole('table', { name: 'Fits per model' }).innerText()).includes('gpt-5.4-mini'), 'the exported model calls are read back');
      assertEqual(await dialog.getByLabel('Node to calibrate').inputValue(), 'llm', 'the node whose model matches is chosen');
      assert(await page.getByTestId('calibration-simulated').isVisible(), 'simulated traces are flagged as such');
      await shot('io-04-calibrate-exported');
      await dialog.getByRole('button', { name: /^Apply to/ }).click();
      await eventually(async () => assert(await page.getByText(/^Calibrated Answer/).isVisible(), 'a toast says what changed'));
    },
  },
  {
    name: 'calibrates from the OTLP fixture and applies the fits to the LLM node in one click, undoable',
    async run({ page, dir, shot }) {
      const broken = join(dir, 'broken.json');
      (await import('node:fs')).writeFileSync(broken, '{\n  "resourceSpans": [\n    { "x": 1,, }\n  ]\n}\n');
      await chooseFrom(page, 'Import', /Calibrate from traces/, broken);
      const error = page.getByRole('dialog', { name: 'Cannot import broken.json' });
      assert((await page.getByTestId('import-error').innerText()).includes('not JSON at line 3, column 14'), 'the error names the line and column');
      await shot('io-05-import-error');
      await error.getByRole('button', { name: 'Close' }).click();

      const file = join(FIXTURES, 'otlp/genai-traces.json');
      await chooseFrom(page, 'Import', /Calibrate from traces/, file);
      const dialog = page.getByRole('dialog', { name: 'Calibrate from genai-traces.json' });
      await dialog.waitFor();
      assert(await dialog.getByRole('img', { name: /TTFT: observed against fitted cumulative distribution, largest gap D = 0\.\d{3}/ }).isVisible(), 'the TTFT fit is drawn against the data');
      assert(await dialog.getByText(/No node uses gpt-4o-mini/).isVisible(), 'no node uses the measured model: the dialog says so');
      await dialog.getByRole('button', { name: 'Show the gpt-4o-mini Time per output token fit' }).click();
      await shot('io-06-calibration');
      await dialog.getByRole('button', { name: 'Apply to Answer (gpt-5.4-mini)' }).click();
      await eventually(async () => assert(await page.getByText(/^Calibrated Answer \(gpt-5\.4-mini\) from gpt-4o-mini: TTFT →/).isVisible(), 'the toast says what changed'));
      await shot('io-07-calibration-applied');

      const fit = fitCalibration(parseCalibrationInput(readFileSync(file, 'utf8'))).models[0]!;
      const savedPath = await saveDocument(page, dir);
      const llm = (JSON.parse(readFileSync(savedPath, 'utf8')) as { nodes: Array<{ id: string; params: Record<string, unknown> }> }).nodes.find((n) => n.id === 'llm')!;
      assertEqual(JSON.stringify(llm.params.ttftMs), JSON.stringify(fit.ttftMs!.lognormal), 'the node has the fitted TTFT');
      assertEqual(JSON.stringify(llm.params.timePerOutputTokenMs), JSON.stringify(fit.timePerOutputTokenMs!.lognormal), 'and the fitted time per output token');
      await page.getByRole('button', { name: 'Undo' }).click();
      await selectNode(page, 'llm');
      const after = await saveDocument(page, dir, true);
      const undone = (JSON.parse(readFileSync(after, 'utf8')) as { nodes: Array<{ id: string; params: Record<string, unknown> }> }).nodes.find((n) => n.id === 'llm')!;
      assertEqual(JSON.stringify(undone.params.ttftMs), JSON.stringify({ type: 'lognormal', median: 450, p99: 1500 }), 'Undo puts the old TTFT back');
    },
  },
  {
    name: 'imports the proxy-config fixture as a new unsaved pipeline, and a price map into the model picker',
    async run({ page, shot }) {
      await chooseFrom(page, 'Import', /LiteLLM proxy config/, join(FIXTURES, 'litellm/proxy-config.yaml'));
      const preview = page.getByRole('dialog', { name: 'Import proxy-config.yaml as a pipeline' });
      await preview.waitFor();
      const notes = await preview.getByRole('table', { name: 'Import notes' }).innerText();
      assert(notes.indexOf('wildcard') >= 0 && notes.indexOf('wildcard') < notes.indexOf('secret'), 'warnings (the wildcard) come before the other notes');
      for (const secret of ['sk-test-placeholder', 'hunter2', 'sk-1234', 'user:pass']) assert(!notes.includes(secret), `no secret value shown (${secret})`);
      await shot('io-08-proxy-preview');
      await preview.getByRole('button', { name: 'Open as a new pipeline' }).click();
      await eventually(async () => assertEqual(await page.getByTestId('document-title').innerText(), 'proxy-config.preflight.json●', 'the imported pipeline is open, unsaved'));
      await page.getByTestId('node-model-groups').waitFor();
      await page.waitForTimeout(400);
      await shot('io-09-proxy-pipeline');

      await chooseFrom(page, 'Import', /LiteLLM price map/, join(FIXTURES, 'litellm/model-prices-edge-cases.json'));
      const prices = page.getByRole('dialog', { name: 'Import prices from model-prices-edge-cases.json' });
      await prices.waitFor();
      assert((await page.getByTestId('price-summary').innerText()).startsWith('20 entries read: '), 'the summary counts every entry');
      await prices.getByText('Every skipped entry with its reason').click();
      assert((await page.getByTestId('skipped-list').innerText()).includes('sample_spec'), 'skipped keys are listed with their reason');
      await shot('io-10-price-map');
      await prices.getByRole('button', { name: /^Add \d+ models to this pipeline$/ }).click();
      await eventually(async () => assert(await page.getByText(/^Added \d+ LiteLLM prices/).isVisible(), 'a toast confirms the import'));
      await selectNode(page, 'llm-chat-big');
      await page.getByRole('tabpanel').locator('.model-button').click();
      await page.getByLabel('Filter models').fill('plain-chat');
      assert(await page.getByRole('option', { name: /plain-chat/ }).isVisible(), 'the model picker offers the imported model');
      await shot('io-11-model-picker');
    },
  },
];
