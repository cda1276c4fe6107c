import '../test-support/utc';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NOT_YET_DRIVEN, runFaultMatrix } from '../test-support/fault-matrix';
import { renderReliability } from '../test-support/reliability-doc';

/** `npm run reliability`: drives the fault matrix and writes docs/RELIABILITY.md from it. */
const target = fileURLToPath(new URL('../docs/RELIABILITY.md', import.meta.url));
const rows = await runFaultMatrix();
writeFileSync(target, renderReliability(rows, NOT_YET_DRIVEN));
process.stdout.write(
  `docs/RELIABILITY.md: ${rows.length} faults driven, ${NOT_YET_DRIVEN.length} not yet\n`,
);
