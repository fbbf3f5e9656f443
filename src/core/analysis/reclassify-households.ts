/**
 * Recomputes every report's class and every household's merged class under new settings
 * (thresholds or merge rule edited in the app or on the CLI). The inputs are never mutated.
 *
 * Structural sharing: a report whose class does not change is returned as the very input object;
 * a household whose reports and merged class do not change is returned as the very input object.
 * A report whose class changes is a new object (`{...report, cls}`); a household with a changed
 * report or merged class is a new object (`{...household, reports, cls}`) whose `reports` array is
 * new only when one of its reports changed, and whose `personal` object is the input's. The
 * returned array is always new. So `out[i] === households[i]` says that neither the household nor any
 * of its reports changed class.
 * This relies on households and reports being immutable once imported: nothing in src/ assigns to
 * a household's or a report's fields, nor pushes to `reports` or writes `personal`, after
 * the parsers (`parseHouseholdTable`, `mergeHouseholds`, `householdsOfTable`, `parseProjectFile`)
 * return them — checked with grep in src/ for assignments to `.cls`, `.reports`, `.personal[…]`,
 * `.students`, `.lon` …, `.reports.push` and `Object.assign`: all of them fill fresh objects inside
 * those parsers. Code that needs a changed household makes a new one.
 *
 * Cost: O(reports): `classifyReport` per report, `mergeClasses` per household of several reports,
 * and allocation only for what changes (a new report, `reports` array and household per changed
 * home, against four new objects for every home before). Measured with `npm run bench --
 * --only=classify` (Node 20, 2 shared cores at load 5–10; 959,825 households parsed with the
 * default thresholds, reclassified with the RSRP edges 5 dB higher and the downlink edges doubled:
 * 22 % of the households change class): median of 10 runs 0.8 s (0.5–1.5 s), against 3.5 s
 * (1.8–6.1 s) for the previous version in the same runs (~4×; `reference-reclassify-households.ts`);
 * 0.46 s against 1.7 s at a quieter moment. Under the parse's own settings (nothing changes, mostly
 * `classifyReport` on a million reports of 7 shapes): 0.3 s (0.16 s quiet). 95,978 households:
 * ~0.1 s against ~0.3 s. Most of the rest is the garbage collector's, and grows with the share changed.
 */
import type { Household, Report } from '../model/types.ts';
import type { ClassifySettings } from '../model/thresholds.ts';
import { classifyReport } from './classify-report.ts';
import { mergeClasses } from './merge-classes.ts';

export function reclassifyHouseholds(households: readonly Household[], settings: ClassifySettings): Household[] {
  const { thresholds, merge } = settings;
  const out: Household[] = new Array<Household>(households.length);
  for (let i = 0; i < households.length; i++) {
    const h = households[i]!;
    const reports = h.reports;
    // A copy of `reports` (one allocation, of the right length), made at the first report whose
    // class changes; undefined while none has.
    let changed: Report[] | undefined;
    for (let k = 0; k < reports.length; k++) {
      const r = reports[k]!;
      const cls = classifyReport(r, thresholds);
      if (cls !== r.cls) {
        changed ??= reports.slice();
        changed[k] = { ...r, cls };
      }
    }
    const next = changed ?? reports;
    // One report: its class under either rule (what `mergeClasses` gives), without a list.
    const cls = next.length === 1 ? next[0]!.cls : mergeClasses(next, merge);
    out[i] = changed === undefined && cls === h.cls ? h : { ...h, reports: next, cls };
  }
  return out;
}
