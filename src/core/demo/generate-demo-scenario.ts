/**
 * The built-in demo scenario: synthetic household reports and existing sites in Shizhu County
 * (石柱土家族自治县, 500240), carrying real township and village names and codes.
 *
 * What it computes, step by step (all from one seeded PRNG, so one seed gives one scenario):
 *  1. township centres spread over the county outline; the street offices (街道) form the seat
 *     (at `seatLonLat` when given);
 *  2. village centres a few km around their township centre; Longchi Village (龙池村, 500240205206)
 *     is pushed far from every township centre; it and the `extraDeadVillages` most remote other
 *     rural villages (distinct townships, not the seat) are the story's dead villages;
 *  3. about 40 existing sites: the seat, near township centres, along the main roads; none within a
 *     keep-away distance of the dead villages;
 *  4. homes in hamlets around each village centre (urban communities get only a few homes: the
 *     demo is about rural villages), students 0–3;
 *  5. each home's RSRP: the best site by a Hata-like rule (demo-signal-model.ts) plus a terrain
 *     term per village (dead villages lie behind a ridge: strongly negative) and per hamlet, plus
 *     noise per home; each row then says it as a category, bars, RSRP and/or downlink
 *     (draw-demo-report.ts); some homes report nothing (unknown), some report twice.
 * Limits: nothing here is real but the names and codes. Positions do not follow real geography,
 * the terrain is invented, the sites are not a tower list. Deterministic for a given seed and input
 * (same division lists in the same order, same outline).
 * Cost: O(homes × outline vertices + homes × sites); Shizhu: ~6,000 homes in ~0.3 s.
 */
import { bbox } from '@turf/bbox';
import type { DemoHouseholdRow, DemoScenario, DemoScenarioInput, DemoSiteRow, DemoVillageSummary } from './demo-types.ts';
import { createSeededRandom } from './seeded-random.ts';
import { commonVillageName } from './common-village-name.ts';
import { createLocalMetricFrame } from './local-metric-frame.ts';
import { createCountyRegion } from './county-region.ts';
import { placeTownshipCentres } from './place-township-centres.ts';
import { placeVillageCentres, type VillageCentre } from './place-village-centres.ts';
import { placeDemoSites, type KeepAway } from './place-demo-sites.ts';
import { scatterVillageHouseholds } from './scatter-village-households.ts';
import { demoBestServer } from './demo-signal-model.ts';
import { drawDemoReport, DEMO_REPORT_STYLE_WEIGHTS, type DemoReportStyle } from './draw-demo-report.ts';

/** 2 March 2020: the day Chongqing's schools moved online. */
export const DEMO_DEFAULT_SEED = 20200302;

/** The story's knobs, in one object (units in the names). */
export const DEMO_STORY = Object.freeze({
  countyName: '石柱土家族自治县',
  /** Longchi Village, Liutang Township: where the 48-hour base station was built in 2020. */
  longchiVillageCode: '500240205206',
  /** Longchi's homes: a group of about 20 and a few scattered ones. */
  longchiHamletSizes: [20, 4] as readonly number[],
  /** Other dead villages besides Longchi: the most remote rural villages, one per township. */
  extraDeadVillages: 7,
  /** Sites keep this far from Longchi / from the other dead villages, metres. */
  longchiKeepAwayM: 7_000,
  deadKeepAwayM: 5_000,
  /** Homes per rural village: normal, clamped. */
  ruralHomesMean: 29,
  ruralHomesSd: 9,
  ruralHomesMin: 10,
  ruralHomesMax: 55,
  /** Homes per urban community (社区): uniform, both ends included. */
  urbanHomes: [3, 8] as readonly [number, number],
  /** Terrain term of a rural village (valley, slope, behind a hill), dB: normal. */
  villageTerrainMeanDb: 14,
  villageTerrainSdDb: 7,
  /** Terrain term of an urban community (in the open valley floor), dB. */
  urbanTerrainDb: 4,
  /** Terrain term of a dead village (behind a ridge), dB, on top of the distance. */
  deadVillageTerrainDb: -30,
  /** Standard deviations of the hamlet term and the home term, dB. */
  hamletTerrainSdDb: 4,
  homeNoiseSdDb: 5,
  /** Measurement spread between two reports of one home, dB. */
  reportNoiseSdDb: 2.5,
  /** Share of homes with no measure at all (they are `unknown`). */
  unknownShare: 0.05,
  /** Share of (known) homes with a second report. */
  secondReportShare: 0.11,
  /** Weights of 0, 1, 2, 3 students in a home. */
  studentWeights: [5, 50, 33, 12] as readonly number[],
  /** Operators of the homes' phones and their shares. */
  operators: [['中国移动', 0.6], ['中国电信', 0.25], ['中国联通', 0.15]] as readonly (readonly [string, number])[],
  /** First reports: 2–9 March 2020; second reports: 12–31 March 2020 (day of month ranges). */
  firstReportDays: [2, 9] as readonly [number, number],
  secondReportDays: [12, 31] as readonly [number, number],
});

