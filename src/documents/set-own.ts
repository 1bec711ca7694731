/**
 * Stores `value` under a key taken from a document. Plain assignment treats `__proto__` as the
 * prototype and drops the value; a defined property keeps it as data.
 */
export function setOwn(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
