/**
 * The one public surface of the pure core: worker/, cli/, state/ and tests import from here.
 */
export * from './model/types.ts';
export * from './model/thresholds.ts';
export * from './model/errors.ts';
export { decodeText } from './io/decode-text.ts';
export { parseHouseholds } from './io/parse-households.ts';
export { parseSites } from './io/parse-sites.ts';
export { issuesToCsv } from './io/issues-to-csv.ts';
export { classifyReport } from './analysis/classify-report.ts';
export { mergeClasses } from './analysis/merge-classes.ts';
export { reclassifyHouseholds } from './analysis/reclassify-households.ts';
export { summarizeClasses, type ClassSummary } from './analysis/summarize-classes.ts';
