import { expect, it } from 'vitest';
import { PROJECT_ROOT, run } from '../support/temp-project';

// The benchmark is too slow for CI; this loads its modules with Node's own TypeScript, as `npm run bench` does
// (an import without its `.ts` extension stops it there), and stops at its first check of the arguments.
it('npm run bench loads, and refuses sizes that are not numbers', async () => {
  const { code, output } = await run(process.execPath, ['bench/bench.ts', '--sizes', 'dix'], PROJECT_ROOT);
  expect(output).toContain('--sizes: positive integers separated by commas');
  expect(code).toBe(1);
});
