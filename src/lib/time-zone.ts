/** True for zone names the runtime's ICU knows (IANA names such as `America/New_York`, and `UTC`). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
