import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../simulation/index';
import { scalingTriggers } from '../../../renderer/features/analysis/capacity/capacity-model';
import { headlineCards } from '../../../renderer/features/results/headline-cards';
import { QuotaTable } from '../../../renderer/features/results/QuotaTable';
import { runExample } from './run-examples';

/** The optimized example's run with its TPM peak at 39.95 % — a figure one decimal would round to 39.9 % or 40 %. */
function withPeak(peak: number): RunResults {
  const r = structuredClone(runExample('optimized-rag', { durationMs: 600_000 }));
  const quota = r.quotas[0]!;
  const tpm = (quota.utilisation.tpm ?? quota.utilisation.rpm)!;
  tpm.peak = peak;
  tpm.mean = Math.min(tpm.mean, peak);
  quota.headroom = 1 - peak;
  r.headline.peakQuotaUtilisation = peak;
  return r;
}

describe('one rule for shares', () => {
  it('peak quota utilisation reads the same on its card, in the quota table and in the scaling advice', () => {
    const r = withPeak(0.3995);
    expect(headlineCards(r).find((c) => c.key === 'peakQuotaUtilisation')?.value).toBe('39.95 %');
    const table = renderToStaticMarkup(createElement(QuotaTable, { results: r }));
    expect(table).toContain('39.95 % /');
    expect(table).toContain('60.05 %');
    expect(table).not.toContain('39.9 %');
    expect(scalingTriggers(r).map((t) => t.detail).join(' ')).toContain('highest peak 39.95 %');
  });
});
