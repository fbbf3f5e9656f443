import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS_SETTINGS, DEFAULT_CLASSIFY_SETTINGS, PROJECT_MIGRATIONS, PROJECT_SCHEMA, parseProjectFile, projectJsonParts, projectToJson, UserInputError,
  type BlindspotProject, type Household, type ProjectMigration, type ProposedSite,
} from '../../../../src/core/index.ts';
import { at, proposal } from '../coverage/fixtures.ts';

const HOUSEHOLDS: Household[] = [
  {
    id: 'H-001', lon: at(10, 20)[0], lat: at(10, 20)[1], students: 2, county: '酉阳县', township: '六塘乡', village: '龙池村', cls: 'none', line: 2,
    personal: { 姓名: '张三', 电话: '13800000000' },
    reports: [
      { line: 2, signal: 'none', rsrpDbm: -121.5, downMbps: 0.1, reportedAt: '2026-03-01', operator: '中国移动', cls: 'none' },
      { line: 5, rsrpDbm: -100, reportedAt: '2026-03-02T08:30:00+08:00', cls: 'poor' },
    ],
  },
  { id: 'H-002', lon: at(400, 0)[0], lat: at(400, 0)[1], students: 0, cls: 'unknown', line: 3, personal: {}, reports: [{ line: 3, cls: 'unknown' }] },
];

const PROJECT: BlindspotProject = Object.freeze({
  schema: 'blindspot.project/1',
  savedAt: '2026-03-13T08:00:00Z',
  households: {
    source: {
      kind: 'file', name: '六塘乡.xlsx', encoding: 'utf-8', format: 'xlsx', sheet: 'Sheet 2',
      options: {
        sheet: 'Sheet 2', crs: 'gcj02', fixSwappedLines: [7, 9], encoding: 'gb18030',
        mapping: ['id', 'lon', 'lat', null, 'personal', 'signal'],
        rememberedMappings: { 'id|lon|lat': ['id', 'lon', 'lat'] },
        settings: { ...DEFAULT_CLASSIFY_SETTINGS, thresholds: { ...DEFAULT_CLASSIFY_SETTINGS.thresholds, rsrpNoneBelowDbm: -118 }, merge: 'latest' },
      },
    },
    rows: 4,
    households: HOUSEHOLDS,
    issues: [
      { line: 4, field: 'lon', code: 'missing_coordinate', severity: 'error', message: 'line 4: lon is empty' },
      { line: 6, field: 'rsrp_dbm', code: 'out_of_range', severity: 'warning', message: 'line 6: rsrp_dbm "-20"', value: '-20' },
    ],
  },
  sites: {
    source: { kind: 'demo', name: 'demo sites', rows: 2, issues: [] },
    sites: [
      { id: 'S1', name: '移动 龙池', lon: 108.25, lat: 30.02, status: 'existing', antennaHeightM: 35, bandMHz: 900, eirpDbm: 60, radiusM: 5000, operator: '中国移动', synthetic: true },
      { id: 'S2', name: 'cell 2', lon: 108.3, lat: 30.05, status: 'existing', antennaHeightM: 0, bandMHz: 1800, eirpDbm: 43, radiusM: 1500, radio: 'LTE' },
    ],
  },
  analysisSettings: { epsM: 750, minHouseholds: 4, uncovered: ['none', 'poor', 'unknown'] },
  proposals: [
    proposal('p-1', at(0, 0), 3000, { name: '龙池村 1', notes: '山顶\n"quoted"' }),
    proposal('suggested-1', at(5000, 0), 2500, { origin: 'suggested', costCny: 180_000, operator: '中国电信' }),
  ],
  pinned: [[108.21, 30.01], at(-300, 900)],
} satisfies BlindspotProject);

const EMPTY: BlindspotProject = {
  schema: 'blindspot.project/1', savedAt: '2026-03-13T08:00:00Z', households: null, sites: null,
  analysisSettings: { ...DEFAULT_ANALYSIS_SETTINGS }, proposals: [], pinned: [],
};

