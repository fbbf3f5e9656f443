import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hataTerms, okumuraHataLossDb } from '../../../../src/core/index.ts';

describe('okumuraHataLossDb', () => {
  // Hand computation, f = 900 MHz, hb = 30 m, hm = 1.5 m, d = 10 km:
  //   log10 f = 2.954243, log10 hb = 1.477121
  //   a(hm) = (1.1·2.954243 − 0.7)·1.5 − (1.56·2.954243 − 0.8) = 3.824500 − 3.808618 = 0.015882
  //   L_urban = 69.55 + 26.16·2.954243 − 13.82·1.477121 − 0.015882 + (44.9 − 6.55·1.477121)·log10 10
  //           = 69.55 + 77.282984 − 20.413816 − 0.015882 + 35.224856 = 161.628142
  //   L_suburban = 161.628142 − 2·(log10(900/28))² − 5.4 = 161.628142 − 2·1.507084² − 5.4 = 151.685535
  //   L_open = 161.628142 − 4.78·2.954243² + 18.33·2.954243 − 40.94
  //          = 161.628142 − 41.717683 + 54.151265 − 40.94 = 133.121724
  it('matches hand-computed Okumura–Hata values at 900 MHz, 30 m, 10 km', () => {
    const base = { frequencyMHz: 900, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 10 };
    expect(okumuraHataLossDb({ ...base, environment: 'urban' }).lossDb).toBeCloseTo(161.628142, 5);
    expect(okumuraHataLossDb({ ...base, environment: 'suburban' }).lossDb).toBeCloseTo(151.685535, 5);
    const open = okumuraHataLossDb({ ...base, environment: 'open' });
    expect(open.lossDb).toBeCloseTo(133.121724, 5);
    expect(open.model).toBe('okumura-hata');
    expect(open.warnings).toEqual([]);
  });

  // f = 900, hb = 50, hm = 1.5, d = 3 km, open:
  //   13.82·log10 50 = 13.82·1.698970 = 23.479766; B = 44.9 − 6.55·1.698970 = 33.771746
  //   A = 69.55 + 77.282984 − 23.479766 − 0.015882 − 41.717683 + 54.151265 − 40.94 = 94.830919
  //   L = 94.830919 + 33.771746·log10 3 (0.477121) = 94.830919 + 16.113218 = 110.944137
  // f = 450, hb = 100, hm = 2, d = 15 km, urban:
  //   log10 f = 2.653213; a(2) = (1.1·2.653213 − 0.7)·2 − (1.56·2.653213 − 0.8) = 4.437068 − 3.339012 = 1.098056
  //   A = 69.55 + 26.16·2.653213 − 13.82·2 − 1.098056 = 69.55 + 69.408052 − 27.64 − 1.098056 = 110.219996
  //   B = 44.9 − 6.55·2 = 31.8; L = 110.219996 + 31.8·log10 15 (1.176091) = 147.619685
  it('matches hand-computed values for other heights, distances and environments', () => {
    expect(okumuraHataLossDb({ frequencyMHz: 900, baseHeightM: 50, distanceKm: 3, environment: 'open' }).lossDb).toBeCloseTo(110.944137, 5);
    expect(okumuraHataLossDb({ frequencyMHz: 450, baseHeightM: 100, mobileHeightM: 2, distanceKm: 15, environment: 'urban' }).lossDb)
      .toBeCloseTo(147.619685, 5);
  });

  // COST-231 Hata, f = 1800, hb = 30, hm = 1.5, d = 5 km:
  //   log10 f = 3.255273; a(hm) = (1.1·3.255273 − 0.7)·1.5 − (1.56·3.255273 − 0.8) = 4.321200 − 4.278225 = 0.042975
  //   L_urban = 46.3 + 33.9·3.255273 − 20.413816 − 0.042975 + 35.224856·log10 5 (0.698970)
  //           = 46.3 + 110.353738 − 20.413816 − 0.042975 + 24.621117 = 160.818065
  //   L_open = 160.818065 − 4.78·3.255273² + 18.33·3.255273 − 40.94
  //          = 160.818065 − 50.652700 + 59.669145 − 40.94 = 128.894511
  it('uses COST-231 Hata above 1500 MHz, with the open-area correction', () => {
    const urban = okumuraHataLossDb({ frequencyMHz: 1800, baseHeightM: 30, distanceKm: 5, environment: 'urban' });
    expect(urban.model).toBe('cost231-hata');
    expect(urban.lossDb).toBeCloseTo(160.818065, 5);
    expect(urban.warnings).toEqual([]);
    expect(okumuraHataLossDb({ frequencyMHz: 1800, baseHeightM: 30, distanceKm: 5, environment: 'open' }).lossDb).toBeCloseTo(128.894511, 5);
  });

  it('extrapolates outside the validity ranges and lists each parameter out of range', () => {
    const r = okumuraHataLossDb({ frequencyMHz: 2600, baseHeightM: 20, mobileHeightM: 12, distanceKm: 25 });
    expect(Number.isFinite(r.lossDb)).toBe(true);
    expect(r.warnings).toEqual([
      { parameter: 'frequencyMHz', value: 2600, validMin: 1500, validMax: 2000 },
      { parameter: 'baseHeightM', value: 20, validMin: 30, validMax: 200 },
      { parameter: 'mobileHeightM', value: 12, validMin: 1, validMax: 10 },
      { parameter: 'distanceKm', value: 25, validMin: 1, validMax: 20 },
    ]);
    const low = okumuraHataLossDb({ frequencyMHz: 100, baseHeightM: 30, distanceKm: 0.5 });
    expect(low.warnings.map((w) => w.parameter)).toEqual(['frequencyMHz', 'distanceKm']);
    expect(low.warnings[0]).toMatchObject({ validMin: 150, validMax: 1500 });
    // The same formula beyond 20 km: loss = A + B·log10 d.
    const t = hataTerms(900, 30, 1.5, 'open');
    expect(okumuraHataLossDb({ frequencyMHz: 900, baseHeightM: 30, distanceKm: 40 }).lossDb).toBeCloseTo(t.interceptDb + t.slopeDbPerDecade * Math.log10(40), 10);
  });

  it('never throws: zero distance and height are floored, a bad frequency gives NaN', () => {
    const zero = okumuraHataLossDb({ frequencyMHz: 900, baseHeightM: 0, distanceKm: 0 });
    expect(Number.isFinite(zero.lossDb)).toBe(true);
    expect(zero.lossDb).toBeCloseTo(okumuraHataLossDb({ frequencyMHz: 900, baseHeightM: 1, distanceKm: 0.01 }).lossDb, 10);
    expect(okumuraHataLossDb({ frequencyMHz: -5, baseHeightM: 30, distanceKm: 5 }).lossDb).toBeNaN();
  });

  it('grows with distance and shrinks with base height (property)', () => {
    fc.assert(fc.property(
      fc.double({ min: 150, max: 2000, noNaN: true }), fc.double({ min: 10, max: 200, noNaN: true }),
      fc.double({ min: 0.1, max: 30, noNaN: true }), fc.constantFrom('open', 'suburban', 'urban'),
      (f, hb, d, environment) => {
        const at = (dd: number, h: number): number => okumuraHataLossDb({ frequencyMHz: f, baseHeightM: h, distanceKm: dd, environment }).lossDb;
        expect(at(d * 1.1, hb)).toBeGreaterThan(at(d, hb));
        expect(at(d, hb * 1.1)).toBeLessThan(at(d, hb));
        // Urban ≥ suburban ≥ open.
        const env = (e: 'open' | 'suburban' | 'urban'): number => okumuraHataLossDb({ frequencyMHz: f, baseHeightM: hb, distanceKm: d, environment: e }).lossDb;
        expect(env('urban')).toBeGreaterThanOrEqual(env('suburban'));
        expect(env('suburban')).toBeGreaterThanOrEqual(env('open'));
      },
    ));
  });
});
