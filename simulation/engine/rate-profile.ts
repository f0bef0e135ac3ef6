import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../units/duration';

/** The shape of an arrival rate over time (SEMANTICS §2). */
export interface RateProfileSpec {
  rps: number;
  /** 24 factors, one per hour of day. */
  hourlyMultipliers: number[];
  /** 7 factors, Monday first. */
  weeklyMultipliers: number[];
  startHour: number;
  /** Day of week the clock starts on, 0 = Monday. */
  startDay: number;
  bursts: Array<{ startMs: number; durationMs: number; multiplier: number }>;
  ramps: Array<{ startMs: number; durationMs: number; fromMultiplier: number; toMultiplier: number }>;
}

/**
 * A piecewise-constant arrival rate: rps × hourly[hour] × weekly[day] × burst × ramp. Ramps change
 * every simulated minute (a staircase of 1-minute steps), so arrivals can be drawn exactly by inverting
 * the cumulative rate one constant piece at a time.
 */
export class RateProfile {
  private readonly offsetMs: number;
  /** Sorted times at which a burst or ramp starts or ends. */
  private readonly boundaries: number[];
  /** The constant piece the last arrival fell in (arrivals move forward, most stay in one piece). */
  private pieceFromMs = 1;
  private pieceToMs = 0;
  private pieceRate = 0;

  constructor(readonly spec: RateProfileSpec) {
    this.offsetMs = spec.startDay * MS_PER_DAY + spec.startHour * MS_PER_HOUR;
    const b = new Set<number>();
    for (const x of spec.bursts) b.add(x.startMs).add(x.startMs + x.durationMs);
    for (const x of spec.ramps) b.add(x.startMs).add(x.startMs + x.durationMs);
    this.boundaries = [...b].sort((x, y) => x - y);
  }

  /** Requests per ms at simulated time t. */
  rateAt(tMs: number): number {
    const s = this.spec;
    const clock = tMs + this.offsetMs;
    const hour = Math.floor(clock / MS_PER_HOUR) % 24;
    const day = Math.floor(clock / MS_PER_DAY) % 7;
    let rate = (s.rps * (s.hourlyMultipliers[hour] ?? 1) * (s.weeklyMultipliers[day] ?? 1)) / 1000;
    for (const burst of s.bursts) if (tMs >= burst.startMs && tMs < burst.startMs + burst.durationMs) rate *= burst.multiplier;
    for (const ramp of s.ramps) {
      if (tMs < ramp.startMs) continue;
      if (tMs >= ramp.startMs + ramp.durationMs) {
        rate *= ramp.toMultiplier;
        continue;
      }
      // Value at the start of the current minute step.
      const step = Math.floor((tMs - ramp.startMs) / MS_PER_MINUTE) * MS_PER_MINUTE;
      rate *= ramp.fromMultiplier + ((ramp.toMultiplier - ramp.fromMultiplier) * step) / ramp.durationMs;
    }
    return rate;
  }

  /** The next time after t at which the rate may change. */
  nextChange(tMs: number): number {
    let next = (Math.floor((tMs + this.offsetMs) / MS_PER_HOUR) + 1) * MS_PER_HOUR - this.offsetMs;
    for (const b of this.boundaries) {
      if (b > tMs) {
        next = Math.min(next, b);
        break;
      }
    }
    for (const ramp of this.spec.ramps) {
      if (tMs >= ramp.startMs && tMs < ramp.startMs + ramp.durationMs) {
        next = Math.min(next, ramp.startMs + (Math.floor((tMs - ramp.startMs) / MS_PER_MINUTE) + 1) * MS_PER_MINUTE);
      }
    }
    return next;
  }

  /** Mean rate over a typical week of the hourly and weekly profile (no bursts or ramps), req/s. */
  get meanRps(): number {
    const s = this.spec;
    const h = s.hourlyMultipliers.length ? s.hourlyMultipliers.reduce((a, x) => a + x, 0) / s.hourlyMultipliers.length : 1;
    const w = s.weeklyMultipliers.length ? s.weeklyMultipliers.reduce((a, x) => a + x, 0) / s.weeklyMultipliers.length : 1;
    return s.rps * h * w;
  }

  /** Mean rate between two times, req/s (integrates every piece). */
  meanRpsBetween(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return this.rateAt(fromMs) * 1000;
    let t = fromMs;
    let count = 0;
    while (t < toMs) {
      const end = Math.min(toMs, this.nextChange(t));
      count += this.rateAt(t) * (end - t);
      t = end;
    }
    return (count / (toMs - fromMs)) * 1000;
  }

  /** Highest rate between two times, req/s. */
  peakRpsBetween(fromMs: number, toMs: number): number {
    let t = fromMs;
    let peak = this.rateAt(t);
    while (t < toMs) {
      t = this.nextChange(t);
      if (t < toMs) peak = Math.max(peak, this.rateAt(t));
    }
    return peak * 1000;
  }

  /**
   * Next arrival of the non-homogeneous Poisson process after t: one exponential draw, spent across
   * the constant pieces (exact). Infinity if the rate stays zero for a long time (about 400 days).
   */
  nextArrival(tMs: number, unitExponential: number): number {
    let remaining = unitExponential;
    let t = tMs;
    for (let guard = 0; guard < 24 * 400; guard++) {
      if (!(t >= this.pieceFromMs && t < this.pieceToMs)) {
        this.pieceFromMs = t;
        this.pieceToMs = this.nextChange(t);
        this.pieceRate = this.rateAt(t);
      }
      const rate = this.pieceRate;
      const end = this.pieceToMs;
      if (rate > 0) {
        const needed = remaining / rate;
        if (t + needed <= end) return t + needed;
        remaining -= rate * (end - t);
      }
      t = end;
    }
    return Infinity;
  }
}
