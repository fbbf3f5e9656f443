/**
 * Saves and opens a project file (FORMATS.md §7, `*.blindspot.json`, `BlindspotProject`).
 * `projectToJson` writes exactly the documented fields (schema first, anything else the value
 * carries is left out) as compact JSON plus a final newline; a non-finite number is an
 * `invariant` failure (JSON would turn it into null and the file would not reopen).
 * `parseProjectFile` is its inverse: parse(projectToJson(p)) deep-equals p. It:
 * - text longer than `INPUT_LIMITS.maxTextBytes` characters → `UserInputError` `file_too_large`;
 * - strips a BOM; text that is not JSON (e.g. a file cut short) → `UserInputError` `not_json`;
 * - a value without a `blindspot.project/<n>` schema → `not_a_project` (`params.schema` when text);
 * - a higher version than `PROJECT_SCHEMA` → `newer_project_version` (update the app);
 * - an older version is upgraded step by step through `migrations` (default `PROJECT_MIGRATIONS`)
 *   before it is checked; an older version with no migration, or one whose migration throws,
 *   → `invalid_project` with `params.path` = `schema`;
 * - then checks every field in order and throws `invalid_project` naming the first bad one in
 *   `params.path` (0-based indices: `proposals[3].lon`, `households.households[0].reports[1].cls`):
 *   missing fields, wrong types, non-finite numbers, coordinates out of range, negative counts,
 *   radii or costs, non-integer lines and counts, unknown classes, issue codes, fields, encodings
 *   and coordinate systems, repeated proposal ids, analysis settings `checkAnalysisSettings`
 *   refuses. Optional fields may be absent or null (then absent). Unknown extra fields are dropped.
 *   Messages name the field, never a value (the file holds personal data).
 * Keys such as `__proto__` in `personal` or `rememberedMappings` stay plain data. Nothing here
 * recurses on the data (the readers follow the schema), so a value nested 100,000 deep is just a
 * field of the wrong type.
 * Cost: O(file size) time; memory about the text plus the parsed tree (several × the file:
 * tens of MB for 50,000 households).
 */
import { checkAnalysisSettings } from '../analysis/check-analysis-settings.ts';
import type { AnalysisSettings } from '../model/analysis.ts';
import { invariant, UserInputError } from '../model/errors.ts';
import { checkTextSize } from './input-limits.ts';
import type { ImportOptions, InputCrs, TextEncoding } from '../model/import-options.ts';
import type { BlindspotProject, ProjectHouseholds, ProjectSites } from '../model/project.ts';
import { PROPOSAL_STATUSES, type ProposedSite } from '../model/proposal.ts';
import { DEFAULT_THRESHOLDS, type ClassifySettings, type ClassThresholds, type MergeRule } from '../model/thresholds.ts';
import {
  ATTENDANCE_CLASSES, type Household, type HouseholdField, type ImportIssue, type IssueCode, type KnownClass, type Report, type Site,
} from '../model/types.ts';

export const PROJECT_SCHEMA = 'blindspot.project/1';
const FAMILY = /^blindspot\.project\/(\d+)$/;

/**
 * Upgrades a parsed project of one older schema to a newer one: takes the whole document (its
 * `schema` is the table key) and returns a new document whose `schema` is a higher version.
 * Must not mutate its argument. Steps chain until `PROJECT_SCHEMA` is reached.
 */
