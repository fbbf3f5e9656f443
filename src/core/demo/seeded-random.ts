/**
 * A small seeded pseudo-random generator (mulberry32) with the few draws the demo needs.
 * Same seed → same sequence, on every platform (32-bit integer arithmetic only, then one division).
 * Not cryptographic; period 2^32, which is plenty for a few hundred thousand draws.
 * Cost: a handful of integer operations per draw.
 */
import { invariant } from '../model/errors.ts';

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Normal with the given mean and standard deviation (Box–Muller; two uniforms per draw). */
  normal(mean: number, sd: number): number;
  /** Integer uniform in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** An index drawn with the given non-negative weights (at least one positive). */
  weighted(weights: readonly number[]): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: SeededRandom = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal: (mean, sd) => {
      const u1 = 1 - next(); // (0, 1]: log stays finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      invariant(items.length > 0, 'pick from an empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    weighted: (weights) => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
  return random;
}
