import { expect } from 'vitest';

/** Asserts that a line of the report names `file` (from the project root) and `field`, and says `says`. */
export function expectReportLine(output: string, file: string, field: string, says: string | RegExp): void {
  const about = `${file} — champ « ${field} »`;
  const line = output
    .split('\n')
    .find((text) => text.includes(about) && (typeof says === 'string' ? text.includes(says) : says.test(text)));
  expect(line, `no line about ${about} saying « ${String(says)} » in:\n${output}`).toBeDefined();
}
