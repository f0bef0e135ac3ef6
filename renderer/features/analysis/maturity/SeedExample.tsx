import { formatCount, formatUsd, SEED_ROI_EXAMPLE } from '../../../../simulation/index';
import { seedExample } from './maturity-model';

/** The guide's worked example, computed by the very formulas the comparison uses (no simulation). */
export function SeedExample() {
  const { assumptions, rows } = seedExample();
  const [l1, l4] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const { level1: in1, level4: in4 } = SEED_ROI_EXAMPLE;
  const q = formatCount(l1.queriesPerMonth);
  const hours = (h: number) => `${Number(h.toFixed(2))} h`;
  return (
    <section className="result-section seed-example" aria-label="The guide's worked example" data-testid="seed-example">
      <h2>The guide's worked example</h2>
      <p className="section-note">
        {formatCount(assumptions.queriesPerDay)} queries/day × {assumptions.daysPerMonth} days, {formatUsd(assumptions.lostRevenuePerDowntimeHourUsd)} lost per hour down. Level 1 costs {formatUsd(in1.costPerQueryUsd)} per query and is down {in1.downtimeMinutesPerMonth} minutes a month; level 4 costs {formatUsd(in4.costPerQueryUsd)} and is down {in4.downtimeMinutesPerMonth} minutes, for {formatUsd(in4.oneTimeInvestmentUsd)} once and {formatUsd(in4.monthlyInvestmentUsd)} a month.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>Level</th>
            <th className="r">Monthly cost</th>
            <th className="r">Downtime</th>
            <th className="r">Lost revenue</th>
            <th className="r">Monthly savings</th>
            <th className="r">Payback</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="r num">{formatUsd(r.monthlyCostUsd)}</td>
              <td className="r num">{Math.round(r.downtimeHoursPerMonth * 60)} min</td>
              <td className="r num">{formatUsd(r.lostRevenueUsd)}</td>
              <td className="r num" data-testid={`seed-savings-${r === l1 ? 1 : 4}`}>
                {formatUsd(r.monthlySavingsUsd)}
              </td>
              <td className="r num">{r === l1 ? 'baseline' : `${r.paybackMonths?.toFixed(2)} months`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="formulas">
        <li>
          monthly cost = cost per query × queries per month: {formatUsd(in1.costPerQueryUsd)} × {q} = {formatUsd(l1.monthlyCostUsd)}; {formatUsd(in4.costPerQueryUsd)} × {q} = {formatUsd(l4.monthlyCostUsd)}
        </li>
        <li>
          lost revenue = downtime hours × $ per hour: {hours(l1.downtimeHoursPerMonth)} × {formatUsd(assumptions.lostRevenuePerDowntimeHourUsd)} = {formatUsd(l1.lostRevenueUsd)}; {hours(l4.downtimeHoursPerMonth)} × {formatUsd(assumptions.lostRevenuePerDowntimeHourUsd)} = {formatUsd(l4.lostRevenueUsd)}
        </li>
        <li>
          monthly savings = ({formatUsd(l1.monthlyCostUsd)} + {formatUsd(l1.lostRevenueUsd)}) − ({formatUsd(l4.monthlyCostUsd)} + {formatUsd(l4.lostRevenueUsd)}) = {formatUsd(l4.monthlySavingsUsd)}
        </li>
        <li>
          payback = {formatUsd(in4.oneTimeInvestmentUsd)} ÷ ({formatUsd(l4.monthlySavingsUsd)} − {formatUsd(in4.monthlyInvestmentUsd)}) = {l4.paybackMonths?.toFixed(2)} months: under one month, as the guide says
        </li>
      </ul>
    </section>
  );
}
