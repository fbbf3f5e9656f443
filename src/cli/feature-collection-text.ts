/** A FeatureCollection as JSON: its header (every member but the features) on the first line, then one feature per line. */
export function featureCollectionText(collection: { features: readonly unknown[] }): string {
  const { features, ...head } = collection;
  const header = JSON.stringify({ ...head, features: [] }).replace(/\[\]\}$/, '');
  return features.length === 0
    ? `${header}[]}\n`
    : `${header}[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