/** The project as a plain JSON value, for hand edits. */
const asDoc = (p: BlindspotProject = PROJECT): Record<string, unknown> => JSON.parse(projectToJson(p)) as Record<string, unknown>;
/** A copy of the project's JSON with one edit applied. */
function edited(edit: (doc: any) => void, p: BlindspotProject = PROJECT): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const doc = asDoc(p);
  edit(doc);
  return JSON.stringify(doc);
}
function failure(text: string, migrations?: Readonly<Record<string, ProjectMigration>>): UserInputError {
  try {
    parseProjectFile(text, migrations);
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return e as UserInputError;
  }
  throw new Error('parseProjectFile accepted the text');
}

describe('projectToJson / parseProjectFile', () => {
  it('round-trips a whole project: households with reports and personal fields, sites, settings, proposals, pins', () => {
    const text = projectToJson(PROJECT);
    expect(text.startsWith('{"schema":"blindspot.project/1","savedAt":"2026-03-13T08:00:00Z",')).toBe(true);
    expect(text).toContain('张三');
    expect(parseProjectFile(text)).toEqual(PROJECT);
    const resaved = projectToJson(parseProjectFile(text));
    expect(projectToJson(parseProjectFile(resaved))).toBe(resaved);
    expect(parseProjectFile(projectToJson(EMPTY))).toEqual(EMPTY);
  });
  it('in parts, with the households as JSON text pieces, the same text (also when the data holds the marker)', () => {
    const homes = PROJECT.households!.households;
    const pieces = (list: readonly Household[]) => list.map((h) => JSON.stringify(h));
    const without = { ...PROJECT, households: { ...PROJECT.households!, households: [] } };
    expect(projectJsonParts(without, pieces(homes)).join('')).toBe(projectToJson(PROJECT));
    expect(projectJsonParts(without, ['', ...pieces(homes), '']).join('')).toBe(projectToJson(PROJECT));
    expect(projectJsonParts(without, [JSON.stringify(homes).slice(1, -1)]).join('')).toBe(projectToJson(PROJECT));
    expect(projectJsonParts(without, []).join('')).toBe(projectToJson(without));
    expect(projectJsonParts(EMPTY, []).join('')).toBe(projectToJson(EMPTY));
    // The marker the parts are cut at, as data: a source name and a personal field.
    const tricky: BlindspotProject = {
      ...PROJECT,
      households: {
        ...PROJECT.households!, source: { ...PROJECT.households!.source, name: 'households #0' },
        households: homes.map((h) => ({ ...h, personal: { 备注: 'households #1' } })),
      },
    };
    const parts = projectJsonParts({ ...tricky, households: { ...tricky.households!, households: [] } }, pieces(tricky.households!.households));
    expect(parts.join('')).toBe(projectToJson(tricky));
    expect(parseProjectFile(parts.join(''))).toEqual(tricky);
  });

  it('writes only the documented fields and drops unknown ones on open', () => {
    const extra = { ...PROJECT, analysis: { clusters: [1, 2, 3] } } as BlindspotProject;
    expect(projectToJson(extra)).toBe(projectToJson(PROJECT));
    const opened = parseProjectFile(edited((d) => { d.comment = 'hi'; d.proposals[0].colour = 'red'; }));
    expect(opened).toEqual(PROJECT);
    expect(Object.keys(opened.proposals[0]!)).not.toContain('colour');
  });
  it('accepts a BOM and null for optional fields', () => {
    const opened = parseProjectFile('\uFEFF' + edited((d) => { d.households.households[0].village = null; d.sites.sites[0].operator = null; }));
    expect(opened.households!.households[0]).not.toHaveProperty('village');
    expect(opened.sites!.sites[0]).not.toHaveProperty('operator');
  });
  it('keeps a __proto__ key of personal fields as plain data', () => {
    const withProto: Household = { ...HOUSEHOLDS[1]!, personal: JSON.parse('{"__proto__":"x","备注":"y"}') as Record<string, string> };
    const p: BlindspotProject = { ...PROJECT, households: { ...PROJECT.households!, households: [withProto] } };
    const personal = parseProjectFile(projectToJson(p)).households!.households[0]!.personal;
    expect(Object.getPrototypeOf(personal)).toBe(Object.prototype);
    expect(Object.entries(personal)).toEqual([['__proto__', 'x'], ['备注', 'y']]);
  });
  it('refuses to save a non-finite number (it would not reopen)', () => {
    expect(() => projectToJson({ ...EMPTY, pinned: [[Number.NaN, 30]] })).toThrow(/Invariant failed/);
  });
  it('round-trips any proposals and pinned points with finite coordinates and any text (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const siteArb = fc.record({
      id: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), name: text, notes: text,
      lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0),
      lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0),
      origin: fc.constantFrom('manual' as const, 'suggested' as const),
      antennaHeightM: fc.double({ min: 0, max: 500, noNaN: true }).map((x) => x + 0), bandMHz: fc.integer({ min: 0, max: 100_000 }),
      eirpDbm: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0), radiusM: fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => x + 0),
      costCny: fc.integer({ min: 0, max: 1e12 }),
    }, { requiredKeys: ['id', 'name', 'notes', 'lon', 'lat', 'origin', 'antennaHeightM', 'bandMHz', 'eirpDbm', 'radiusM', 'costCny'] });
    const pin = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
      .map(([x, y]): [number, number] => [x + 0, y + 0]);
    fc.assert(fc.property(fc.uniqueArray(siteArb, { selector: (s) => s.id, maxLength: 6 }), fc.array(pin, { maxLength: 4 }), (raw, pinned) => {
      const proposals: ProposedSite[] = raw.map((s) => ({ ...s, status: 'proposed' }));
      const p: BlindspotProject = { ...EMPTY, proposals, pinned };
      expect(parseProjectFile(projectToJson(p))).toEqual(p);
    }), { numRuns: 200 });
  });
});

