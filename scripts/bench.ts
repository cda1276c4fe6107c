import { seededRandom } from '../main/core/testing/seeded-random';
import { measureCliVsCurl } from './bench/cli-vs-curl';
import {
  type Episode,
  medianAndWorst,
  planCommutes,
  planDay,
  planEngineLeftRunning,
  planLongParked,
} from './bench/day-plan';
import {
  runScenario,
  type ScenarioResult,
  type Sighting,
  WATCHERS,
  type Watcher,
} from './bench/run-scenario';

/**
 * `npm run bench`: simulated days on a FakeClock against the embedded simulator, with volvo-tray
 * and three fixed pollers watching the same cars side by side. Prints, per scenario, what each
 * costs in requests and how many unlocks and door openings each saw, how soon. Seeds are fixed:
 * every run prints the same tables. `SEED=n npm run bench` replays other days.
 */

const SEED = Number(process.env.SEED ?? 20261127);
const LONG_PARKED_DAYS = 14;
const COMMUTE_DAYS = 5;
const ENGINE_DAYS = 7;
/** Unlocks and door openings at least this long count for the long-parked goal. */
const LASTING_MS = 3 * 60_000;
/** The long-parked goal's worst delay: 5 minutes plus one check (no simulated time here). */
const LONG_PARKED_WORST_MS = 5 * 60_000;

const COLUMNS: Record<Watcher, string> = {
  app: 'volvo-tray (default settings)',
  'fixed-60': 'fixed 60 s, doors+windows',
  'fixed-300': 'fixed 300 s, doors+windows',
  floor: 'floor: doors alone every 300 s',
};

type Row = [string, ...string[]];

function seconds(ms: number): string {
  return Number.isNaN(ms) ? 'n/a' : `${Math.round(ms / 1000)} s`;
}

interface Seen {
  delays: number[];
  total: number;
}

function seen(
  sightings: readonly Sighting[],
  watcher: Watcher,
  what: 'unlock' | 'open' | 'engine',
  include: (episode: Episode) => boolean = () => true,
): Seen {
  const counted = sightings.filter((sighting) => include(sighting.episode));
  const delays = counted.flatMap((sighting) => {
    const delay = {
      unlock: sighting.unlockSeen,
      open: sighting.openSeen,
      engine: sighting.engineSeen,
    }[what][watcher];
    return delay === undefined ? [] : [delay];
  });
  return { delays, total: counted.length };
}

function seenInWords({ delays, total }: Seen): string {
  const { median, worst } = medianAndWorst(delays);
  return `${delays.length}/${total}, median ${seconds(median)}, worst ${seconds(worst)}`;
}

