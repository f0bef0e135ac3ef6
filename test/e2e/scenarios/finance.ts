import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTokens, formatUsd, type RunResults } from '../../../simulation/index';
import { multiTeamDocument } from '../../renderer/analysis/multi-team';
import { assert, assertEqual, eventually, type Scenario } from '../harness';
import { focusedIs, openDocument, preflight as cli, runAndWait, saveDocument, shotBothWidths } from '../ui';

export const finance: Scenario[] = [
  {
    name: "a finance lead reads the 12-month projection: growth rate, months 1/3/6/12 and when growth meets the quota (as preflight run prints them), each explained; the guide's example budget is labelled as such until the pipeline sets its own",
    async run({ page, dir, shot }) {
      await runAndWait(page);
      await page.getByRole('tab', { name: 'Analysis' }).click();
      await page.getByRole('tab', { name: /Dashboards/ }).click();
      // No budget in the document: the guide's example, said to be one, in a neutral colour, with where to set one.
      const budget = await page.getByTestId('exec-budget').innerText();
      assert(budget.includes("of the guide's example budget ($10,000)") && budget.includes("An example, not this pipeline's budget: it sets none (Editor → Pipeline tab → SLO targets → Monthly budget)."), `the example budget is labelled: ${budget}`);
      assert(!(await page.getByTestId('exec-monthly').getAttribute('class'))!.includes('bad'), 'no alarm red against an example');
      // Growth 0: a flat projection that says where to set growth, and the button goes there.
      assert((await page.getByTestId('projection-growth').innerText()).includes('Flat projection: traffic.monthlyGrowth is 0 %/month'), 'a flat projection says so');
      await shotBothWidths(page, shot, 'fin-01-exec-flat', 'projection-table');
      await page.getByRole('button', { name: 'Set monthly growth' }).click();
      await focusedIs(page, 'traffic-monthlyGrowth');
      assert(await page.getByRole('tab', { name: 'Traffic', selected: true }).isVisible(), 'the Traffic tab is open');
      await page.locator('#traffic-monthlyGrowth').fill('0.1');
      await page.locator('#traffic-monthlyGrowth').press('Enter');
      const file = await saveDocument(page, dir);
      await runAndWait(page);
      await page.getByRole('tab', { name: 'Analysis' }).click();
      assert((await page.getByTestId('projection-growth').innerText()).includes('Traffic grows +10 %/month'), 'the growth rate is stated');

      // Months 3, 6 and 12 and the quota months are the ones preflight run prints for the same file.
      const summary = await cli(['run', file]);
      const line = summary.split('\n').find((l) => l.includes('Next 12 months at +10 %/month'));
      assert(line, `preflight run prints the projection: ${summary}`);
      const rows = await page.getByTestId('projection-table').locator('tbody tr').allInnerTexts();
      assertEqual(rows.length, 4, 'months 1, 3, 6 and 12');
      for (const [i, month] of [[1, 3], [2, 6], [3, 12]] as const) {
        const cost = new RegExp(`month ${month} (\\$[\\d,]+)`).exec(line)![1]!;
        assert(rows[i]!.startsWith(`Month ${month}`) && rows[i]!.includes(cost), `month ${month} costs ${cost} as the CLI says: ${rows[i]}`);
      }
      const [, trigger, limit] = /70 % scaling trigger in month (\d+) and its limit in month (\d+)/.exec(line) ?? [];
      assert(trigger && limit, `the CLI names the months: ${line}`);
      const capacity = await page.getByTestId('projection-capacity').innerText();
      assert(capacity.includes(`scaling trigger in month ${trigger}`) && capacity.includes(`its limit (100 %: requests queue or get 429s) in month ${limit}`), `the same months in the app: ${capacity}`);

      // Every bar's value in its tooltip: month 12.
      const chart = page.getByTestId('projection-chart');
      const box = (await chart.boundingBox())!;
      const m12 = new RegExp('month 12 (\\$[\\d,]+)').exec(line)![1]!;
      await eventually(async () => {
        await page.mouse.move(box.x + box.width - 60, box.y + box.height / 2);
        const tip = await chart.innerText();
        assert(tip.includes('Month 12') && tip.includes(m12) && tip.includes("of the guide's example budget"), `the tooltip of month 12: ${tip}`);
      });
      await shotBothWidths(page, shot, 'fin-02-exec-growth', 'projection-table');
      // Where each figure comes from.
      await page.getByRole('button', { name: 'Where does the monthly growth come from?' }).click();
      assert((await page.getByRole('dialog', { name: 'Monthly growth of the projection' }).innerText()).includes('× (1 + 0.1)^(k − 1)'), 'the growth formula');
      await page.getByRole('button', { name: 'Where does the months growth meets the quota come from?' }).click();
      const why = await page.getByRole('dialog', { name: 'Growth against quota openai' }).innerText();
      assert(why.includes(`month ${trigger}: `) && why.includes(`month ${limit}: `), `the quota months with this run's numbers: ${why}`);
      await page.getByRole('button', { name: 'Where does the projected cost come from?' }).click();
      const costWhy = page.getByRole('dialog', { name: 'Projected monthly cost' });
      assert((await costWhy.innerText()).includes(`= ${m12}`), 'the cost formula ends at month 12');
      await costWhy.scrollIntoViewIfNeeded();
      await shot('fin-03-exec-explained');
      await page.keyboard.press('Escape');

      // The pipeline's own budget: said so, coloured against it, and the budget tree is split from it.
      await page.getByRole('button', { name: 'Set a monthly budget' }).click();
      await focusedIs(page, 'slo-monthlyBudgetUsd');
      await page.locator('#slo-monthlyBudgetUsd').fill('30000');
      await page.locator('#slo-monthlyBudgetUsd').press('Enter');
      await page.getByRole('tab', { name: 'Analysis' }).click();
      await eventually(async () => assert((await page.getByTestId('exec-budget').innerText()).includes("of the pipeline's monthly budget ($30,000)"), 'the dashboard compares with the pipeline’s budget'));
      assert((await page.getByTestId('exec-monthly').getAttribute('class'))!.includes('near'), 'over 80 % of a real budget is amber');
      await page.getByRole('tab', { name: /Budget/ }).click();
      assert((await page.getByTestId('budget-source').innerText()).startsWith("The pipeline's monthly budget ($30,000, slo.monthlyBudgetUsd)"), 'the tree is the pipeline’s budget');
      assertEqual(await page.getByLabel('Budget for LLM inference (60 %)').inputValue(), '18000', 'split as the guide splits its example');
      await shotBothWidths(page, shot, 'fin-04-budget-own', 'budget-table');
    },
  },
  {
    name: 'budget and chargeback of a multi-team pipeline: the example budget without alarms, teams by label with their sources, the night batch priced at the mean and flagged, totals equal to the usage cost; cost formulas by name',
    async run({ page, dir, shot }) {
      const file = join(dir, 'multiteam.preflight.json');
      writeFileSync(file, JSON.stringify(multiTeamDocument(), null, 2));
      await openDocument(page, file);
      await page.getByTestId('node-batch').waitFor();
      await runAndWait(page);
      const cost = (JSON.parse(await cli(['run', file, '--json'])) as RunResults).cost;
      // Results: the formulas by name, never by field name.
      const formulas = await page.getByTestId('cost-formulas').innerText();
      assert(formulas.includes(`Usage cost per query ${formatUsd(cost.variablePerQueryUsd)} = usage cost of the`) && formulas.includes(`Queries a month ${formatTokens(cost.monthlyQueries)} =`), `labelled formulas: ${formulas}`);
      assert(!/variablePerQueryUsd|monthlyQueries|fixedPerQueryUsd/.test(formulas), 'no field names');
      await shotBothWidths(page, shot, 'fin-05-cost-formulas', 'cost-formulas');

      await page.getByRole('tab', { name: 'Analysis' }).click();
      await page.getByRole('tab', { name: /Budget/ }).click();
      assert((await page.getByTestId('budget-source').innerText()).includes("The guide's $10,000 example allocation, not this pipeline's budget."), 'the example is said to be one');
      const table = page.getByTestId('budget-table');
      assert((await table.innerText()).includes('over the example'), 'over the example, in words');
      assertEqual(await table.locator('.pill.over, td.bad').count(), 0, 'no alarm colours against an example');

      const rows = page.getByTestId('chargeback-table').locator('tbody tr');
      assertEqual(await rows.count(), 3, 'three teams');
      const byTeam = new Map((await rows.allInnerTexts()).map((t) => [t.split('\n')[0]!.replace(/not in this window$/, '').trim(), t]));
      assertEqual([...byTeam.keys()].sort().join(','), 'reporting,sales,support', 'teams by their labels (sales too, whose source id is its label)');
      assert(byTeam.get('sales')!.includes('from Sales (sales)') && byTeam.get('support')!.includes('from Users (users)'), 'each team with its source');
      const reporting = byTeam.get('reporting')!;
      assert(reporting.includes('not in this window') && reporting.includes('est.') && reporting.includes('batch'), `the night batch is flagged and its cost marked an estimate: ${reporting}`);
      assert((await page.getByTestId('chargeback-unseen').innerText()).startsWith("reporting, from Nightly batch (batch), sent no request in this run's 1 h window"), 'the note names the team and its source');
      assert(!(await page.getByTestId('chargeback-table').innerText()).includes('0 %'), 'no "−0 %" beside a charge');
      const total = (await page.getByTestId('chargeback-total').innerText()).split('\t').map((c) => c.trim());
      assertEqual(total.slice(4).join(' '), Array(4).fill(formatUsd(cost.variableMonthlyUsd)).join(' '), 'every model recovers the usage cost of preflight run');
      assert((await page.getByTestId('chargeback-fixed').innerText()).includes('fixed costs ($2,000 a month'), 'the fixed costs are said to be left out');
      assert((await page.getByTestId('chargeback-rates').innerText()).includes('tiered per query: real-time $'), 'the tiered rates are given');
      await shotBothWidths(page, shot, 'fin-06-chargeback', 'chargeback-table');
    },
  },
];