export function generateDemoScenario(input: DemoScenarioInput): DemoScenario {
  const seed = input.seed ?? DEMO_DEFAULT_SEED;
  const story = DEMO_STORY;
  const random = createSeededRandom(seed);

  const [minLon, minLat, maxLon, maxLat] = bbox(input.countyPolygon);
  const frame = createLocalMetricFrame((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const region = createCountyRegion(input.countyPolygon, frame);
  const countyName = typeof input.countyPolygon.properties?.['name'] === 'string'
    ? (input.countyPolygon.properties['name'] as string) : story.countyName;

  // 1–2. Townships and villages (only villages of the given townships, in the list's order).
  const townshipCodes = new Set(input.townships.map((t) => t.code));
  const villages = input.villages.filter((v) => townshipCodes.has(v.streetCode));
  const seatXY = input.seatLonLat ? frame.toXY(input.seatLonLat[0], input.seatLonLat[1]) : undefined;
  const townships = placeTownshipCentres(input.townships, region, random, seatXY);
  const townshipByCode = new Map(townships.map((t) => [t.code, t]));
  const longchi = new Set<string>(villages.some((v) => v.code === story.longchiVillageCode) ? [story.longchiVillageCode] : []);
  const villageCentres = placeVillageCentres(villages, townships, region, random, longchi);
  // The most remote rural villages (farthest from every township centre), one per township,
  // not in the seat nor in Longchi's township, become dead too.
  const longchiTownship = story.longchiVillageCode.slice(0, 9);
  const usedTownships = new Set<string>([longchiTownship]);
  const remoteness = (v: VillageCentre): number => Math.min(...townships.map((t) => Math.hypot(t.x - v.x, t.y - v.y)));
  const dead = new Set(longchi);
  for (const v of villageCentres.filter((u) => u.rural && !townshipByCode.get(u.townshipCode)?.seat)
    .sort((a, b) => remoteness(b) - remoteness(a) || (a.code < b.code ? -1 : 1))) {
    if (dead.size >= longchi.size + story.extraDeadVillages) break;
    if (usedTownships.has(v.townshipCode)) continue;
    usedTownships.add(v.townshipCode);
    dead.add(v.code);
  }

  // 3. Sites, keeping away from the dead villages.
  const keepAway: KeepAway[] = villageCentres.filter((v) => dead.has(v.code)).map((v) => ({
    x: v.x, y: v.y, distanceM: v.code === story.longchiVillageCode ? story.longchiKeepAwayM : story.deadKeepAwayM,
  }));
  const placedSites = placeDemoSites(townships, keepAway, region, random);
  const radioSites = placedSites.map((s) => ({ x: s.x, y: s.y, heightM: s.heightM, bandMHz: s.bandMHz, eirpDbm: s.eirpDbm }));

  // 4–5. Homes and their reports.
  const firstRows: DemoHouseholdRow[] = [];
  const secondRows: DemoHouseholdRow[] = [];
  const summaries: DemoVillageSummary[] = [];
  const styles = Object.keys(DEMO_REPORT_STYLE_WEIGHTS) as DemoReportStyle[];
  const styleWeights = styles.map((s) => DEMO_REPORT_STYLE_WEIGHTS[s]);
  const operatorWeights = story.operators.map(([, share]) => share);
  let serial = 0;
  for (const v of villageCentres) {
    const township = townshipByCode.get(v.townshipCode)!;
    const isLongchi = v.code === story.longchiVillageCode;
    const count = isLongchi
      ? story.longchiHamletSizes.reduce((a, b) => a + b, 0)
      : v.rural
        ? Math.round(Math.min(story.ruralHomesMax, Math.max(story.ruralHomesMin, random.normal(story.ruralHomesMean, story.ruralHomesSd))))
        : random.int(story.urbanHomes[0], story.urbanHomes[1]);
    const homes = scatterVillageHouseholds(v, count, region, random, isLongchi ? story.longchiHamletSizes : undefined);
    const villageTerrainDb = dead.has(v.code)
      ? story.deadVillageTerrainDb + random.normal(0, 3)
      : v.rural ? random.normal(story.villageTerrainMeanDb, story.villageTerrainSdDb) : story.urbanTerrainDb;
    const hamletTerrainDb = Array.from({ length: 1 + Math.max(0, ...homes.map((h) => h.hamlet)) },
      () => random.normal(0, story.hamletTerrainSdDb));

    for (const home of homes) {
      serial++;
      const base: Omit<DemoHouseholdRow, 'reported_at' | 'operator'> = {
        id: `SZ-${String(serial).padStart(6, '0')}`,
        lon: home.lon,
        lat: home.lat,
        students: random.weighted(story.studentWeights),
        county: countyName,
        township: township.name,
        village: commonVillageName(v.name),
        township_code: township.code,
        village_code: v.code,
      };
      const operator = story.operators[random.weighted(operatorWeights)]![0];
      const firstDay = random.int(story.firstReportDays[0], story.firstReportDays[1]);
      const trueRsrpDbm = demoBestServer(radioSites, home.x, home.y).rsrpDbm + villageTerrainDb +
        (hamletTerrainDb[home.hamlet] ?? 0) + random.normal(0, story.homeNoiseSdDb);
      if (random.chance(story.unknownShare)) {
        firstRows.push({ ...base, reported_at: marchDate(firstDay), operator });
        continue;
      }
      const style = styles[random.weighted(styleWeights)]!;
      const measure = (): ReturnType<typeof drawDemoReport> =>
        drawDemoReport(trueRsrpDbm + random.normal(0, story.reportNoiseSdDb), style, random);
      firstRows.push({ ...base, ...measure(), reported_at: marchDate(firstDay), operator });
      if (random.chance(story.secondReportShare)) {
        const day = random.int(story.secondReportDays[0], story.secondReportDays[1]);
        secondRows.push({ ...base, ...measure(), reported_at: marchDate(day), operator });
      }
    }
    const [lon, lat] = frame.toLonLat(v.x, v.y);
    summaries.push({
      code: v.code, name: v.name, townshipCode: township.code, township: township.name,
      lon: round6(lon), lat: round6(lat), households: homes.length, rural: v.rural, dead: dead.has(v.code),
      nearestSiteM: Math.round(demoBestServer(radioSites, v.x, v.y).nearestSiteM),
    });
  }

  const sites: DemoSiteRow[] = placedSites.map((s, i) => {
    const [lon, lat] = frame.toLonLat(s.x, s.y);
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `SZ-S${n}`, name: `示例站点 ${n}`, lon: round6(lon), lat: round6(lat),
      height_m: s.heightM, band_mhz: s.bandMHz, eirp_dbm: s.eirpDbm, radius_m: s.radiusM,
      operator: s.operator, synthetic: true,
    };
  });

  return { seed, households: [...firstRows, ...secondRows], sites, villages: summaries };
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function marchDate(day: number): string {
  return `2020-03-${String(day).padStart(2, '0')}`;
}
