/**
 * Whether a parsed JSON value is nested more than `maxDepth` levels deep (a scalar is 0 levels,
 * `[]` and `{}` are 1, `[[1]]` is 2). Walks with an explicit stack, never by recursion, so a
 * value nested 1,000,000 deep (JSON.parse builds it without trouble) is measured without
 * overflowing the call stack — unlike JSON.stringify, which throws a RangeError at ~10,000 levels.
 * Stops at the first branch that goes too deep. Cost: O(nodes of the value), O(depth) memory.
 */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return maxDepth < 0;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child as object, depth + 1]);
    }
  }
  return false;
}
