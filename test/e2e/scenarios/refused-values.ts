import type { Page } from 'playwright-core';
import { assert, assertEqual, eventually, type Scenario } from '../harness';
import { openRunSettings, selectNode, setField } from '../ui';

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const refused = (page: Page) => problems(page).getByTestId('refused-value');
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const maxTokens = (page: Page) => page.getByRole('tabpanel').getByLabel('max_tokens', { exact: true });

/** Nothing refused on screen: Problems is back to "ready to run" and Run is enabled. */
async function cleared(page: Page, why: string): Promise<void> {
  await eventually(async () => assertEqual(await refused(page).count(), 0, `no refused value listed after ${why}`));
  assert(await problems(page).getByText('ready to run').isVisible(), `ready to run after ${why}`);
  assert(await runButton(page).isEnabled(), `Run is enabled after ${why}`);
}

export const refusedValues: Scenario[] = [
  {
    name: 'a refused Inspector value is listed in Problems and blocks Run until corrected, reset, reverted or its field goes',
    async run({ page, shot }) {
      await selectNode(page, 'llm');
      await setField(page, 'max_tokens', '-5');
      // Listed like the other problems: where, the refused value, what is allowed, and what the run would use.
      await eventually(async () => assertEqual(await refused(page).count(), 1, 'the refused value is listed'));
      const line = await refused(page).innerText();
      for (const part of ['Answer (gpt-5.4-mini) › params.maxTokens', 'not applied', 'max_tokens: got -5, expected a whole number ≥ 1', 'the pipeline still has 1,024']) assert(line.toLowerCase().includes(part.toLowerCase()), `the problem says "${part}": ${line}`);
      assert(await runButton(page).isDisabled(), 'Run is disabled while the field shows a refused value');
      assert(await page.getByRole('button', { name: '1 problem blocks the run: show them' }).isVisible(), 'Run says why');
      assert(!(await problems(page).getByText('ready to run').isVisible()), 'Problems no longer says ready to run');
      await shot('40-refused-value-listed');

      // Clicking it goes to the field.
      await page.getByRole('tabpanel').getByLabel('System prompt', { exact: true }).focus();
      await refused(page).getByRole('button').click();
      await eventually(async () => assertEqual(await maxTokens(page).evaluate((el) => el === document.activeElement), true, 'the field has the focus'));

      // Corrected.
      await setField(page, 'max_tokens', '2048');
      await cleared(page, 'a valid value');
      await eventually(async () => assert((await page.getByTestId('node-llm').innerText()).length > 0 && (await maxTokens(page).inputValue()) === '2048', 'applied'));

      // Reset to the default with ↺.
      await setField(page, 'max_tokens', '-5');
      await eventually(async () => assertEqual(await refused(page).count(), 1, 'refused again'));
      await page.getByRole('button', { name: 'Reset max_tokens to its default' }).click();
      await cleared(page, '↺');
      assertEqual(await maxTokens(page).inputValue(), '1024', 'the field shows the default the run uses');

      // Esc puts the applied value back.
      await setField(page, 'max_tokens', '0');
      await eventually(async () => assertEqual(await refused(page).count(), 1, 'refused again'));
      await maxTokens(page).press('Escape');
      await cleared(page, 'Esc');

      // Another node selected: the draft goes with its field, and a toast says it was not applied.
      await setField(page, 'max_tokens', '-5');
      await eventually(async () => assertEqual(await refused(page).count(), 1, 'refused again'));
      await page.getByTestId('node-search').click();
      await cleared(page, 'selecting another node');
      await eventually(async () => assert(await page.getByText(/Not applied: Answer \(gpt-5\.4-mini\) › params\.maxTokens — max_tokens: got -5/).isVisible(), 'a toast says the refused value was not applied'));
      await selectNode(page, 'llm');
      assertEqual(await maxTokens(page).inputValue(), '1024', 'back on the node, the field shows what the run uses');

      // The node deleted: its refused value goes too.
      await setField(page, 'max_tokens', '-5');
      await eventually(async () => assertEqual(await refused(page).count(), 1, 'refused again'));
      await page.getByRole('button', { name: 'Delete node' }).click();
      await eventually(async () => assertEqual(await refused(page).count(), 0, 'no refused value of a deleted node'));
      await page.keyboard.press('Control+z');
      await eventually(async () => assert(await page.getByTestId('node-llm').isVisible(), 'undo brings the node back'));
    },
  },
  {
    name: 'Ctrl+Enter while typing a refused value does not run; a refused seed blocks Run too',
    async run({ page, shot }) {
      await selectNode(page, 'llm');
      // Typed, not committed: Ctrl+Enter commits the field first, so the run cannot use the old value.
      await maxTokens(page).fill('-7');
      await maxTokens(page).press('Control+Enter');
      await eventually(async () => assertEqual(await refused(page).count(), 1, 'Ctrl+Enter committed the field, which refused it'));
      assert(await page.getByText(/^Cannot run: 1 problem must be fixed first/).isVisible(), 'Run said why it did not start');
      assert(!(await page.getByRole('progressbar', { name: 'Run progress' }).isVisible()), 'no run started');
      await maxTokens(page).press('Escape');
      await cleared(page, 'Esc');

      await openRunSettings(page);
      await page.getByTestId('run-seed').fill('abc');
      await page.getByTestId('run-seed').press('Enter');
      await eventually(async () => assert((await refused(page).innerText()).includes('Run settings › seed'), 'the refused seed is listed'));
      assert((await refused(page).innerText()).includes('Seed: got "abc", expected a whole number from 0 to 2,147,483,647; the pipeline still has 1'), `the seed problem: ${await refused(page).innerText()}`);
      assert(await runButton(page).isDisabled(), 'Run is disabled beside a refused seed');
      await shot('41-refused-seed');
      await page.getByTestId('run-seed').press('Escape');
      await cleared(page, 'Esc on the seed');
    },
  },
];
