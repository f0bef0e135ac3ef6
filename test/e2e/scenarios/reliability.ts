import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { formatUsd, type RunResults } from '../../../simulation/index';
import { assert, assertEqual, eventually, REPO, run, type Scenario } from '../harness';
import { runAndWait, saveDocument } from '../ui';

async function newFromTemplate(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('dialog', { name: 'New pipeline' }).getByRole('listitem').filter({ hasText: title }).click();
  await page.getByTestId('node-users').waitFor();
}

async function barTitle(page: Page, index: number): Promise<string> {
  return (await page.getByTestId(`fault-bar-${index}`).getAttribute('title')) ?? '';
}

/** Drags from a point of an element by dx pixels, in steps (pointer capture needs real moves). */
async function dragBy(page: Page, testId: string, dx: number, at: 'middle' | 'end' = 'middle'): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  assert(box, `${testId} is on screen`);
  const x = at === 'end' ? box.x + box.width - 2 : box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 5 });
  await page.mouse.move(x + dx, y, { steps: 5 });
  await page.mouse.up();
}

export const reliability: Scenario[] = [
  {
    name: 'the fallback template under an outage, run in the app, shows the breaker opening on the timeline (same figures as the CLI)',
    async run({ page, dir, shot }) {
      await newFromTemplate(page, 'Fallback chain');
      await page.getByRole('tab', { name: 'Faults' }).click();
      assertEqual(await barTitle(page, 0), 'Outage on GPT-4 (primary), from 20 min for 10 min', 'the template\'s outage on the timeline');
      await shot('30-faults-tab');
      await runAndWait(page);
      await page.getByRole('tab', { name: /^Reliability/ }).click();
      await page.getByTestId('reliability-timeline').waitFor();
      const events = await page.getByTestId('timeline-events').innerText();
      assert(/min 20\s+outage on GPT-4 \(primary\) starts/.test(events), `the outage starts at minute 20: ${events}`);
      assert(/min 20\s+circuit breaker Breaker \(opossum\) opens/.test(events), `the breaker opens at minute 20: ${events}`);
      await page.waitForTimeout(300);
      await shot('31-reliability-timeline');
      const row = await page.getByTestId('breaker-row-breaker').innerText();
      const cli = JSON.parse((await run(process.execPath, [`${REPO}bin/preflight.mjs`, 'run', await saveDocument(page, dir), '--json'])).stdout) as RunResults;
      const b = cli.reliability.breakers[0]!;
      assert(row.includes(b.shortCircuited.toLocaleString('en-US')) && row.includes(formatUsd(b.moneySavedUsd)), `breaker row matches the CLI (${b.shortCircuited} short-circuited, ${formatUsd(b.moneySavedUsd)} saved): ${row}`);
      await page.getByRole('button', { name: 'Where does money saved come from?' }).click();
      assert((await page.getByRole('dialog', { name: 'Money saved on doomed calls' }).innerText()).includes('short-circuited ×'), 'money saved is explained');
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: 'Overview' }).click();
      assert(/availability 99\.9 % → 0\.1 % of requests may fail: this run used \d/.test(await page.getByTestId('error-budget').innerText()), 'error budget on the SLO list');
      await page.getByTestId('alerts').or(page.getByTestId('alerts-none')).waitFor();
      await page.getByRole('tab', { name: 'Quality' }).click();
      const fallbackPath = cli.quality.paths.find((p) => p.nodeId === 'gpt35')!;
      assert((await page.getByTestId('path-row-gpt35').innerText()).includes(formatUsd(fallbackPath.costPerQueryUsd)), `quality per path beside its cost (the CLI's ${formatUsd(fallbackPath.costPerQueryUsd)})`);
    },
  },
  {
    name: 'faults are edited on the timeline: add by type and target, drag, resize, keys, refused values, undo, saved to the file',
    async run({ page, dir, shot }) {
      await newFromTemplate(page, 'Fallback chain');
      await page.getByRole('tab', { name: 'Faults' }).click();
      const panel = page.getByRole('tabpanel');
      await panel.getByRole('combobox', { name: 'Fault type to add' }).selectOption('latency');
      await panel.getByRole('combobox', { name: 'Fault target' }).selectOption('gpt35');
      await panel.getByRole('button', { name: 'Add fault' }).click();
      await page.getByTestId('fault-editor').waitFor();
      assert((await barTitle(page, 1)).startsWith('Latency multiplier on GPT-3.5 (fallback), from 20 min'), `added where asked: ${await barTitle(page, 1)}`);
      const multiplier = panel.getByLabel('Latency multiplier', { exact: true });
      await multiplier.fill('0.5');
      await multiplier.press('Enter');
      assert((await panel.getByRole('alert').innerText()).includes('expected a number ≥ 1'), 'an invalid multiplier is refused inline');
      await multiplier.fill('4');
      await multiplier.press('Enter');

      await dragBy(page, 'fault-bar-0', 70);
      const moved = await barTitle(page, 0);
      assert(/^Outage on GPT-4 \(primary\), from (2[6-9]|3\d) min for 10 min$/.test(moved), `dragging moves the outage later: ${moved}`);
      await dragBy(page, 'fault-bar-0', 40, 'end');
      assert(!(await barTitle(page, 0)).endsWith('for 10 min'), 'dragging the end edge resizes');
      await page.keyboard.press('Control+z');
      await eventually(async () => assertEqual(await barTitle(page, 0), moved, 'undo takes back the resize'));
      await page.getByTestId('fault-bar-0').focus();
      await page.keyboard.press('ArrowLeft');
      assert((await barTitle(page, 0)) !== moved, 'an arrow key moves the focused bar');

      // Detection + mitigation cut a mitigable fault short: the bar says so.
      await panel.getByLabel('Mitigable', { exact: true }).check();
      await panel.getByLabel('Time to detect', { exact: true }).fill('2');
      await panel.getByLabel('Time to detect', { exact: true }).press('Enter');
      await panel.getByLabel('Time to mitigate', { exact: true }).fill('3');
      await panel.getByLabel('Time to mitigate', { exact: true }).press('Enter');
      await eventually(async () => assert((await barTitle(page, 0)).endsWith('ends after 5 min (detection + mitigation)'), `mitigated length: ${await barTitle(page, 0)}`));
      assertEqual(await page.getByTestId('mitigation-summary').innerText(), 'Mitigable faults last at most 5 min: noticed after 2 min, then ended 3 min later.', 'operations in words');
      await shot('32-faults-edited');

      const saved = JSON.parse(readFileSync(await saveDocument(page, dir), 'utf8')) as { faults: Array<Record<string, unknown>>; operations: Record<string, unknown> };
      assertEqual(saved.faults.length, 2, 'two faults saved');
      assertEqual(saved.faults[1]!.latencyMultiplier, 4, 'the valid multiplier was applied, the refused one never was');
      assertEqual(saved.faults[0]!.mitigable, true, 'mitigable saved');
      assertEqual(saved.operations.detectionMinutes, 2, 'operations saved');

      // A node selected on the canvas must survive Delete pressed on a fault bar.
      await page.getByTestId('node-gpt35').click();
      await page.getByRole('tab', { name: 'Faults' }).click();
      await page.getByTestId('fault-bar-1').focus();
      await page.keyboard.press('Delete');
      await eventually(async () => assertEqual(await page.getByTestId('fault-bar-1').count(), 0, 'Delete removes the focused fault'));
      assertEqual(await page.getByTestId('node-gpt35').count(), 1, 'Delete on a fault leaves the canvas alone');
    },
  },
  {
    name: 'the guide\'s AI request trace shows as a waterfall with its totals',
    async run({ page, shot }) {
      await newFromTemplate(page, 'AI Request Trace');
      await runAndWait(page);
      await page.getByRole('tab', { name: /^Traces/ }).click();
      const waterfall = page.getByTestId('trace-waterfall');
      await waterfall.waitFor();
      assertEqual(await page.getByTestId('trace-total').innerText(), '1,230 ms', 'total as in the guide’s trace');
      const spans = await page.getByTestId('trace-span').allInnerTexts();
      assertEqual(spans.length, 6, 'six steps');
      assert(spans[4]!.includes('LLM generation') && spans[4]!.includes('gpt-4') && spans[4]!.includes('800 ms') && spans[4]!.includes('1,250 in · 180 out') && spans[4]!.includes('finish reason: stop'), `the generation step: ${spans[4]}`);
      await page.getByText('As text (the production guide\'s trace format)').click();
      assert((await page.getByTestId('trace-text').innerText()).includes('[120ms] Embedding generation'), 'the seed\'s text format');
      await shot('33-trace-waterfall');
      await page.getByRole('radio', { name: /^Slowest/ }).click();
      assert((await page.getByTestId('trace-list').innerText()).includes('SLOWEST'), 'slowest requests are always kept');
    },
  },
];
