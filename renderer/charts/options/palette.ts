/** Chart colours, matching the app's CSS tokens. */
export const CHART = {
  text: '#667085',
  grid: '#eef0f3',
  axis: '#cdd2da',
  p50: '#2f64d8',
  p95: '#7357e8',
  p99: '#e08a1e',
  bars: '#8fb0ee',
  errors: '#d03c3c',
  target: '#d03c3c',
  warmup: 'rgba(152, 162, 179, 0.12)',
  /** Fault windows (outages, spikes…) shaded on per-minute charts. */
  fault: 'rgba(208, 60, 60, 0.11)',
  font: 'system-ui, -apple-system, Segoe UI, Roboto, Liberation Sans, sans-serif',
};

export const baseText = { color: CHART.text, fontFamily: CHART.font, fontSize: 11 };
