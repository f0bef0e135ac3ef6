import { describe, expect, it } from 'vitest';
import { cappedMean, compileDistribution, type DistributionSpec } from '../../../simulation/random/distributions';
import { normalQuantile } from '../../../simulation/random/normal-quantile';
import { RandomStream, StreamFactory } from '../../../simulation/random/streams';

const N = 200_000;

function sampleMean(spec: DistributionSpec, n = N, key = 'dist') {
  const d = compileDistribution(spec);
  const rng = new RandomStream(key);
  let sum = 0;
  let sumSq = 0;
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = d.sample(rng);
    sum += x;
    sumSq += x * x;
    if (values.length < 50_000) values.push(x);
  }
  const mean = sum / n;
  const sd = Math.sqrt(sumSq / n - mean * mean);
  return { d, mean, sd, values: values.sort((a, b) => a - b) };
}

/** |sample mean − true mean| within 4.5 standard errors (false-failure odds ≈ 1 in 150,000). */
function expectMean(spec: DistributionSpec, trueMean: number) {
  const { d, mean, sd } = sampleMean(spec);
  expect(d.mean).toBeCloseTo(trueMean, 9);
  expect(Math.abs(mean - trueMean)).toBeLessThan((4.5 * sd) / Math.sqrt(N) + 1e-12);
}

describe('distributions', () => {
  it('constant always returns its value', () => {
    const d = compileDistribution({ type: 'constant', value: 42 });
    expect(d.sample(new RandomStream('a'))).toBe(42);
    expect(d.quantile(0.99)).toBe(42);
  });

  it('exponential has the given mean and quantile −mean·ln(1−p)', () => {
    expectMean({ type: 'exponential', mean: 250 }, 250);
    expect(compileDistribution({ type: 'exponential', mean: 100 }).quantile(0.99)).toBeCloseTo(100 * Math.log(100), 9);
  });

  it('uniform real and integer cover their range with the right mean', () => {
    expectMean({ type: 'uniform', min: 10, max: 30 }, 20);
    const { values } = sampleMean({ type: 'uniformInt', min: 3, max: 7 });
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6, 7]));
    expectMean({ type: 'uniformInt', min: 3, max: 7 }, 5);
  });

  it('lognormal by (median, sigma) and by (median, p99) hits its median, p99 and mean', () => {
    expectMean({ type: 'lognormal', median: 800, sigma: 0.5 }, 800 * Math.exp(0.125));
    const byP99 = compileDistribution({ type: 'lognormal', median: 800, p99: 3000 });
    expect(byP99.quantile(0.5)).toBeCloseTo(800, 6);
    expect(byP99.quantile(0.99)).toBeCloseTo(3000, 3);
    const { values } = sampleMean({ type: 'lognormal', median: 800, p99: 3000 });
    const median = values[Math.floor(values.length / 2)]!;
    expect(Math.abs(median / 800 - 1)).toBeLessThan(0.03);
  });

  it('empirical quantile table interpolates the inverse CDF', () => {
    const spec: DistributionSpec = { type: 'empirical', quantiles: [[0, 100], [0.5, 200], [0.9, 400], [1, 1000]] };
    const d = compileDistribution(spec);
    expect(d.quantile(0.25)).toBeCloseTo(150, 9);
    expect(d.quantile(0.95)).toBeCloseTo(700, 9);
    // mean of a piecewise-linear quantile function: Σ Δp · (v0 + v1)/2
    expectMean(spec, 0.5 * 150 + 0.4 * 300 + 0.1 * 700);
  });

  it('pareto has mean α·xm/(α−1)', () => {
    const d = compileDistribution({ type: 'pareto', scale: 100, shape: 3 });
    expect(d.mean).toBeCloseTo(150, 9);
    expect(d.quantile(0.99)).toBeCloseTo(100 / Math.pow(0.01, 1 / 3), 6);
  });

  it('cappedMean integrates min(X, cap) (the mean answer length under max_tokens)', () => {
    const d = compileDistribution({ type: 'exponential', mean: 100 });
    // E[min(X, c)] = mean · (1 − e^(−c/mean))
    expect(cappedMean(d, 100)).toBeCloseTo(100 * (1 - Math.exp(-1)), 1);
  });
});

describe('random streams', () => {
  it('are reproducible from (seed, node, purpose) whatever order they are created in', () => {
    const a = new StreamFactory(7);
    const first = a.stream('llm', 'ttft');
    a.stream('other', 'noise').uniform();
    const b = new StreamFactory(7);
    b.stream('x', 'y');
    const second = b.stream('llm', 'ttft');
    for (let i = 0; i < 100; i++) expect(second.uniform()).toBe(first.uniform());
  });

  it('differ by seed, node and purpose', () => {
    const base = new StreamFactory(1).stream('n', 'p').uniform();
    expect(new StreamFactory(2).stream('n', 'p').uniform()).not.toBe(base);
    expect(new StreamFactory(1).stream('m', 'p').uniform()).not.toBe(base);
    expect(new StreamFactory(1).stream('n', 'q').uniform()).not.toBe(base);
  });

  it('normal draws are standard normal (quantiles within 1 %)', () => {
    const rng = new RandomStream('normal-test');
    const xs = Array.from({ length: 100_000 }, () => rng.normal()).sort((a, b) => a - b);
    for (const p of [0.1, 0.5, 0.9, 0.99]) expect(xs[Math.floor(p * xs.length)]!).toBeCloseTo(normalQuantile(p), 1);
  });
});
