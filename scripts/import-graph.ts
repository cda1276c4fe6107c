import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * The layers' import rules, checked on every relative import of every source file (tests
 * included), so a wrong edge fails `npm run lint` with a sentence naming both layers. Run as a
 * script it checks the repository; `findForbiddenImports` takes any tree, so its test can show a
 * deliberate bad import failing.
 */

interface Layer {
  /** What a person calls it in the sentence. */
  name: string;
  /** Folders (ending in "/"), modules (no extension) or "" for the files at the top. */
  paths: readonly string[];
  /** Layers its files may import, besides itself. */
  mayImport: readonly string[];
  /** Extra layers a test file (`*.test.ts(x)`) of it may import. */
  testsMayImport?: readonly string[];
  /** Packages it may not import. */
  forbiddenPackages?: readonly string[];
}

const LAYERS: readonly Layer[] = [
  { name: 'shared', paths: ['shared/'], mayImport: [], forbiddenPackages: ['electron', 'zod'] },
  {
    name: 'the core (main/core)',
    paths: ['main/core/'],
    mayImport: ['shared'],
    testsMayImport: ['test-support'],
    forbiddenPackages: ['electron'],
  },
  {
    name: 'the simulator (main/simulator)',
    paths: ['main/simulator/'],
    mayImport: [],
    forbiddenPackages: ['electron'],
  },
  {
    name: 'the renderer',
    paths: ['renderer/'],
    mayImport: ['shared'],
    // A form test proves the popover builds what main's own schemas accept, through test-support.
    testsMayImport: ['test-support'],
    forbiddenPackages: ['electron', 'zod'],
  },
  {
    name: 'the preload',
    paths: ['preload/'],
    mayImport: ['shared'],
    testsMayImport: ['test-support', 'the Electron shell (main/electron)'],
  },
  {
    name: 'the Electron shell (main/electron)',
    paths: ['main/electron/'],
    mayImport: ['the core (main/core)', "main's schemas", 'shared'],
    testsMayImport: ['test-support', 'the demo wiring (main/demo)'],
  },
  {
    name: 'the demo wiring (main/demo)',
    paths: ['main/demo/'],
    mayImport: ['the core (main/core)', 'the simulator (main/simulator)', 'shared'],
    forbiddenPackages: ['electron'],
  },
  // Roots and tooling compose the layers; only the renderer is out of their reach.
  {
    name: 'a composition root',
    paths: ['main/index', 'main/cli', 'main/dev/', 'main/cli/', 'scripts/', 'e2e/', 'build/', ''],
    mayImport: [
      'shared',
      'the core (main/core)',
      "main's schemas",
      'the simulator (main/simulator)',
      'the Electron shell (main/electron)',
      'the demo wiring (main/demo)',
      'a composition root',
      'test-support',
      'the preload',
    ],
  },
];

/** Files that are a layer of their own inside another's folder. */
const SPECIAL: readonly Layer[] = [
  // Main's side of the contract: part of the core, which the shell and the roots may use.
  {
    name: "main's schemas",
    paths: ['main/core/intent-schemas', 'main/core/settings'],
    mayImport: ['the core (main/core)', 'shared'],
  },
  { name: 'test-support', paths: ['test-support/'], mayImport: [] },
];

function layerOf(file: string): Layer | undefined {
  const module = file.replace(/\.(ts|tsx|mts)$/, '');
  // A folder ends in "/"; a file is named without its extension and takes its test along.
  const matches = (layer: Layer) =>
    layer.paths.some((path) =>
      path.endsWith('/')
        ? file.startsWith(path)
        : module === path || module.startsWith(`${path}.`) || (path === '' && !file.includes('/')),
    );
  return SPECIAL.find(matches) ?? LAYERS.find(matches);
}

/** The core also counts main's schemas as its own. */
function allowed(from: Layer, to: Layer, isTest: boolean): boolean {
  if (from.name === to.name) return true;
  if (from.name === 'the core (main/core)' && to.name === "main's schemas") return true;
  if (from.name === "main's schemas" && to.name === 'the core (main/core)') return true;
  if (from.name === 'test-support' || from.name === 'a composition root') {
    return to.name !== 'the renderer';
  }
  if (from.mayImport.includes(to.name)) return true;
  return isTest && (from.testsMayImport ?? []).includes(to.name);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bvi\.mock\(\s*)['"]([^'"]+)['"]/g;

/** Every module specifier a source file imports (static, dynamic, re-exports, vi.mock). */
export function specifiersOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? '').filter(Boolean);
}

function resolve(from: string, specifier: string): string {
  return normalize(join(dirname(from), specifier)).replaceAll('\\', '/');
}

/**
 * Each import that breaks a layer rule, as a sentence:
 * "main/core/app/service.ts imports main/simulator/index: the core (main/core) may not import the simulator (main/simulator)."
 */
export function findForbiddenImports(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, source] of files) {
    const from = layerOf(file);
    if (!from) continue;
    const isTest = /\.test\.tsx?$/.test(file);
    for (const specifier of specifiersOf(source)) {
      if (!specifier.startsWith('.')) {
        const pkg = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : (specifier.split('/')[0] ?? '');
        if (from.forbiddenPackages?.includes(pkg)) {
          problems.push(`${file} imports ${pkg}: ${from.name} may not use the ${pkg} package.`);
        }
        continue;
      }
      const target = resolve(file, specifier);
      const to = layerOf(target);
      if (!to || allowed(from, to, isTest)) continue;
      problems.push(`${file} imports ${target}: ${from.name} may not import ${to.name}.`);
    }
  }
  return problems;
}

/** The repository's TypeScript sources, as git knows them. */
function repositorySources(): Map<string, string> {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  const files = new Map<string, string>();
  for (const file of listed.split('\n')) {
    if (!/\.(ts|tsx|mts)$/.test(file)) continue;
    try {
      files.set(file, readFileSync(file, 'utf8'));
    } catch {
      // Deleted in the working tree but still in the index: nothing to check.
    }
  }
  return files;
}

if (process.argv[1]?.endsWith('import-graph.ts')) {
  const problems = findForbiddenImports(repositorySources());
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`${problems.length} import(s) cross a layer boundary (docs/ARCHITECTURE.md).`);
    process.exit(1);
  }
  console.log('Imports follow the layer rules.');
}
