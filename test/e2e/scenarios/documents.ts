import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, eventually, SHOTS, type Scenario } from '../harness';
import { nodeIds, openDocument, saveDocument, selectNode, setField } from '../ui';

const EXAMPLE = readFileSync(new URL('../../../examples/optimized-rag.preflight.json', import.meta.url), 'utf8');

export const documents: Scenario[] = [
  {
    name: 'New offers blank or the examples as templates',
    async run({ page, shot }) {
      await page.getByRole('button', { name: 'New', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'New pipeline' });
      await shot('07-new-dialog');
      await dialog.getByRole('listitem').filter({ hasText: 'Naive RAG' }).click();
      await eventually(async () => assertEqual(await page.getByTestId('document-title').innerText(), 'naive-rag.preflight.json', 'title after New from template'));
      assert(!(await nodeIds(page)).includes('rerank'), 'the naive pipeline has no reranker');
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByRole('dialog', { name: 'New pipeline' }).getByRole('listitem').filter({ hasText: 'Blank canvas' }).click();
      await eventually(async () => assertEqual((await nodeIds(page)).length, 0, 'blank canvas'));
      assert(await page.getByText('An empty pipeline').isVisible(), 'the empty canvas explains how to start');
      await eventually(async () => assert(await page.getByRole('button', { name: /problems? blocks? the run/ }).isVisible(), 'Run says why it is disabled'));
      assert(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled(), 'Run is disabled');
      await shot('08-blank-canvas');
      // With "1 problem" beside Run, a laptop-width toolbar still shows New/Open/Save with their words, and everything fits.
      for (const width of [1280, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        await eventually(async () => {
          const toolbar = await page.getByRole('toolbar', { name: 'Main toolbar' }).evaluate((bar) => ({
            overflow: bar.scrollWidth - bar.clientWidth,
            words: ['New', 'Open', 'Save'].map((w) => [...bar.querySelectorAll('button')].find((b) => b.textContent?.trim() === w)).map((b) => (b ? parseFloat(getComputedStyle(b).fontSize) : 0)),
            offScreen: [...bar.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > window.innerWidth).map((b) => b.getAttribute('aria-label') ?? b.textContent),
          }));
          assert(toolbar.words.every((size) => size >= 12), `New/Open/Save show their words at ${width} px (font sizes ${toolbar.words.join(', ')})`);
          assertEqual(toolbar.overflow, 0, `toolbar overflow at ${width} px`);
          assertEqual(toolbar.offScreen.join(', '), '', `toolbar buttons past the right edge at ${width} px`);
        });
        assert(await page.getByRole('button', { name: /problems? blocks? the run/ }).isVisible(), `the blocker shows at ${width} px`);
        await page.screenshot({ path: `${SHOTS}/08b-toolbar-problems-${width}.png`, clip: { x: 0, y: 0, width, height: 60 } });
      }
    },
  },
  {
    name: 'saves, marks dirty, reopens the saved file identical',
    async run({ page, dir }) {
      await selectNode(page, 'search');
      await setField(page, 'Top k', '30');
      await eventually(async () => assert(await page.getByLabel('unsaved changes').isVisible(), 'dirty marker in the title'));
      assert((await page.title()).startsWith('● '), 'the window title is marked dirty');
      const saved = await saveDocument(page, dir);
      await eventually(async () => assert(!(await page.getByLabel('unsaved changes').isVisible()), 'clean after save'));
      const json = JSON.parse(readFileSync(saved, 'utf8'));
      assertEqual(json.nodes[2].params.topK, 30, 'the saved file has the edit');
      assertEqual(JSON.stringify(json.traffic), JSON.stringify(JSON.parse(EXAMPLE).traffic), 'untouched sections are written as they were');
      // Change, then reopen the saved file (discarding the change).
      await setField(page, 'Top k', '12');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
      const chooser = page.waitForEvent('filechooser');
      await confirm.getByRole('button', { name: /Discard/ }).click();
      await (await chooser).setFiles(saved);
      await eventually(async () => assertEqual(await page.getByTestId('document-title').innerText(), saved.split('/').pop()!, 'title of the reopened file'));
      await selectNode(page, 'search');
      assertEqual(await page.getByRole('tabpanel').getByLabel('Top k', { exact: true }).inputValue(), '30', 'reopened value');
      await page.getByRole('button', { name: 'Recent files' }).click();
      assert(await page.getByRole('menuitem', { name: new RegExp(saved.split('/').pop()!.replace('.', '\\.')) }).isVisible(), 'listed in recent files');
    },
  },
  {
    name: 'a file with validation errors opens with its errors listed and highlighted',
    async run({ page, dir, shot }) {
      const doc = JSON.parse(EXAMPLE);
      doc.nodes[2].params.topK = -3;
      doc.nodes[4].params.quota = 'anthropic';
      doc.edges = doc.edges.filter((e: { from: string; port: string }) => !(e.from === 'rerank' && e.port === 'ok'));
      const path = join(dir, 'broken.preflight.json');
      writeFileSync(path, JSON.stringify(doc, null, 2));
      await openDocument(page, path);
      await eventually(async () => assertEqual(await page.getByTestId('document-title').innerText(), 'broken.preflight.json', 'the broken file opened'));
      const problems = page.getByRole('region', { name: 'Problems' });
      assert((await problems.innerText()).includes('got -3'), 'the problem names the bad value');
      assert(await page.getByTestId('node-search').locator('.badge.error').isVisible(), 'the node with the problem is highlighted');
      assert(await page.getByRole('button', { name: 'Run', exact: true }).isDisabled(), 'Run is disabled');
      // The wiring is checked with the schema errors (the rerank's unwired output is listed at once); quota
      // references and per-kind checks wait for the schema to pass, and the panel says more may come.
      assert((await problems.innerText()).includes("output 'ok' leads nowhere"), 'a wiring error is listed with the schema error');
      assert(await problems.getByTestId('graph-not-checked').isVisible(), 'Problems says quota references are checked once these are fixed');
      await shot('09-broken-file-problems');
      await problems.getByRole('button', { name: /Vector search/ }).click();
      assertEqual(await page.getByRole('tabpanel').getByLabel('Top k', { exact: true }).inputValue(), '-3', 'clicking the problem opens the node');
      await setField(page, 'Top k', '20');
      await eventually(async () => assert((await problems.innerText()).includes("no quota 'anthropic'"), 'the next problem surfaces once the schema error is fixed'));
      assertEqual(await problems.getByTestId('graph-not-checked').count(), 0, 'the note goes once every check has run');
      await shot('10-problems-after-fix');
    },
  },
  {
    name: 'a file that is not JSON is refused with line and column, the canvas keeps its pipeline',
    async run({ page, dir, shot }) {
      const path = join(dir, 'not-json.preflight.json');
      writeFileSync(path, '{\n  "version": 1,\n  "nodes": [,]\n}\n');
      await openDocument(page, path);
      const dialog = page.getByRole('dialog', { name: 'Cannot open not-json.preflight.json' });
      await dialog.waitFor();
      assert((await dialog.innerText()).includes('line 3'), `the error has a line number: ${await dialog.innerText()}`);
      await shot('11-not-json');
      await dialog.getByRole('button', { name: 'Close' }).click();
      assertEqual((await nodeIds(page)).length, 7, 'the previous pipeline is still there');
    },
  },
  {
    name: 'autosave offers to restore unsaved work after a crash',
    async run({ page }) {
      await selectNode(page, 'rerank');
      await setField(page, 'Top n', '4');
      await page.waitForTimeout(1500);
      await page.reload();
      const dialog = page.getByRole('dialog', { name: 'Restore unsaved work?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Restore' }).click();
      await eventually(async () => assert((await page.getByTestId('node-rerank').innerText()).includes('top_n 4'), 'the restored document has the edit'));
      assert(await page.getByLabel('unsaved changes').isVisible(), 'a restored document is dirty');
    },
  },
];
