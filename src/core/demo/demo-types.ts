/**
 * Types of the demo scenario: what the generator takes (real division names and codes, the county
 * outline) and what it gives (synthetic household report rows and existing sites).
 * Row types use the canonical field names of FORMATS.md (§1 household reports, §3 simple site CSV),
 * so a row maps one to one onto a line of the CSV files the generator's output becomes.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** A village or community from the statistics-bureau list (`shizhu_villages.csv`). */
export interface DemoVillageInput {
  /** 12-digit code, e.g. `500240205206`. */
  code: string;
  /** Official name as the list spells it, e.g. `龙池村民委员会`. */
  name: string;
  /** 9-digit code of its township or street office. */
  streetCode: string;
}

/** A township (乡/镇) or street office (街道) of the county (`cq_streets.csv`). */
export interface DemoTownshipInput {
  /** 9-digit code, e.g. `500240205`. */
  code: string;
  name: string;
}

export interface DemoScenarioInput {
  /** Shizhu County's outline (adcode 500240), WGS-84. */
  countyPolygon: Feature<Polygon | MultiPolygon>;
  villages: readonly DemoVillageInput[];
  townships: readonly DemoTownshipInput[];
  /**
   * Where the county seat (the street offices, 街道) is, WGS-84 — e.g. the county's label point,
   * which for these basemaps is the seat. Absent: drawn like the other township centres.
   */
  seatLonLat?: readonly [number, number];
  /** PRNG seed; `DEMO_DEFAULT_SEED` when absent. */
  seed?: number;
}

/** One household report row (a household with two reports has two rows sharing `id`). */
export interface DemoHouseholdRow {
  /** `SZ-000123`. */
  id: string;
  /** WGS-84, 6 decimals. */
  lon: number;
  lat: number;
  /** School-age children in the home, 0–3. */
  students: number;
  county: string;
  township: string;
  /** Official village name, as in the division list. */
  village: string;
  /** Codes of the same township and village (not written to the CSV; for checks and joins). */
  township_code: string;
  village_code: string;
  /** Category as a teacher writes it: 无 / 差 / 一般 / 好, or bars `0`–`3`. */
  signal?: string;
  /** Integer dBm, −140 … −44. */
  rsrp_dbm?: number;
  /** Mbit/s, 2 decimals. */
  down_mbps?: number;
  /** ISO date, March 2020. */
  reported_at: string;
  /** 中国移动 / 中国联通 / 中国电信. */
  operator: string;
}

/** One synthetic existing base station (simple site CSV, FORMATS.md §3). */
export interface DemoSiteRow {
  /** `SZ-S01`. */
  id: string;
  /** `示例站点 01`: plainly synthetic. */
  name: string;
  lon: number;
  lat: number;
  height_m: number;
  band_mhz: number;
  eirp_dbm: number;
  /** Coverage radius for the radius model, metres. */
  radius_m: number;
  operator: string;
  synthetic: true;
}

/** Where the generator put a village, and the story it gave it (for tests, docs and checks). */
export interface DemoVillageSummary {
  code: string;
  name: string;
  townshipCode: string;
  township: string;
  /** Village centre, WGS-84 (synthetic: the lists carry no coordinates). */
  lon: number;
  lat: number;
  households: number;
  /** True for a rural village (村民委员会); false for an urban community (社区/居民委员会). */
  rural: boolean;
  /** True for the villages the story makes dead: behind a ridge and far from every site. */
  dead: boolean;
  /** Distance from the centre to the nearest synthetic site, metres. */
  nearestSiteM: number;
}

export interface DemoScenario {
  seed: number;
  /** Report rows: first reports in household order, then the second reports. */
  households: DemoHouseholdRow[];
  sites: DemoSiteRow[];
  villages: DemoVillageSummary[];
}
