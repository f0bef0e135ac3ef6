import { formatMs, formatUsd, type RunResults } from '../../../simulation/index';
import { assert, assertEqual, assertSameJson, eventually, REPO, run, type Scenario } from '../harness';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardValue, openDocument, openRunSettings, runAndWait, saveDocument, selectNode, setRun } from '../ui';

async function cliResults(file: string): Promise<RunResults> {
  const out = await run(process.execPath, [`${REPO}bin/preflight.mjs`, 'run', file, '--json']);
  assertEqual(out.code, 0, `preflight run exit code (${out.stderr.slice(0, 400)})`);
  return JSON.parse(out.stdout) as RunResults;
}

export const running: Scenario[] = [
  {
    name: 'headline cards fill their rows at 1280, 1440 and 1920 px: never one card alone, no figure clipped',
    async run({ page, shot }) {
      await setRun(page, 1, '10m');
      await runAndWait(page);
      // Width → cards per row: 5 + 4 below 1700 px of grid, nine in a row above (results.css).
      for (const [width, rows] of [[1280, [5, 4]], [1440, [5, 4]], [1920, [9]]] as const) {
        await page.setViewportSize({ width, height: 900 });
        await eventually(async () => {
          const layout = await page.getByRole('list', { name: 'Headline figures' }).evaluate((grid) => {
            const perRow = new Map<number, number>();
            for (const card of grid.children) perRow.set((card as HTMLElement).offsetTop, (perRow.get((card as HTMLElement).offsetTop) ?? 0) + 1);
            const clipped = [...grid.querySelectorAll<HTMLElement>('.card, .card *')].filter((e) => e.scrollWidth > e.clientWidth + 1).length;
            return { perRow: [...perRow.values()], clipped };
          });
          assertEqual(JSON.stringify(layout.perRow), JSON.stringify(rows), `cards per row at ${width} px`);
          assertEqual(layout.clipped, 0, `clipped card elements at ${width} px`);
        });
        await shot(`12b-headline-${width}`);
      }
    },
  },
  {
    name: 'runs in the worker, shows results, and its figures equal the CLI --json for the saved file',
    async run({ page, dir, shot }) {
      await setRun(page, 3, '20m');
      await runAndWait(page);
      await page.waitForTimeout(300);
      await shot('12-results');
      const p99 = await cardValue(page, 'p99Ms');
      const cost = await cardValue(page, 'costPerQueryUsd');
      assert((await page.getByTestId('run-summary').innerText()).includes('Seed 3'), 'the run used the seed from the toolbar');
      await page.getByRole('button', { name: 'Where does P99 latency come from?' }).click();
      const pop = page.getByRole('dialog', { name: 'P99 end-to-end latency' });
      assert((await pop.innerText()).includes(p99), 'the explanation repeats the figure with its formula');
      await shot('13-explanation');
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: 'Editor' }).click();
      assert(/P95/.test(await page.getByTestId('node-figures-llm').innerText()), 'nodes show their own P95 after a run');
      await shot('14-editor-after-run');
      const file = await saveDocument(page, dir);
      const cli = await cliResults(file);
      assertEqual(p99, formatMs(cli.headline.p99Ms), 'P99 in the app vs the CLI');
      assertEqual(cost, formatUsd(cli.headline.costPerQueryUsd), 'cost per query in the app vs the CLI');
      assertEqual(cli.run.seed, 3, 'the CLI ran the saved seed');

      // The exported JSON is the CLI's JSON, byte for byte (apart from nothing).
      await page.getByRole('tab', { name: 'Results' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export JSON' }).click();
      const exported = `${dir}/exported.json`;
      await (await download).saveAs(exported);
      const text = (await import('node:fs')).readFileSync(exported, 'utf8');
      assertSameJson(JSON.parse(text), cli, 'exported results vs preflight run --json');
    },
  },
  {
    name: 'a 1 M-request run keeps the UI responsive, shows progress, completes, and a run can be cancelled',
    async run({ page, shot }) {
      await openRunSettings(page);
      await page.getByRole('combobox', { name: 'Stop after' }).selectOption('requests');
      await setRun(page, 1, '1,000,000');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const bar = page.getByRole('progressbar', { name: 'Run progress' });
      await bar.waitFor();
      await eventually(async () => assert(Number(await bar.getAttribute('aria-valuenow')) > 0, 'progress moves'), 20_000);
      // The main thread keeps painting while the worker simulates: measure frame gaps for 1.5 s.
      // (A string, not a function: tsx would add helpers the page does not have.)
      const worstGapMs = (await page.evaluate(`new Promise((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + 1500;
        const tick = (now) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      })`)) as number;
      assert(worstGapMs < 250, `UI frames kept coming during the run (worst gap ${worstGapMs.toFixed(0)} ms)`);
      await page.getByRole('tab', { name: 'Traffic' }).click();
      assert(await page.getByRole('tabpanel').getByLabel('Arrival rate', { exact: true }).isVisible(), 'panels still open during a run');
      // The traffic summary's day and month come from the whole daily curve, as the monthly cost's do.
      const summary = await page.getByRole('tabpanel').locator('.panel-summary').innerText();
      assert(summary.includes('A typical day: mean 4.39 req/s ≈ 378,900 requests/day, 11,367,000 a month (what monthly figures use).'), `traffic summary: ${summary}`);
      await shot('15-run-in-progress');
      // Let this one finish: a million measured requests end in the results view.
      await page.getByTestId('card-p99Ms').waitFor({ timeout: 120_000 });
      assert((await page.getByTestId('run-summary').innerText()).includes('1,000,000 measured requests'), 'the 1 M-request run completed');
      // And the next one is cancelled midway.
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await eventually(async () => assert(Number(await bar.getAttribute('aria-valuenow')) > 5, 'the second run is under way'), 20_000);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await eventually(async () => assert(await page.getByRole('button', { name: 'Run', exact: true }).isVisible(), 'Run is back after cancel'), 5000);
      assert(await page.getByText('Run cancelled.').isVisible(), 'cancel is confirmed');
    },
  },
  {
    name: 'an overloaded quota is flagged before the run and impossible to miss after it',
    async run({ page, shot }) {
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByRole('dialog', { name: 'New pipeline' }).getByRole('listitem').filter({ hasText: 'Naive RAG' }).click();
      const problems = page.getByRole('region', { name: 'Problems' });
      await eventually(async () => assert((await problems.innerText()).includes("Before the run: quota 'openai' is offered"), 'pre-run warning in the problems panel'));
      await setRun(page, 1, '10m');
      await runAndWait(page);
      const banner = page.getByTestId('stability-warnings');
      assertEqual(await banner.getAttribute('role'), 'alert', 'the warning is an alert');
      assert(/offered 1\d\d %/.test(await banner.innerText()), `the banner states the overload: ${await banner.innerText()}`);
      await shot('18-stability-warning');
    },
  },
  {
    name: 'a first-time user builds the optimized RAG pipeline from a blank canvas and finds P99 and cost per query',
    async run({ page, shot }) {
      const started = Date.now();
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByRole('dialog', { name: 'New pipeline' }).getByRole('listitem').filter({ hasText: 'Blank canvas' }).click();
      // Clicking kinds in order: each new node is connected from the selected (previous) one.
      for (const kind of ['Traffic source', 'Embedding', 'Vector retrieval', 'Reranker', 'LLM', 'Response']) {
        await page.getByRole('button', { name: `Add ${kind} node` }).click();
      }
      await eventually(async () => assert(await page.getByText('ready to run').isVisible(), 'the chain is valid'));
      await selectNode(page, 'retrieval');
      assertEqual(await page.getByRole('tabpanel').getByLabel('Top k', { exact: true }).inputValue(), '20', 'retrieve 20 (default)');
      await selectNode(page, 'reranker');
      assertEqual(await page.getByRole('tabpanel').getByLabel('Top n', { exact: true }).inputValue(), '5', 'rerank to 5 (default)');
      await page.getByRole('button', { name: 'Auto-layout' }).click();
      await page.waitForTimeout(400);
      await shot('16-built-from-blank');
      await setRun(page, 1, '30m');
      await runAndWait(page);
      const p99 = await cardValue(page, 'p99Ms');
      const cost = await cardValue(page, 'costPerQueryUsd');
      assert(/\d/.test(p99) && /^\$/.test(cost), `found P99 ${p99} and cost per query ${cost}`);
      const seconds = (Date.now() - started) / 1000;
      assert(seconds < 60, `scripted flow took ${seconds.toFixed(1)} s`);
      await shot('17-results-from-blank');
    },
  },
  {
    name: 'a pipeline that serves nothing shows no latency (—, not 0 ms) and fails its latency targets, as the CLI does',
    async run({ page, dir, shot }) {
      const doc = JSON.parse(readFileSync(`${REPO}examples/optimized-rag.preflight.json`, 'utf8'));
      const llm = doc.nodes.find((n: { id: string }) => n.id === 'llm');
      llm.params.errorProbability = 1;
      llm.params.retry = { numRetries: 0 };
      const path = join(dir, 'all-fail.preflight.json');
      writeFileSync(path, JSON.stringify(doc, null, 2));
      await openDocument(page, path);
      await eventually(async () => assertEqual(await page.getByTestId('document-title').innerText(), 'all-fail.preflight.json', 'the file opened'));
      await setRun(page, 1, '10m');
      await runAndWait(page);
      for (const key of ['p50Ms', 'p95Ms', 'p99Ms', 'ttftP50Ms']) {
        assertEqual(await cardValue(page, key), '—', `${key} card value`);
        assert((await page.getByTestId(`card-${key}`).getAttribute('class'))!.includes('status-fail'), `the ${key} card is red`);
      }
      assert((await page.getByTestId('card-p99Ms').innerText()).includes('no request was served'), 'the P99 card says why');
      assert((await page.getByTestId('card-costPerQueryUsd').innerText()).includes('paid for failed attempts: no answer was served'), 'the cost card says what it paid for');
      const slo = page.getByRole('region', { name: 'SLO checks' });
      const p99Row = slo.locator('li', { hasText: 'P99 latency' });
      assert((await p99Row.getAttribute('class'))!.includes('status-fail'), 'the P99 target fails in the SLO list');
      assert((await p99Row.innerText()).includes('—'), 'with no value');
      assert((await page.getByRole('region', { name: 'Latency distribution' }).innerText()).includes('No request was served, so there is no latency to show'), 'the latency chart says why it is empty');
      const cli = await cliResults(path);
      assertEqual(cli.headline.p99Ms, null, 'the CLI has no P99 either');
      await shot('12d-nothing-served');
    },
  },
];