function table(rows: readonly Row[]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: Row) =>
    `| ${widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' | ')} |`;
  const [head, ...body] = rows;
  if (!head) return '';
  return [
    line(head),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

const lasting = (episode: Episode) => episode.closeAt - episode.openAt >= LASTING_MS;

function rows(label: string, result: ScenarioResult, detail: (watcher: Watcher) => Row[]): Row[] {
  const requests: Row = [
    `${label}: requests per car per day`,
    ...WATCHERS.map((watcher) =>
      Math.round(result.requestsPerCarDay[watcher]).toLocaleString('en'),
    ),
  ];
  const details = WATCHERS.map(detail);
  const first = details[0] ?? [];
  return [
    requests,
    ...first.map(
      (row, index): Row => [row[0], ...details.map((rowsOf) => rowsOf[index]?.[1] ?? '')],
    ),
  ];
}

async function main() {
  const started = Date.now();
  const parked = await runScenario(1, () => []);
  const busy = await runScenario(1, (vins) => planDay(vins, seededRandom(SEED)));
  const longParked = await runScenario(LONG_PARKED_DAYS, (vins) =>
    planLongParked(vins, LONG_PARKED_DAYS, seededRandom(SEED + 1)),
  );
  const commutes = await runScenario(COMMUTE_DAYS, (vins) =>
    planCommutes(vins, COMMUTE_DAYS, seededRandom(SEED + 2)),
  );
  const planEngineLeft = (vins: readonly string[]) =>
    planEngineLeftRunning(vins, ENGINE_DAYS, seededRandom(SEED + 3));
  const engineLeft = await runScenario(ENGINE_DAYS, planEngineLeft);
  // The same days with Settings' "Also check a parked car's engine" on.
  const engineWatched = await runScenario(ENGINE_DAYS, planEngineLeft, {
    alerts: { engineRunning: { whileParked: true } },
  });

  const kind = (k: Episode['kind']) => (episode: Episode) => episode.kind === k;
  const unlocksAndDoors =
    (result: ScenarioResult) =>
    (watcher: Watcher): Row[] => [
      ['unlocks seen', seenInWords(seen(result.sightings, watcher, 'unlock'))],
      ['door openings seen', seenInWords(seen(result.sightings, watcher, 'open'))],
      [
        'door openings lasting >= 3 min seen',
        seenInWords(seen(result.sightings, watcher, 'open', lasting)),
      ],
    ];
  const engineRows =
    (result: ScenarioResult) =>
    (watcher: Watcher): Row[] => [
      ['unlocks seen', seenInWords(seen(result.sightings, watcher, 'unlock'))],
      [
        'engine running on a locked car: alert',
        watcher === 'app'
          ? seenInWords(seen(result.sightings, watcher, 'engine'))
          : 'not read (doors and windows only)',
      ],
    ];
  const body: Row[] = [
    ['per car', ...WATCHERS.map((watcher) => COLUMNS[watcher])],
    ...rows('parked day', parked, () => []),
    ...rows('busy day', busy, (watcher) => [
      ['unlocks seen', seenInWords(seen(busy.sightings, watcher, 'unlock'))],
      [
        'door opened on an unlocked car',
        seenInWords(seen(busy.sightings, watcher, 'open', kind('unlocked'))),
      ],
      [
        'door opened seconds after an unlock',
        seenInWords(seen(busy.sightings, watcher, 'open', kind('at-unlock'))),
      ],
    ]),
    ...rows(`long-parked (${LONG_PARKED_DAYS} days)`, longParked, unlocksAndDoors(longParked)),
    ...rows(`commuting (${COMMUTE_DAYS} days, nights)`, commutes, unlocksAndDoors(commutes)),
    ...rows(`engine left running (${ENGINE_DAYS} days)`, engineLeft, engineRows(engineLeft)),
    ...rows('the same, parked engines checked too', engineWatched, engineRows(engineWatched)),
  ];
  console.log(
    `volvo-tray bench: simulated days on a FakeClock against the embedded simulator, 2 cars, seed ${SEED}\n`,
  );
  console.log(table(body));
  console.log(
    '\n"n/m": seen n of m (an unlock or opening over before the watcher looked is missed, and counted); delays of those seen.',
  );

  const app = (
    result: ScenarioResult,
    what: 'unlock' | 'open',
    include?: (e: Episode) => boolean,
  ) => seen(result.sightings, 'app', what, include);
  const share = ({ delays, total }: Seen) => (total === 0 ? 1 : delays.length / total);
  const worst = (value: Seen) => medianAndWorst(value.delays).worst;
  const engineAlerts = seen(engineLeft.sightings, 'app', 'engine');
  const watchedAlerts = seen(engineWatched.sightings, 'app', 'engine');
  const allNoticedInTime = (alerts: Seen) =>
    alerts.delays.length === alerts.total && worst(alerts) <= LONG_PARKED_WORST_MS + 60_000;
  const longUnlocks = app(longParked, 'unlock');
  const longDoors = app(longParked, 'open', lasting);
  const goals: [string, boolean][] = [
    [
      `parked day, engine and reachability reads included, <= 300 requests per car (${Math.round(parked.requestsPerCarDay.app)})`,
      parked.requestsPerCarDay.app <= 300,
    ],
    [
      `long-parked: >= 95% of unlocks seen (${Math.round(share(longUnlocks) * 100)}%)`,
      share(longUnlocks) >= 0.95,
    ],
    [
      `long-parked: >= 95% of door openings lasting >= 3 min seen (${Math.round(share(longDoors) * 100)}%)`,
      share(longDoors) >= 0.95,
    ],
    [
      `long-parked: worst delay <= 5 min + one check (${seconds(Math.max(worst(longUnlocks), worst(longDoors)))})`,
      Math.max(worst(longUnlocks), worst(longDoors)) <= LONG_PARKED_WORST_MS,
    ],
    [
      `engine started on a parked car: all noticed, worst <= 5 min + one check (${engineAlerts.delays.length}/${engineAlerts.total}, ${seconds(worst(engineAlerts))})`,
      allNoticedInTime(engineAlerts),
    ],
    [
      `the same with parked engines checked too (${watchedAlerts.delays.length}/${watchedAlerts.total}, ${seconds(worst(watchedAlerts))}, at ${Math.round(engineWatched.requestsPerCarDay.app)} requests per car per day)`,
      allNoticedInTime(watchedAlerts),
    ],
    [
      `busy day <= 1,484 requests per car (${Math.round(busy.requestsPerCarDay.app)})`,
      busy.requestsPerCarDay.app <= 1484,
    ],
    [
      `busy day: door opened on an unlocked car, median <= 60 s (${seconds(medianAndWorst(app(busy, 'open', kind('unlocked')).delays).median)})`,
      medianAndWorst(app(busy, 'open', kind('unlocked')).delays).median <= 60_000,
    ],
  ];
  const cli = await measureCliVsCurl();
  const ratio = cli.curlMedianMs === null ? null : cli.cliMedianMs / cli.curlMedianMs;
  goals.push([
    ratio === null
      ? 'CLI within 4x of curl: not measured (curl is not installed here)'
      : `CLI within 4x of curl for the same requests (${ratio.toFixed(1)}x)`,
    ratio !== null && ratio <= 4,
  ]);
  console.log(
    `\n\`volvo-tray status VIN\` (node dist/cli.mjs, ${cli.requestsPerStatus} requests): median ${Math.round(cli.cliMedianMs)} ms of real time; ` +
      (cli.curlMedianMs === null
        ? 'curl is not installed here.'
        : `the same ${cli.requestsPerStatus} requests with curl, one process each: median ${Math.round(cli.curlMedianMs)} ms; ratio ${ratio?.toFixed(1)}x.`) +
      ` The floor for any Node command, a bare script sending the same requests: median ${Math.round(cli.nodeFloorMedianMs)} ms` +
      (cli.curlMedianMs === null
        ? '.'
        : ` (${(cli.nodeFloorMedianMs / cli.curlMedianMs).toFixed(1)}x curl).`),
  );
  console.log('\nGoals (volvo-tray):');
  for (const [goal, met] of goals) console.log(`  ${met ? 'met ' : 'MISS'}  ${goal}`);
  console.log(`\nRan in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
