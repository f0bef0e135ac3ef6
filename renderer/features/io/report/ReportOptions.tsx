import { useState } from 'react';
import type { ReportPlan } from './report-input';
import { MAX_REPORT_REPLICATIONS } from './report-protocol';

/** The report dialog's choices: replications, max-load search, analysis results, format. */
export function ReportOptions(props: { plan: ReportPlan; setPlan(plan: ReportPlan): void; platformKind: 'web' | 'electron'; analysis: string | null }) {
  const { plan, setPlan } = props;
  const [text, setText] = useState(String(plan.replications));
  const n = Number(text);
  const invalid = !/^\d+$/.test(text.trim()) || n < 2 || n > MAX_REPORT_REPLICATIONS;
  const set = (change: Partial<ReportPlan>) => setPlan({ ...plan, ...change });
  return (
    <div className="io-options">
      <label className="io-option">
        <span className="io-option-label">Replications</span>
        <input
          type="number"
          min={2}
          max={MAX_REPORT_REPLICATIONS}
          value={text}
          aria-invalid={invalid}
          aria-describedby="report-replications-help"
          onChange={(e) => {
            setText(e.target.value);
            const v = Number(e.target.value);
            set({ replications: Number.isInteger(v) ? v : NaN });
          }}
        />
        <span id="report-replications-help" className={invalid ? 'field-error' : 'muted'}>
          {invalid ? `A whole number from 2 to ${MAX_REPORT_REPLICATIONS}: one run has no interval.` : 'Independent runs with different seeds; every headline figure gets a 95 % interval.'}
        </span>
      </label>
      <label className="io-option check">
        <input type="checkbox" checked={plan.capacity} onChange={(e) => set({ capacity: e.target.checked })} />
        <span>
          <span className="io-option-label">Max sustainable load</span>
          <span className="muted">Raises the traffic until the P99 or error-rate SLO or a 1 % rate-limited share breaks (about 10–20 more runs).</span>
        </span>
      </label>
      <label className={`io-option check${props.analysis ? '' : ' disabled'}`}>
        <input type="checkbox" checked={plan.analysis && props.analysis !== null} disabled={props.analysis === null} onChange={(e) => set({ analysis: e.target.checked })} />
        <span>
          <span className="io-option-label">Maturity ROI and what-ifs</span>
          <span className="muted">{props.analysis ? `From the Analysis workspace: ${props.analysis}.` : 'None for this version of the pipeline: run them in the Analysis workspace (Maturity, What-if) to include them.'}</span>
        </span>
      </label>
      <fieldset className="io-option">
        <legend className="io-option-label">Format</legend>
        <label className="io-radio">
          <input type="radio" name="report-format" checked={plan.format === 'html'} onChange={() => set({ format: 'html' })} />
          HTML <span className="muted">one self-contained file: opens in any browser, charts inline, figures readable by tools</span>
        </label>
        <label className="io-radio">
          <input type="radio" name="report-format" checked={plan.format === 'pdf'} onChange={() => set({ format: 'pdf' })} />
          PDF <span className="muted">{props.platformKind === 'web' ? 'opens the report in a new tab with the print dialog: choose Save as PDF' : 'A4 pages, saved where you choose'}</span>
        </label>
      </fieldset>
    </div>
  );
}
