/** Interns texts into a table: one index per distinct text (−1 for none). Cost: one map look-up per text. */
export function textTable(): { texts: string[]; code: (text: string | undefined) => number } {
  const texts: string[] = [];
  const index = new Map<string, number>();
  return {
    texts,
    code(text) {
      if (text === undefined) return -1;
      let k = index.get(text);
      if (k === undefined) { k = texts.length; texts.push(text); index.set(text, k); }
      return k;
    },
  };
}
