import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../src/core/demo/seeded-random.ts';

describe('createSeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createSeededRandom(42), b = createSeededRandom(42), c = createSeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('pins the first draws of seed 1 (the demo files depend on this exact sequence)', () => {
    const r = createSeededRandom(1);
    expect(Array.from({ length: 3 }, () => Math.floor(r.next() * 1e9))).toEqual(PINNED_SEED_1);
  });

  it('keeps draws in range', () => {
    const r = createSeededRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.int(-2, 3);
      expect(Number.isInteger(k) && k >= -2 && k <= 3).toBe(true);
      const x = r.uniform(5, 6);
      expect(x >= 5 && x < 6).toBe(true);
    }
  });

  it('draws normals with about the asked mean and spread', () => {
    const r = createSeededRandom(11);
    const xs = Array.from({ length: 20_000 }, () => r.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('picks and weights', () => {
    const r = createSeededRandom(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 9_000; i++) counts[r.weighted([1, 0, 2])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(1.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(2.3);
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    expect(() => r.pick([])).toThrow(/Invariant/);
  });
});

// mulberry32 with seed 1 starts 0.6270739…, 0.0027357…, 0.5274470….
const PINNED_SEED_1 = [627073940, 2735721, 527447039];
