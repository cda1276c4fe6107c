import { seededRandom } from '../main/core/testing/seeded-random';
import { medianAndWorst, planDay } from './bench/day-plan';
import { type DayResult, runDay, type Watcher } from './bench/run-day';

/**
 * `npm run bench`: one simulated parked day and one busy day, each on a FakeClock against the
 * embedded simulator, with this app and a fixed 60 s poller watching the same cars side by
 * side. Prints what each costs in requests and how quickly each notices a door opening.
 * `SEED=n npm run bench` replays another busy day.
 */

const SEED = Number(process.env.SEED ?? 20261127);

function seconds(ms: number): string {
  return Number.isNaN(ms) ? 'n/a' : `${Math.round(ms / 1000)} s`;
}

function delays(values: readonly number[], missed: number): string {
  const { median, worst } = medianAndWorst(values);
  const missing = missed > 0 ? `, ${missed} missed` : '';
  return `median ${seconds(median)}, worst ${seconds(worst)}${missing}`;
}

function table(rows: [string, string, string][]): string {
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: [string, string, string]) =>
    row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  |  ');
  const [head, ...body] = rows;
  if (!head) return '';
  return [
    line(head),
    widths.map((width) => '-'.repeat(width)).join('--+--'),
    ...body.map(line),
  ].join('\n');
}

async function main() {
  const started = Date.now();
  const parked: DayResult = await runDay(() => []);
  const busy = await runDay((vins) => planDay(vins, seededRandom(SEED)));
  const busyPlan = busy.plan;
  const cars = new Set(busyPlan.map((episode) => episode.vin)).size;
  const openings = (kind: 'unlocked' | 'at-unlock') =>
    busyPlan.filter((episode) => episode.kind === kind).length;

  const row = (label: string, cell: (watcher: Watcher) => string): [string, string, string] => [
    label,
    cell('app'),
    cell('fixed'),
  ];
  console.log(
    `volvo-tray bench: simulated days on a FakeClock against the embedded simulator, ${cars} cars, seed ${SEED}\n`,
  );
  console.log(
    table([
      ['', 'volvo-tray (default settings)', 'fixed 60 s poller'],
      row('requests per parked day (per car)', (w) => String(Math.round(parked.requestsPerCar[w]))),
      row(`door-open detection delay (${openings('unlocked')} openings on an unlocked car)`, (w) =>
        delays(busy.doorDelays[w].unlocked, busy.missed[w].unlocked),
      ),
      row(
        `door-open detection delay (${openings('at-unlock')} openings seconds after unlocking)`,
        (w) => delays(busy.doorDelays[w]['at-unlock'], busy.missed[w]['at-unlock']),
      ),
      row(`unlock noticed after (${busyPlan.length} unlocks)`, (w) =>
        delays(busy.unlockDelays[w], 0),
      ),
      row('requests on the busy day (per car)', (w) => String(Math.round(busy.requestsPerCar[w]))),
    ]),
  );
  console.log(
    `\n"missed": the door was closed again before the watcher looked. Ran in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
