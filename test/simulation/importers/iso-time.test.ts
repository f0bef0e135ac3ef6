import { describe, expect, it } from 'vitest';
import { daysFromCivil, parseIsoDateTimeMs } from '../../../simulation/importers/iso-time';
import { RandomStream } from '../../../simulation/random/streams';

describe('ISO 8601 date-times without Date', () => {
  it('agrees with Date.parse on 2,000 random UTC and offset times, to the microsecond', () => {
    const rng = new RandomStream('iso-time');
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(rng.uniform() * 4_102_444_800_000); // 1970 … 2100
      const iso = new Date(ms).toISOString(); // e.g. 2031-07-04T09:15:42.123Z
      const micros = pad(Math.floor(rng.uniform() * 1000), 3);
      const offsetMin = Math.floor(rng.uniform() * 28) * 30 - 720;
      const sign = offsetMin < 0 ? '-' : '+';
      const zone = `${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
      const withOffset = `${iso.slice(0, 23)}${micros}${zone}`;
      expect(parseIsoDateTimeMs(iso)).toEqual({ ms, hasZone: true });
      expect(parseIsoDateTimeMs(withOffset)!.ms).toBeCloseTo(Date.parse(`${iso.slice(0, 23)}${zone}`) + Number(micros) / 1000, 3);
    }
  });

  it('reads the forms LiteLLM and Postgres write, and flags a missing zone', () => {
    expect(parseIsoDateTimeMs('2026-05-01T12:00:00Z')).toEqual({ ms: 1_777_636_800_000, hasZone: true });
    expect(parseIsoDateTimeMs('2026-05-01 12:00:00.250')).toEqual({ ms: 1_777_636_800_250, hasZone: false });
    expect(parseIsoDateTimeMs('2026-05-01T14:00:00.000+0200')!.ms).toBe(1_777_636_800_000);
    expect(parseIsoDateTimeMs('2026-05-01T12:00Z')!.ms).toBe(1_777_636_800_000);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
  });

  it('refuses impossible dates and other text', () => {
    for (const bad of ['2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-05-01T24:00:00Z', 'yesterday', '2026-05-01', '1777636800']) expect(parseIsoDateTimeMs(bad)).toBeNull();
    expect(parseIsoDateTimeMs('2024-02-29T00:00:00Z')).not.toBeNull();
  });
});
