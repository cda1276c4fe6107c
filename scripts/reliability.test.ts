import '../test-support/utc';
import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { NOT_YET_DRIVEN, runFaultMatrix } from '../test-support/fault-matrix';
import { renderReliability } from '../test-support/reliability-doc';

// The file faults run the shell's real file stores, which import `electron`: the shared fake.
vi.mock('electron', () => import('../main/electron/testing/fake-electron'));

test('docs/RELIABILITY.md is what the fault matrix observes now (else: npm run reliability)', async () => {
  const checkedIn = readFileSync(new URL('../docs/RELIABILITY.md', import.meta.url), 'utf8');
  const observed = renderReliability(await runFaultMatrix(), NOT_YET_DRIVEN);
  expect(checkedIn).toBe(observed);
}, 120_000);