export type ProjectMigration = (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Migrations keyed by the older schema they read. Empty while only version 1 exists. When
 * version 2 comes, `PROJECT_SCHEMA` becomes `blindspot.project/2` and one entry is added, e.g.
 * `'blindspot.project/1': (doc) => ({ ...doc, schema: 'blindspot.project/2', newField: defaultValue })`.
 */
export const PROJECT_MIGRATIONS: Readonly<Record<string, ProjectMigration>> = Object.freeze({});

export function projectToJson(project: BlindspotProject): string {
  const doc: BlindspotProject = {
    schema: PROJECT_SCHEMA, savedAt: project.savedAt, households: project.households, sites: project.sites,
    analysisSettings: project.analysisSettings, proposals: project.proposals, pinned: project.pinned,
  };
  return JSON.stringify(doc, (key, value: unknown) => {
    invariant(typeof value !== 'number' || Number.isFinite(value), `projectToJson: ${key} is not a finite number`);
    return value;
  }) + '\n';
}

export function parseProjectFile(text: string, migrations: Readonly<Record<string, ProjectMigration>> = PROJECT_MIGRATIONS): BlindspotProject {
  checkTextSize(text.length, 'the project file');
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserInputError('not_json', 'This is not a Blindspot project file: its text is not JSON (is the file complete?).');
  }
  if (!isObject(doc) || typeof doc.schema !== 'string' || versionOf(doc.schema) === null) {
    const params: Record<string, string> = isObject(doc) && typeof doc.schema === 'string' ? { schema: doc.schema } : {};
    throw new UserInputError('not_a_project', 'This is not a Blindspot project file (it has no blindspot.project schema).', params);
  }
  const current = versionOf(PROJECT_SCHEMA)!;
  let at: Record<string, unknown> = doc;
  while (at.schema !== PROJECT_SCHEMA) {
    const schema = at.schema as string;
    const version = versionOf(schema)!;
    if (version > current) {
      throw new UserInputError('newer_project_version',
        `This project was saved by a newer version of Blindspot (${schema}); this app reads up to ${PROJECT_SCHEMA}. Please update the app.`,
        { schema, supported: PROJECT_SCHEMA });
    }
    const migrate = Object.hasOwn(migrations, schema) ? migrations[schema] : undefined;
    if (migrate === undefined) bad('schema', `${schema} is a version this app cannot read`);
    let next: unknown;
    try {
      next = migrate(at);
    } catch (e) {
      if (e instanceof UserInputError) throw e;
      bad('schema', `could not be upgraded from ${schema}`);
    }
    invariant(isObject(next) && typeof next.schema === 'string' && (versionOf(next.schema) ?? -1) > version,
      `the migration from ${schema} must return a document of a newer schema`);
    at = next;
  }
  return readProject(at);
}

// ---- Reading, field by field -------------------------------------------------------------------

type Obj = Record<string, unknown>;
type Reader<T> = (v: unknown, path: string) => T;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function versionOf(schema: string): number | null {
  const m = FAMILY.exec(schema);
  return m ? Number(m[1]) : null;
}

function bad(path: string, what: string): never {
  throw new UserInputError('invalid_project', `This project file cannot be opened: ${path} ${what}.`, { path });
}

function need(v: unknown, path: string, ok: boolean, what: string): void {
  if (v === undefined) bad(path, 'is missing');
  if (!ok) bad(path, what);
}

const obj: Reader<Obj> = (v, path) => { need(v, path, isObject(v), 'is not an object'); return v as Obj; };
const arr: Reader<unknown[]> = (v, path) => { need(v, path, Array.isArray(v), 'is not a list'); return v as unknown[]; };
const str: Reader<string> = (v, path) => { need(v, path, typeof v === 'string', 'is not text'); return v as string; };
const bool: Reader<boolean> = (v, path) => { need(v, path, typeof v === 'boolean', 'is not true or false'); return v as boolean; };

function num(v: unknown, path: string, min = -Infinity, max = Infinity, integer = false): number {
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
  const range = min === -Infinity && max === Infinity ? '' : max === Infinity ? ` ≥ ${min}` : ` from ${min} to ${max}`;
  need(v, path, ok, `is not a${integer ? ' whole' : ''} number${range}`);
  return v as number;
}

const wholeCount: Reader<number> = (v, path) => num(v, path, 0, Infinity, true);
const nonNegative: Reader<number> = (v, path) => num(v, path, 0);
const finite: Reader<number> = (v, path) => num(v, path);
const lon: Reader<number> = (v, path) => num(v, path, -180, 180);
const lat: Reader<number> = (v, path) => num(v, path, -90, 90);

function oneOf<T extends string>(allowed: readonly T[]): Reader<T> {
  return (v, path) => {
    need(v, path, typeof v === 'string' && (allowed as readonly string[]).includes(v), `is not one of ${allowed.join(', ')}`);
    return v as T;
  };
}

const listOf = <T>(read: Reader<T>): Reader<T[]> => (v, path) => arr(v, path).map((x, i) => read(x, `${path}[${i}]`));

/** A record with any keys (kept as own data properties, `__proto__` included). */
const recordOf = <T>(read: Reader<T>): Reader<Record<string, T>> => (v, path) =>
  Object.fromEntries(Object.entries(obj(v, path)).map(([k, x]) => [k, read(x, `${path}[${JSON.stringify(k)}]`)]));

/** `{ key: value }` when the field is present (not undefined or null), else `{}`. */
function opt<K extends string, T>(o: Obj, key: K, path: string, read: Reader<T>): Partial<Record<K, T>> {
  const v = o[key];
  return v === undefined || v === null ? {} : ({ [key]: read(v, `${path}.${key}`) } as Partial<Record<K, T>>);
}

