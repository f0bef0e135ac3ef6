import { formatUsd, type SweepResult } from '../../../simulation/index';
import { assert, assertEqual, eventually, type Scenario } from '../harness';
import { preflight as cli, saveDocument, shotBothWidths } from '../ui';

export const modelWhatIf: Scenario[] = [
  {
    name: "a model what-if: 'model of Answer' with catalog models ticked, points by model name in the table and chart, the CLI's note, and the preflight sweep line that gives the same figures",
    async run({ page, dir, shot }) {
      const file = await saveDocument(page, dir);
      await page.getByRole('tab', { name: 'Analysis' }).click();
      await page.getByRole('tab', { name: /What-ifs/ }).click();
      await page.getByLabel('Parameter', { exact: true }).selectOption({ label: 'model of Answer (gpt-5.4-mini) (llm)' });
      const runSweep = page.getByRole('button', { name: 'Run sweep' });
      // Today's model alone is nothing to compare: Run sweep is off and says why.
      assert(await runSweep.isDisabled(), 'one model cannot be compared');
      assert((await runSweep.getAttribute('title'))!.includes('tick at least two models'), 'the button says why');
      const models = page.getByRole('group', { name: 'Models to try' });
      assert((await models.innerText()).includes('$0.75 in / $4.50 out per 1M'), 'models with their prices, as the Inspector’s picker shows them');
      await models.getByRole('checkbox', { name: /^gpt-4\.1\b/ }).check();
      assertEqual(await page.getByTestId('sweep-models-chosen').innerText(), 'Comparing gpt-5.4-mini (today) · gpt-4.1', 'what the sweep will compare');
      await shotBothWidths(page, shot, 'fin-07-model-picker', 'sweep-models');
      await runSweep.click();
      await page.getByTestId('sweep-table').waitFor({ timeout: 90_000 });
      const rows = await page.getByTestId('sweep-table').locator('tbody tr').allInnerTexts();
      assertEqual(rows.map((r) => r.split('\n')[0]).join(','), 'gpt-5.4-mini,gpt-4.1', 'points by model name');
      const name = file.split('/').at(-1)!;
      const command = await page.getByTestId('sweep-command').innerText();
      assertEqual(command, `npx preflight sweep ${name} --param 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1'`, 'the same-as line for a model axis');
      // The command's figures are the table's; the note is the one the CLI prints.
      const json = JSON.parse(await cli(['sweep', file, '--param', 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1', '--json'])) as SweepResult;
      json.points.forEach((p, i) => assert(rows[i]!.includes(formatUsd(p.headline.monthlyCostUsd)), `${json.axes[0]!.labels![i]} costs ${formatUsd(p.headline.monthlyCostUsd)} as preflight sweep says: ${rows[i]}`));
      const printed = await cli(['sweep', file, '--param', 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1']);
      const note = await page.getByTestId('sweep-model-note').innerText();
      assert(printed.includes(note), `the note is the CLI's: ${note}`);
      // The chart's bars are the models: the tooltip of the second names it.
      const chart = page.getByTestId('sweep-chart');
      const box = (await chart.boundingBox())!;
      await eventually(async () => {
        await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.6);
        assert((await chart.innerText()).includes('gpt-4.1'), 'the bar of gpt-4.1');
      });
      await shotBothWidths(page, shot, 'fin-08-model-sweep', 'sweep-table');
      // The launch report's command recomputes the same sweep by model id.
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: /Launch report/ }).click();
      assert((await page.getByTestId('report-command').innerText()).includes(" --param 'nodes[llm].params.model=gpt-5.4-mini,gpt-4.1'"), 'the report command names the models');
    },
  },
];
