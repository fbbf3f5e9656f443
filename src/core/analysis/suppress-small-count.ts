/**
 * Small-count suppression of privacy mode (issue 6 §4, FORMATS.md §6): a count from 1 to 4 is
 * shown as `<5`, so an aggregate never singles out one to four homes or children; 0 and counts
 * of 5 or more are shown as they are. Rules: any count strictly between 0 and
 * `PRIVACY_MIN_COUNT` is suppressed (a fraction too); negative numbers and NaN are not counts and
 * pass unchanged. Suppressing single cells does not stop differencing (a total minus the other
 * rows); the committee view shows aggregates only, which is what the issue asks. Cost: O(1).
 */

/** The smallest count shown as a number in privacy mode; also the least households a hexagon needs to be drawn. */
export const PRIVACY_MIN_COUNT = 5;

export function suppressSmallCount(n: number): number | '<5' {
  return n > 0 && n < PRIVACY_MIN_COUNT ? '<5' : n;
}
