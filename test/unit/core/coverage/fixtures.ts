import type { AttendanceClass, Household, ProposedSite } from '../../../../src/core/index.ts';

export const M_PER_DEG_LAT = 6_371_008.8 * Math.PI / 180;
export const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(30 * Math.PI / 180);
/** A point `eastM` / `northM` metres (approximately) from (108.2, 30.0). */
export const at = (eastM: number, northM: number): [number, number] => [108.2 + eastM / M_PER_DEG_LON, 30 + northM / M_PER_DEG_LAT];

export function home(id: string, [lon, lat]: [number, number], cls: AttendanceClass, students: number, village?: string): Household {
  return { id, lon, lat, students, cls, line: 0, personal: {}, reports: [{ line: 0, cls }], ...(village ? { village } : {}) };
}

export function proposal(id: string, [lon, lat]: [number, number], radiusM: number, extra: Partial<ProposedSite> = {}): ProposedSite {
  return {
    id, name: id, lon, lat, status: 'proposed', origin: 'manual', antennaHeightM: 30, bandMHz: 900, eirpDbm: 58,
    radiusM, costCny: 250_000, notes: '', ...extra,
  };
}
