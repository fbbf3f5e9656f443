/**
 * Seeded 2-D gradient noise (Perlin's "improved noise" scheme: a shuffled permutation table, one of
 * eight gradients per lattice point, quintic fade) and its fractal sum, for the synthetic demo
 * terrain.
 *
 * Rules: `noise(x, y)` is continuous, 0 at lattice points, roughly in [−1, 1] (|value| ≤ 1 is
 * guaranteed), with features about one lattice unit across; `fbm` adds `octaves` layers, each at
 * twice the frequency and `gain` times the amplitude of the one before, normalised to [−1, 1].
 * Only +, ×, floor and integer operations (no sin/cos/exp), so one seed gives bit-identical values
 * on every JavaScript engine. The permutation is drawn from the caller's seeded PRNG (256 draws).
 * Not for cryptography, not isotropic to high precision (eight gradients), periodic every 256 units.
 * Cost: `noise` ~15 ns; `fbm` octaves × that; memory 512 integers.
 */
import type { SeededRandom } from '../demo/seeded-random.ts';

export interface GradientNoise {
  noise(x: number, y: number): number;
  fbm(x: number, y: number, octaves: number, gain?: number): number;
}

/** Eight gradients: axes and diagonals (diagonals scaled by 1/√2 ≈ 0.7071, so all have length 1). */
const D = Math.SQRT1_2;
const GX = Float64Array.from([1, -1, 0, 0, D, -D, D, -D]);
const GY = Float64Array.from([0, 0, 1, -1, D, D, -D, -D]);

export function createGradientNoise(random: SeededRandom): GradientNoise {
  const perm = new Uint8Array(512);
  const p = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 255; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  for (let i = 0; i < 512; i++) perm[i] = p[i & 255]!;

  function noise(x: number, y: number): number {
    const fx = Math.floor(x), fy = Math.floor(y);
    const xi = fx & 255, yi = fy & 255;
    const xf = x - fx, yf = y - fy;
    const u = xf * xf * xf * (xf * (xf * 6 - 15) + 10), v = yf * yf * yf * (yf * (yf * 6 - 15) + 10); // quintic fade
    const pa = perm[xi]!, pb = perm[xi + 1]!;
    const aa = perm[pa + yi]! & 7, ab = perm[pa + yi + 1]! & 7, ba = perm[pb + yi]! & 7, bb = perm[pb + yi + 1]! & 7;
    const gaa = GX[aa]! * xf + GY[aa]! * yf, gba = GX[ba]! * (xf - 1) + GY[ba]! * yf;
    const gab = GX[ab]! * xf + GY[ab]! * (yf - 1), gbb = GX[bb]! * (xf - 1) + GY[bb]! * (yf - 1);
    const x1 = gaa + u * (gba - gaa);
    const x2 = gab + u * (gbb - gab);
    // The largest value of 2-D gradient noise with unit gradients is √2/2 (at a cell centre); scale to [−1, 1].
    const value = (x1 + v * (x2 - x1)) * Math.SQRT2;
    return value > 1 ? 1 : value < -1 ? -1 : value;
  }

  function fbm(x: number, y: number, octaves: number, gain = 0.5): number {
    let sum = 0, amplitude = 1, norm = 0, frequency = 1;
    for (let o = 0; o < octaves; o++) {
      sum += amplitude * noise(x * frequency, y * frequency);
      norm += amplitude;
      amplitude *= gain;
      frequency *= 2;
    }
    return sum / norm;
  }

  return { noise, fbm };
}
