import { assert, assertEqual, eventually, type Scenario } from '../harness';
import { centreOf, connectPorts, dragFromPalette, nodeIds, selectNode, setField } from '../ui';

export const editing: Scenario[] = [
  {
    name: 'starts with the optimized RAG example and every registry kind in the palette',
    async run({ page, shot }) {
      assertEqual((await nodeIds(page)).sort().join(','), 'answer,embed,failed,llm,rerank,search,users', 'nodes on the canvas');
      assertEqual(await page.getByTestId('document-title').innerText(), 'optimized-rag.preflight.json', 'document title');
      const palette = page.getByRole('navigation', { name: 'Node palette' });
      for (const group of ['Traffic', 'Retrieval', 'Models', 'Caches', 'Terminals']) assert(await palette.getByRole('region', { name: group }).isVisible(), `palette group ${group}`);
      for (const kind of ['source', 'embedding', 'retrieval', 'reranker', 'llm', 'exact_cache', 'response', 'error']) assert(await page.getByTestId(`palette-${kind}`).isVisible(), `palette kind ${kind}`);
      assert((await page.getByTestId('node-llm').innerText()).includes('gpt-5.4-mini'), 'the LLM node shows its model');
      assert(await page.getByText('ready to run').isVisible(), 'problems panel says ready');
      await shot('01-editor-example');
      await selectNode(page, 'llm');
      await shot('02-inspector-llm');
      await page.getByRole('button', { name: 'Model', exact: true }).click();
      const picker = page.getByRole('dialog', { name: 'Choose Model' });
      assert((await picker.getByRole('option').count()) >= 5, 'the model picker lists chat models');
      assert((await picker.getByRole('option', { name: /gpt-5.4-nano/ }).innerText()).includes('ctx'), 'a model shows its context window');
      await shot('03-model-picker');
      await picker.getByRole('option', { name: /gpt-5.4-nano/ }).click();
      await eventually(async () => assert((await page.getByTestId('node-llm').innerText()).includes('gpt-5.4-nano'), 'the node shows the picked model'));
    },
  },
  {
    name: 'adds a node from the palette, connects it, edits a parameter, refuses a bad value, undoes',
    async run({ page, shot }) {
      // Make room: the cache goes between the users and the embedding.
      await page.getByRole('button', { name: 'Zoom to fit' }).click();
      await dragFromPalette(page, 'exact_cache', { x: 300, y: 560 });
      await page.getByTestId('node-exact_cache').waitFor();
      // Rewire users.out from embed to the cache through the inspector (the keyboard path), then drag the rest.
      await selectNode(page, 'users');
      await page.getByRole('tabpanel').getByLabel(/^out/).selectOption('exact_cache');
      await connectPorts(page, 'exact_cache', 'miss', 'embed');
      await connectPorts(page, 'exact_cache', 'hit', 'answer');
      await eventually(async () => assert(await page.getByText('ready to run').isVisible(), 'the cache pipeline is valid after wiring'));
      await shot('04-added-cache');

      await selectNode(page, 'exact_cache');
      await setField(page, 'Capacity', '50000');
      await eventually(async () => assert((await page.getByTestId('node-exact_cache').innerText()).includes('50,000 entries'), 'capacity applied'));
      await setField(page, 'Capacity', '-5');
      const alert = page.getByRole('tabpanel').getByRole('alert');
      assert((await alert.innerText()).includes('Capacity: got -5, expected a whole number ≥ 1'), `inline refusal, got: ${await alert.innerText()}`);
      assert((await page.getByTestId('node-exact_cache').innerText()).includes('50,000 entries'), 'the refused value was not applied');
      await shot('05-invalid-value');

      await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
      await page.keyboard.press('Control+z');
      await eventually(async () => assert((await page.getByTestId('node-exact_cache').innerText()).includes('10,000 entries'), 'undo restored the default capacity'));
      await page.getByRole('button', { name: 'Redo' }).click();
      await eventually(async () => assert((await page.getByTestId('node-exact_cache').innerText()).includes('50,000 entries'), 'redo re-applied it'));
    },
  },
  {
    name: 'refuses a connection the CLI would refuse, and says why',
    async run({ page }) {
      await connectPorts(page, 'llm', 'ok', 'search');
      await eventually(async () => assert(await page.getByRole('alert').filter({ hasText: "already goes to 'answer'" }).isVisible(), 'a toast gives the reason'));
      assertEqual((await page.locator('.react-flow__edge').count()), 9, 'no edge was added');
    },
  },
  {
    name: 'multi-select, copy/paste, delete, undo and auto-layout',
    async run({ page, shot }) {
      await page.getByTestId('node-search').click();
      await page.getByTestId('node-rerank').click({ modifiers: ['Control'] });
      assert(await page.getByText('2 nodes selected').isVisible(), 'two nodes selected');
      await page.keyboard.press('Control+c');
      await page.keyboard.press('Control+v');
      await eventually(async () => assertEqual((await nodeIds(page)).length, 9, 'pasted two nodes'));
      assert((await nodeIds(page)).includes('search-2') && (await nodeIds(page)).includes('rerank-2'), 'pasted nodes have fresh ids');
      await page.keyboard.press('Delete');
      await eventually(async () => assertEqual((await nodeIds(page)).length, 7, 'deleted the pasted pair'));
      await page.keyboard.press('Control+z');
      await eventually(async () => assertEqual((await nodeIds(page)).length, 9, 'Ctrl+Z brought the pair back'));
      await page.keyboard.press('Control+Shift+z');
      await eventually(async () => assertEqual((await nodeIds(page)).length, 7, 'Ctrl+Shift+Z deleted them again'));
      await page.keyboard.press('Control+z');
      await eventually(async () => assertEqual((await nodeIds(page)).length, 9, 'and Ctrl+Z restored them'));
      const before = await centreOf(page, 'node-search-2');
      await page.getByRole('button', { name: 'Auto-layout' }).click();
      await eventually(async () => {
        const after = await centreOf(page, 'node-search-2');
        assert(Math.abs(after.x - before.x) + Math.abs(after.y - before.y) > 5, 'auto-layout moved the nodes');
      });
      await page.waitForTimeout(300);
      await shot('06-auto-layout');
      await page.keyboard.press('Control+z');
      await eventually(async () => assertEqual(await page.getByRole('button', { name: 'Undo' }).getAttribute('title'), 'Undo Paste 2 nodes (Ctrl+Z)', 'layout is one undo step'));
      // Arrow keys move the focused node; a burst of presses is one undo step.
      await page.getByTestId('node-users').click();
      const start = await centreOf(page, 'node-users');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await eventually(async () => assert((await centreOf(page, 'node-users')).x > start.x + 5, 'arrow keys moved the node'));
      await eventually(async () => assertEqual(await page.getByRole('button', { name: 'Undo' }).getAttribute('title'), 'Undo Move with keys (Ctrl+Z)', 'the keyboard move is recorded'));
      await page.getByRole('button', { name: 'Undo' }).click();
      await eventually(async () => assert(Math.abs((await centreOf(page, 'node-users')).x - start.x) < 1, 'one undo puts it back'));
    },
  },
];
