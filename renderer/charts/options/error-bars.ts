/**
 * Error bars on a chart whose x axis is a value (or log) axis: the sweep line and the load curves.
 * One place, so every replicated chart draws its ± alike; category charts (interval bars) size
 * their caps to the band instead and keep their own renderer.
 */

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
}

/** Cap half-width in pixels: a value axis has no band to size it from. */
const CAP_PX = 5;

/**
 * One error bar for the point of data [x, low, high]: a vertical line with caps `capPx` wide each
 * side, in `color`. Value-axis charts and the category interval bars draw theirs through this.
 */
export function errorBarGroup(api: RenderApi, capPx: number, color: string) {
  const x = api.value(0);
  const [cx, top] = api.coord([x, api.value(2)]);
  const [, bottom] = api.coord([x, api.value(1)]);
  const style = { stroke: color, lineWidth: 1.5 };
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1: cx, y1: top, x2: cx, y2: bottom }, style },
      { type: 'line', shape: { x1: cx - capPx, y1: top, x2: cx + capPx, y2: top }, style },
      { type: 'line', shape: { x1: cx - capPx, y1: bottom, x2: cx + capPx, y2: bottom }, style },
    ],
  };
}

/** Draws one error bar on a value axis (fixed caps: there is no band to size them from). */
export function valueErrorBarRenderer(color: string) {
  return (_params: unknown, api: RenderApi) => errorBarGroup(api, CAP_PX, color);
}

/**
 * The custom series drawing `data` ([x, low, high] per point with an interval) as error bars, or no
 * series at all when there is none (a single run per point has no interval to draw).
 */
export function errorBarSeries(data: Array<[number, number, number]>, color: string): Array<Record<string, unknown>> {
  return data.length ? [{ type: 'custom', name: 'confidence interval', renderItem: valueErrorBarRenderer(color), data, z: 10, encode: { x: 0, y: [1, 2] }, tooltip: { show: false }, silent: true }] : [];
}