// Runtime lists of the model's string unions; a Record over the union makes tsc report a new member.
const keysOf = <K extends string>(r: Record<K, true>): K[] => Object.keys(r) as K[];
const ISSUE_CODES = keysOf<IssueCode>({
  missing_coordinate: true, not_a_number: true, out_of_range: true, swapped_lat_lon: true, outside_area: true,
  duplicate_id_conflict: true, unknown_signal_value: true, invalid_date: true, not_a_point: true, empty_row: true, other_country: true,
});
const HOUSEHOLD_FIELDS = keysOf<HouseholdField>({
  id: true, lon: true, lat: true, students: true, county: true, township: true, village: true, signal: true, rsrp_dbm: true,
  down_mbps: true, reported_at: true, operator: true, personal: true,
});
const TEXT_ENCODINGS = keysOf<TextEncoding>({ 'utf-8': true, gb18030: true });
const INPUT_CRS = keysOf<InputCrs>({ wgs84: true, gcj02: true, bd09: true });
const MERGE_RULES = keysOf<MergeRule>({ worst: true, latest: true });
const KNOWN_CLASSES = ATTENDANCE_CLASSES.filter((c): c is KnownClass => c !== 'unknown');
const THRESHOLD_KEYS = Object.keys(DEFAULT_THRESHOLDS) as (keyof ClassThresholds)[];

const attendanceClass = oneOf(ATTENDANCE_CLASSES);
const sourceKind = oneOf(['demo', 'file'] as const);

const lonLat: Reader<[number, number]> = (v, path) => {
  const a = arr(v, path);
  if (a.length !== 2) bad(path, 'is not a [lon, lat] pair');
  return [lon(a[0], `${path}[0]`), lat(a[1], `${path}[1]`)];
};

const report: Reader<Report> = (v, path) => {
  const o = obj(v, path);
  return {
    line: wholeCount(o.line, `${path}.line`),
    ...opt(o, 'signal', path, oneOf(KNOWN_CLASSES)),
    ...opt(o, 'rsrpDbm', path, finite),
    ...opt(o, 'downMbps', path, nonNegative),
    ...opt(o, 'reportedAt', path, str),
    ...opt(o, 'operator', path, str),
    cls: attendanceClass(o.cls, `${path}.cls`),
  };
};

const household: Reader<Household> = (v, path) => {
  const o = obj(v, path);
  return {
    id: str(o.id, `${path}.id`),
    lon: lon(o.lon, `${path}.lon`),
    lat: lat(o.lat, `${path}.lat`),
    students: wholeCount(o.students, `${path}.students`),
    ...opt(o, 'county', path, str),
    ...opt(o, 'township', path, str),
    ...opt(o, 'village', path, str),
    reports: listOf(report)(o.reports, `${path}.reports`),
    cls: attendanceClass(o.cls, `${path}.cls`),
    personal: recordOf(str)(o.personal, `${path}.personal`),
    line: wholeCount(o.line, `${path}.line`),
  };
};

const issue: Reader<ImportIssue> = (v, path) => {
  const o = obj(v, path);
  return {
    line: wholeCount(o.line, `${path}.line`),
    field: str(o.field, `${path}.field`),
    code: oneOf(ISSUE_CODES)(o.code, `${path}.code`),
    message: str(o.message, `${path}.message`),
    severity: oneOf(['error', 'warning'] as const)(o.severity, `${path}.severity`),
    ...opt(o, 'value', path, str),
  };
};

const mapping: Reader<(HouseholdField | null)[]> = listOf((v, path) => (v === null ? null : oneOf(HOUSEHOLD_FIELDS)(v, path)));

const classifySettings: Reader<ClassifySettings> = (v, path) => {
  const o = obj(v, path);
  const t = obj(o.thresholds, `${path}.thresholds`);
  const thresholds = Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, finite(t[k], `${path}.thresholds.${k}`)])) as unknown as ClassThresholds;
  return { thresholds, merge: oneOf(MERGE_RULES)(o.merge, `${path}.merge`), uncovered: listOf(attendanceClass)(o.uncovered, `${path}.uncovered`) };
};

const importOptions: Reader<ImportOptions> = (v, path) => {
  const o = obj(v, path);
  return {
    ...opt(o, 'encoding', path, oneOf(TEXT_ENCODINGS)),
    ...opt(o, 'sheet', path, str),
    ...opt(o, 'mapping', path, mapping),
    ...opt(o, 'rememberedMappings', path, recordOf(mapping)),
    ...opt(o, 'crs', path, oneOf(INPUT_CRS)),
    ...opt(o, 'fixSwappedLines', path, (x, p): number[] | 'all' => (x === 'all' ? 'all' : listOf(wholeCount)(x, p))),
    ...opt(o, 'settings', path, classifySettings),
  };
};