describe('parseProjectFile errors', () => {
  it('not_json: text that is not JSON, e.g. a file cut short', () => {
    const text = projectToJson(PROJECT);
    expect(failure(text.slice(0, text.length / 2)).code).toBe('not_json');
    expect(failure('').code).toBe('not_json');
  });
  it.each([
    ['an array', '[]'],
    ['no schema', JSON.stringify({ savedAt: 'x' })],
    ['a site-proposals file', JSON.stringify({ type: 'FeatureCollection', blindspot: { schema: 'blindspot.sites/1' }, features: [] })],
    ['another schema family', JSON.stringify({ schema: 'blindspot.sites/1' })],
    ['a schema that is not text', JSON.stringify({ schema: 1 })],
  ])('not_a_project: %s', (_, text) => {
    expect(failure(text).code).toBe('not_a_project');
  });
  it('newer_project_version: tells the user to update the app', () => {
    const e = failure(edited((d) => { d.schema = 'blindspot.project/2'; }));
    expect(e.code).toBe('newer_project_version');
    expect(e.params).toEqual({ schema: 'blindspot.project/2', supported: PROJECT_SCHEMA });
    expect(e.message).toMatch(/update/);
  });
  it.each<[string, (d: any) => void, string]>([ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a missing field', (d) => { delete d.pinned; }, 'pinned'],
    ['a bad savedAt', (d) => { d.savedAt = 'yesterday'; }, 'savedAt'],
    ['households missing (not null)', (d) => { delete d.households; }, 'households'],
    ['an unknown source format', (d) => { d.households.source.format = 'docx'; }, 'households.source.format'],
    ['an unknown encoding option', (d) => { d.households.source.options.encoding = 'latin1'; }, 'households.source.options.encoding'],
    ['an unknown mapped field', (d) => { d.households.source.options.mapping[3] = 'age'; }, 'households.source.options.mapping[3]'],
    ['an unknown remembered field', (d) => { d.households.source.options.rememberedMappings['id|lon|lat'][0] = 'x'; }, 'households.source.options.rememberedMappings["id|lon|lat"][0]'],
    ['a text threshold', (d) => { d.households.source.options.settings.thresholds.rsrpPoorBelowDbm = '-105'; }, 'households.source.options.settings.thresholds.rsrpPoorBelowDbm'],
    ['a fractional row count', (d) => { d.households.rows = 2.5; }, 'households.rows'],
    ['a numeric household id', (d) => { d.households.households[1].id = 2; }, 'households.households[1].id'],
    ['a latitude out of range', (d) => { d.households.households[0].lat = 91; }, 'households.households[0].lat'],
    ['an infinite longitude (1e999)', (d) => { d.households.households[0].lon = '@INF@'; }, 'households.households[0].lon'],
    ['negative students', (d) => { d.households.households[0].students = -1; }, 'households.households[0].students'],
    ['an unknown class', (d) => { d.households.households[0].cls = 'terrible'; }, 'households.households[0].cls'],
    ['an unknown report signal', (d) => { d.households.households[0].reports[1].signal = 'unknown'; }, 'households.households[0].reports[1].signal'],
    ['a non-text personal field', (d) => { d.households.households[0].personal['电话'] = 13800000000; }, 'households.households[0].personal["电话"]'],
    ['an unknown issue code', (d) => { d.households.issues[1].code = 'bad_vibes'; }, 'households.issues[1].code'],
    ['a site status', (d) => { d.sites.sites[1].status = 'planned'; }, 'sites.sites[1].status'],
    ['a site synthetic flag as text', (d) => { d.sites.sites[0].synthetic = 'yes'; }, 'sites.sites[0].synthetic'],
    ['a zero cluster radius', (d) => { d.analysisSettings.epsM = 0; }, 'analysisSettings.epsM'],
    ['no uncovered class', (d) => { d.analysisSettings.uncovered = []; }, 'analysisSettings.uncovered'],
    ['a proposal longitude out of range', (d) => { d.proposals[1].lon = 181; }, 'proposals[1].lon'],
    ['an existing-site proposal', (d) => { d.proposals[0].status = 'existing'; }, 'proposals[0].status'],
    ['a negative cost', (d) => { d.proposals[0].costCny = -1; }, 'proposals[0].costCny'],
    ['a repeated proposal id', (d) => { d.proposals[1].id = d.proposals[0].id; }, 'proposals[1].id'],
    ['an empty proposal id', (d) => { d.proposals[1].id = ''; }, 'proposals[1].id'],
    ['a pinned point of three numbers', (d) => { d.pinned[1] = [108, 30, 5]; }, 'pinned[1]'],
    ['a pinned latitude out of range', (d) => { d.pinned[0][1] = -90.5; }, 'pinned[0][1]'],
  ])('invalid_project: %s', (_, edit, path) => {
    const text = edited(edit).replace('"@INF@"', '1e999');
    const e = failure(text);
    expect(e.code).toBe('invalid_project');
    expect(e.params.path).toBe(path);
    expect(e.message).toContain(path);
    expect(e.message).not.toContain('张三');
    expect(e.message).not.toContain('13800000000');
  });
});

