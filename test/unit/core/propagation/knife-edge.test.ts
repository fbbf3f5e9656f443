import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fresnelParameterV, knifeEdgeLossDb, wavelengthM } from '../../../../src/core/index.ts';

describe('knifeEdgeLossDb (ITU-R P.526 J(v))', () => {
  it('gives the published values within 0.1 dB', () => {
    expect(knifeEdgeLossDb(-0.78)).toBe(0);
    expect(Math.abs(knifeEdgeLossDb(0) - 6.0)).toBeLessThan(0.1); // 6.03
    expect(Math.abs(knifeEdgeLossDb(1) - 13.9)).toBeLessThan(0.1); // 13.93
    expect(Math.abs(knifeEdgeLossDb(2.4) - 20.5)).toBeLessThan(0.1); // 20.54
  });
  it('is 0 at and below −0.78, continuous there, and increasing above (property)', () => {
    expect(knifeEdgeLossDb(-5)).toBe(0);
    expect(knifeEdgeLossDb(-0.7799)).toBeLessThan(0.01);
    fc.assert(fc.property(fc.double({ min: -0.779, max: 50, noNaN: true }), fc.double({ min: 1e-3, max: 1, noNaN: true }), (v, dv) => {
      expect(knifeEdgeLossDb(v)).toBeGreaterThanOrEqual(0);
      expect(knifeEdgeLossDb(v + dv)).toBeGreaterThan(knifeEdgeLossDb(v));
    }));
  });
  it('computes v from the height above the line of sight, d1, d2 and λ', () => {
    // h = 10 m, d1 = d2 = 1000 m, λ = 1/3 m: v = 10·√(2·2000 / (1/3 · 10⁶)) = 10·√0.012 = 1.095445
    expect(fresnelParameterV(10, 1000, 1000, 1 / 3)).toBeCloseTo(1.095445, 6);
    expect(fresnelParameterV(0, 300, 700, 0.3)).toBe(0);
    expect(fresnelParameterV(-10, 1000, 1000, 1 / 3)).toBeCloseTo(-1.095445, 6);
    // v = √2 · h / r1, r1 the first Fresnel radius √(λ d1 d2 / (d1 + d2)).
    const lambda = wavelengthM(900), d1 = 2500, d2 = 4000, h = 7;
    expect(fresnelParameterV(h, d1, d2, lambda)).toBeCloseTo((Math.SQRT2 * h) / Math.sqrt((lambda * d1 * d2) / (d1 + d2)), 10);
    expect(wavelengthM(900)).toBeCloseTo(0.333103, 6);
  });
});
