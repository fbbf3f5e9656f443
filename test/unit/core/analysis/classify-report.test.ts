import { describe, expect, it } from 'vitest';
import { classifyReport, DEFAULT_THRESHOLDS, type ClassThresholds } from '../../../../src/core/index.ts';

const t = DEFAULT_THRESHOLDS;

describe('classifyReport: RSRP boundaries (FORMATS §2)', () => {
  it.each([
    [-140, 'none'], [-115.01, 'none'], [-115, 'poor'], [-110, 'poor'], [-105.01, 'poor'],
    [-105, 'fair'], [-100, 'fair'], [-95.01, 'fair'], [-95, 'good'], [-44, 'good'],
  ] as const)('rsrp %d dBm → %s', (rsrpDbm, cls) => {
    expect(classifyReport({ rsrpDbm }, t)).toBe(cls);
  });
});

describe('classifyReport: downlink boundaries (FORMATS §2)', () => {
  it.each([
    [0, 'none'], [0.149, 'none'], [0.15, 'poor'], [0.5, 'poor'], [0.999, 'poor'],
    [1.0, 'fair'], [4.99, 'fair'], [5, 'good'], [100, 'good'],
  ] as const)('down %d Mbit/s → %s', (downMbps, cls) => {
    expect(classifyReport({ downMbps }, t)).toBe(cls);
  });
});

describe('classifyReport: combining measures', () => {
  it('takes the category as is', () => {
    for (const c of ['none', 'poor', 'fair', 'good'] as const) expect(classifyReport({ signal: c }, t)).toBe(c);
  });
  it('is unknown without any measure', () => {
    expect(classifyReport({}, t)).toBe('unknown');
  });
  it('takes the worst of the measures present', () => {
    expect(classifyReport({ signal: 'good', rsrpDbm: -90, downMbps: 0.5 }, t)).toBe('poor');
    expect(classifyReport({ signal: 'none', rsrpDbm: -90, downMbps: 50 }, t)).toBe('none');
    expect(classifyReport({ signal: 'good', rsrpDbm: -100 }, t)).toBe('fair');
    expect(classifyReport({ rsrpDbm: -90, downMbps: 2 }, t)).toBe('fair');
  });
  it('reads the thresholds it is given, not the defaults', () => {
    const strict: ClassThresholds = { ...t, rsrpNoneBelowDbm: -110, downFairBelowMbps: 10 };
    expect(classifyReport({ rsrpDbm: -112 }, strict)).toBe('none');
    expect(classifyReport({ rsrpDbm: -112 }, t)).toBe('poor');
    expect(classifyReport({ downMbps: 8 }, strict)).toBe('fair');
    expect(classifyReport({ downMbps: 8 }, t)).toBe('good');
  });
});