/** The fields a `Site` and a `ProposedSite` share (all but `status`). */
function siteFields(o: Obj, path: string): Omit<Site, 'status'> {
  return {
    id: str(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    lon: lon(o.lon, `${path}.lon`),
    lat: lat(o.lat, `${path}.lat`),
    antennaHeightM: nonNegative(o.antennaHeightM, `${path}.antennaHeightM`),
    bandMHz: nonNegative(o.bandMHz, `${path}.bandMHz`),
    eirpDbm: finite(o.eirpDbm, `${path}.eirpDbm`),
    radiusM: nonNegative(o.radiusM, `${path}.radiusM`),
    ...opt(o, 'operator', path, str),
    ...opt(o, 'synthetic', path, bool),
    ...opt(o, 'radio', path, str),
  };
}

const site: Reader<Site> = (v, path) => {
  const o = obj(v, path);
  return { ...siteFields(o, path), status: oneOf(['existing', ...PROPOSAL_STATUSES] as const)(o.status, `${path}.status`) };
};

const proposal: Reader<ProposedSite> = (v, path) => {
  const o = obj(v, path);
  return {
    ...siteFields(o, path),
    status: oneOf(PROPOSAL_STATUSES)(o.status, `${path}.status`),
    origin: oneOf(['manual', 'suggested'] as const)(o.origin, `${path}.origin`),
    costCny: nonNegative(o.costCny, `${path}.costCny`),
    notes: str(o.notes, `${path}.notes`),
  };
};

const households: Reader<ProjectHouseholds> = (v, path) => {
  const o = obj(v, path);
  const s = obj(o.source, `${path}.source`);
  const sp = `${path}.source`;
  return {
    source: {
      kind: sourceKind(s.kind, `${sp}.kind`),
      name: str(s.name, `${sp}.name`),
      encoding: str(s.encoding, `${sp}.encoding`),
      format: oneOf(['csv', 'geojson', 'xlsx'] as const)(s.format, `${sp}.format`),
      ...opt(s, 'sheet', sp, str),
      options: importOptions(s.options, `${sp}.options`),
    },
    rows: wholeCount(o.rows, `${path}.rows`),
    households: listOf(household)(o.households, `${path}.households`),
    issues: listOf(issue)(o.issues, `${path}.issues`),
  };
};

const sites: Reader<ProjectSites> = (v, path) => {
  const o = obj(v, path);
  const s = obj(o.source, `${path}.source`);
  const sp = `${path}.source`;
  return {
    source: {
      kind: sourceKind(s.kind, `${sp}.kind`), name: str(s.name, `${sp}.name`),
      rows: wholeCount(s.rows, `${sp}.rows`), issues: listOf(issue)(s.issues, `${sp}.issues`),
    },
    sites: listOf(site)(o.sites, `${path}.sites`),
  };
};

const analysisSettings: Reader<AnalysisSettings> = (v, path) => {
  const o = obj(v, path);
  const settings: AnalysisSettings = {
    epsM: finite(o.epsM, `${path}.epsM`),
    minHouseholds: num(o.minHouseholds, `${path}.minHouseholds`, -Infinity, Infinity, true),
    uncovered: listOf(attendanceClass)(o.uncovered, `${path}.uncovered`),
  };
  try {
    checkAnalysisSettings(settings);
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    bad(`${path}.${String(e.params.setting)}`, `is not usable (${e.message})`);
  }
  return settings;
};

const savedAt: Reader<string> = (v, path) => {
  const s = str(v, path);
  if (!/^\d{4}-\d\d-\d\dT/.test(s) || Number.isNaN(Date.parse(s))) bad(path, 'is not an ISO date-time');
  return s;
};

function readProject(doc: Obj): BlindspotProject {
  const project: BlindspotProject = {
    schema: PROJECT_SCHEMA,
    savedAt: savedAt(doc.savedAt, 'savedAt'),
    households: doc.households === null ? null : households(doc.households, 'households'),
    sites: doc.sites === null ? null : sites(doc.sites, 'sites'),
    analysisSettings: analysisSettings(doc.analysisSettings, 'analysisSettings'),
    proposals: listOf(proposal)(doc.proposals, 'proposals'),
    pinned: listOf(lonLat)(doc.pinned, 'pinned'),
  };
  const ids = new Set<string>();
  project.proposals.forEach((p, i) => {
    if (p.id === '') bad(`proposals[${i}].id`, 'is empty');
    if (ids.has(p.id)) bad(`proposals[${i}].id`, 'repeats the id of an earlier proposal');
    ids.add(p.id);
  });
  return project;
}