describe('project migrations', () => {
  /** A made-up version 0 that called the pinned points `pins` and had no savedAt. */
  const V0 = { ...asDoc(), schema: 'blindspot.project/0', pins: PROJECT.pinned, pinned: undefined, savedAt: undefined };
  const fromV0: ProjectMigration = ({ pins, ...doc }) => ({ ...doc, schema: 'blindspot.project/1', pinned: pins, savedAt: '2026-03-13T08:00:00Z' });

  it('has no migrations yet (version 1 is the first)', () => {
    expect(PROJECT_MIGRATIONS).toEqual({});
  });
  it('upgrades an older file through the table on open, without changing the input', () => {
    const text = JSON.stringify(V0);
    expect(parseProjectFile(text, { 'blindspot.project/0': fromV0 })).toEqual(PROJECT);
    expect(JSON.parse(text)).toHaveProperty('pins');
  });
  it('checks what a migration returns like any file', () => {
    const lossy: ProjectMigration = (doc) => ({ ...doc, schema: 'blindspot.project/1' });
    expect(failure(JSON.stringify(V0), { 'blindspot.project/0': lossy }).params.path).toBe('savedAt');
  });
  it('invalid_project at schema: an older version with no migration, or a migration that fails', () => {
    const none = failure(JSON.stringify(V0));
    expect([none.code, none.params.path]).toEqual(['invalid_project', 'schema']);
    const throws: ProjectMigration = () => { throw new TypeError('boom'); };
    const e = failure(JSON.stringify(V0), { 'blindspot.project/0': throws });
    expect([e.code, e.params.path]).toEqual(['invalid_project', 'schema']);
  });
  it('treats a migration that does not move forward as a bug', () => {
    const stuck: ProjectMigration = (doc) => ({ ...doc });
    expect(() => parseProjectFile(JSON.stringify(V0), { 'blindspot.project/0': stuck })).toThrow(/Invariant failed/);
  });
});
