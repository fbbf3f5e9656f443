/**
 * Sets `record[key] = value` as an own data property whatever the key: `__proto__` is a personal
 * field's header like any other (an assignment would set the prototype instead and lose the value).
 */
export function setOwn(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
