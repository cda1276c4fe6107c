import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { findForbiddenImports, specifiersOf } from './import-graph';

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

test('the repository follows the layer rules', () => {
  // The same command `npm run lint` runs.
  const output = execFileSync('npx', ['tsx', 'scripts/import-graph.ts'], { encoding: 'utf8' });
  expect(output).toContain('Imports follow the layer rules.');
});

test('each forbidden edge the architecture names fails, with a sentence naming both layers', () => {
  const problems = findForbiddenImports(
    tree({
      'main/core/app/service.ts': "import { startSimulator } from '../../simulator/index';",
      'main/core/app/types.ts': "import type { X } from '../../../preload/index';",
      'renderer/format/parts.ts': "import { doorName } from '../../main/core/volvo/model';",
      'main/simulator/api.ts': "import type { Clock } from '../core/ports';",
      'shared/snapshot.ts': "import type { VehicleStatus } from '../main/core/volvo/model';",
      'preload/index.ts': "import { intentArgs } from '../main/core/intent-schemas';",
      'main/core/auth/session.test.ts': "import { startSimulator } from '../../simulator/index';",
      'main/core/ports.ts': "import { app } from 'electron';",
      'renderer/format/fields.test.ts':
        "import { settingsPatchSchema } from '../../main/core/settings';",
    }),
  );
  expect(problems).toEqual([
    'main/core/app/service.ts imports main/simulator/index: the core (main/core) may not import the simulator (main/simulator).',
    'main/core/app/types.ts imports preload/index: the core (main/core) may not import the preload.',
    'renderer/format/parts.ts imports main/core/volvo/model: the renderer may not import the core (main/core).',
    'main/simulator/api.ts imports main/core/ports: the simulator (main/simulator) may not import the core (main/core).',
    'shared/snapshot.ts imports main/core/volvo/model: shared may not import the core (main/core).',
    "preload/index.ts imports main/core/intent-schemas: the preload may not import main's schemas.",
    'main/core/auth/session.test.ts imports main/simulator/index: the core (main/core) may not import the simulator (main/simulator).',
    'main/core/ports.ts imports electron: the core (main/core) may not use the electron package.',
    "renderer/format/fields.test.ts imports main/core/settings: the renderer may not import main's schemas.",
  ]);
});

test('the allowed edges pass: leaf, test support for tests, roots composing everything', () => {
  expect(
    findForbiddenImports(
      tree({
        'main/core/app/service.ts': "import type { Snapshot } from '../../../shared/snapshot';",
        'main/core/app/service.scenarios.test.ts':
          "import { startScenario } from '../../../test-support/scenario';",
        'renderer/components/App.tsx': "import type { Snapshot } from '../../shared/snapshot';",
        'main/demo/embedded-simulator.ts':
          "import { startSimulator } from '../simulator/index';\nimport type { DemoBackend } from '../core/ports';",
        'main/index.ts': "import { embeddedDemo } from './demo/embedded-simulator';",
      }),
    ),
  ).toEqual([]);
});

test('every kind of import is read: type, dynamic, re-export and vi.mock', () => {
  expect(
    specifiersOf(
      [
        "import type { A } from './a';",
        "const b = await import('./b');",
        "export { c } from './c';",
        "vi.mock('./d');",
        "import './e';",
      ].join('\n'),
    ),
  ).toEqual(['./a', './b', './c', './d', './e']);
});
