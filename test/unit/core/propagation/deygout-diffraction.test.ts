import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deygoutDiffraction, fresnelParameterV, knifeEdgeLossDb } from '../../../../src/core/index.ts';

const LAMBDA = 1 / 3;
/** A flat profile at 0 m, 101 samples 100 m apart, with spikes `{ index: heightM }`. */
function profile(spikes: Record<number, number>): { d: Float64Array; h: Float64Array } {
  const d = Float64Array.from({ length: 101 }, (_, k) => k * 100);
  const h = Float64Array.from({ length: 101 }, (_, k) => spikes[k] ?? 0);
  return { d, h };
}

describe('deygoutDiffraction', () => {
  it('one edge: J(v) of the edge, v from its height above the line of sight', () => {
    // Antennas 10 m high at 0 and 10 km, a 30 m edge at 4 km: 20 m above the line,
    // v = 20·√(2·10000/(λ·4000·6000)) = 20·√(0.0025) = 1.0 (λ = 1/3 m) → J ≈ 13.93 dB.
    const { d, h } = profile({ 40: 30 });
    const r = deygoutDiffraction(d, h, 10, 10, LAMBDA);
    expect(r.main).toMatchObject({ index: 40, distanceM: 4000, heightM: 30 });
    expect(r.main!.clearanceM).toBeCloseTo(20, 9);
    expect(r.main!.v).toBeCloseTo(1.0, 9);
    expect(r.lossDb).toBeCloseTo(knifeEdgeLossDb(1), 9);
    expect(r.secondary).toEqual([]);
  });

  it('two edges: the main edge plus a secondary edge on its sub-path', () => {
    // Edges of 40 m at 3 km and 35 m at 7 km, antennas 10 m. Main (larger v): 30 m vs 25 m above
    // the line, v ∝ h·√(D/(d1 d2)) → the 3 km edge (v = 30·√(2·10⁴·3/(3000·7000)) = 1.604)
    // Secondary on the sub-path 3 km (40 m) → 10 km (10 m): the line at 7 km is 40 − 30·4/7 = 22.86 m,
    // the edge 12.14 m above it, v = 12.14·√(2·7000·3/(4000·3000)) = 12.14·0.05916 = 0.7184.
    const { d, h } = profile({ 30: 40, 70: 35 });
    const r = deygoutDiffraction(d, h, 10, 10, LAMBDA);
    expect(r.main!.index).toBe(30);
    expect(r.main!.v).toBeCloseTo(fresnelParameterV(30, 3000, 7000, LAMBDA), 9);
    expect(r.main!.v).toBeCloseTo(1.6036, 3);
    expect(r.secondary).toHaveLength(1);
    expect(r.secondary[0]!.index).toBe(70);
    expect(r.secondary[0]!.clearanceM).toBeCloseTo(35 - (40 - (30 * 4) / 7), 9);
    expect(r.secondary[0]!.v).toBeCloseTo(0.7184, 3);
    expect(r.lossDb).toBeCloseTo(knifeEdgeLossDb(r.main!.v) + knifeEdgeLossDb(r.secondary[0]!.v), 9);
  });

  it('three edges at most: main and one secondary on each side', () => {
    // Main at 5 km (60 m). Site side: line 10 → 60 m over 0–5 km is 30 m at 2 km, the 32 m edge
    // 2 m above it (v = 2·√(2·5000/(λ·2000·3000)) = 0.141 > 0: counts). Receiver side: line
    // 60 → 10 m over 5–10 km is 30 m at 8 km (the 32 m edge 2 m above) and 25 m at 8.5 km (the
    // 20 m edge 5 m below): the 8 km edge wins.
    const { d, h } = profile({ 20: 32, 50: 60, 80: 32, 85: 20 });
    const r = deygoutDiffraction(d, h, 10, 10, LAMBDA);
    expect(r.main!.index).toBe(50);
    expect(r.secondary.map((e) => e.index)).toEqual([20, 80]);
    expect(r.secondary[0]!.v).toBeCloseTo(0.1414, 3);
    // An edge exactly on its sub-path's line (v = 0) does not count as a secondary edge.
    const flush = deygoutDiffraction(profile({ 20: 30, 50: 60 }).d, profile({ 20: 30, 50: 60 }).h, 10, 10, LAMBDA);
    expect(flush.secondary).toEqual([]);
    expect(r.lossDb).toBeCloseTo(r.main!.lossDb + r.secondary[0]!.lossDb + r.secondary[1]!.lossDb, 9);
  });

  it('a clear path costs nothing but still reports its closest edge; unknown heights are skipped', () => {
    const { d, h } = profile({ 50: -100 });
    h[50] = NaN;
    const r = deygoutDiffraction(d, h, 100, 100, LAMBDA);
    expect(r.lossDb).toBe(0);
    expect(r.main).not.toBeNull();
    expect(r.main!.v).toBeLessThan(-0.78);
    expect(r.main!.index).not.toBe(50);
    expect(deygoutDiffraction([0, 1], [0, 0], 10, 10, LAMBDA)).toEqual({ lossDb: 0, main: null, secondary: [] });
    expect(deygoutDiffraction(d, h, NaN, 10, LAMBDA).lossDb).toBe(0);
  });

  it('is symmetric: the reversed path has the same loss, and the loss is at least the main edge’s (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { minLength: 3, maxLength: 60 }),
      fc.double({ min: 0, max: 150, noNaN: true }), fc.double({ min: 0, max: 150, noNaN: true }),
      (heights, tx, rx) => {
        const d = Float64Array.from(heights, (_, k) => k * 90);
        const h = Float64Array.from(heights);
        const total = d[d.length - 1]!;
        const r = deygoutDiffraction(d, h, tx, rx, LAMBDA);
        const back = deygoutDiffraction(Float64Array.from(d, (x) => total - x).reverse(), Float64Array.from(h).reverse(), rx, tx, LAMBDA);
        expect(back.lossDb).toBeCloseTo(r.lossDb, 6);
        expect(r.lossDb).toBeGreaterThanOrEqual(r.main?.lossDb ?? 0);
      },
    ));
  });
});
