/**
 * The name people write for a village or community, from its official committee name:
 * 龙池村民委员会 → 龙池村, 正街社区居民委员会 → 正街社区, 新城居民委员会 → 新城社区.
 * Teachers fill in the short form, so the demo's reports carry it; codes stay the key.
 */
export function commonVillageName(officialName: string): string {
  if (officialName.endsWith('村民委员会')) return officialName.slice(0, -'民委员会'.length);
  if (officialName.endsWith('社区居民委员会')) return officialName.slice(0, -'居民委员会'.length);
  if (officialName.endsWith('居民委员会')) return `${officialName.slice(0, -'居民委员会'.length)}社区`;
  if (officialName.endsWith('村委会')) return officialName.slice(0, -'委会'.length);
  return officialName;
}
