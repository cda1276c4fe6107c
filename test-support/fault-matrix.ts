import { join } from 'node:path';
import { memoryJsonStore, memorySettings, memoryVault } from '../main/core/app/memory-ports';
import type { Fetch } from '../main/core/ports';
import { FakeClock } from '../main/core/testing/fake-clock';
import { MAX_JSON_FILE_BYTES } from '../main/electron/json-store';
import { trayState, trayTooltip } from '../main/electron/tray-state';
import type { Simulator } from '../main/simulator/index';
import type { SettingsPatch } from '../shared/settings';
import type { Snapshot, VehicleView } from '../shared/snapshot';
import { DOOR_NAMES, notReported, type Reading, WINDOW_NAMES } from '../shared/vehicle';
import { doorName, windowName } from '../shared/words/parts';
import {
  corrupt,
  type FileDamage,
  type FileStores,
  huge,
  linkedElsewhere,
  linkedFileUntouched,
  replacedWith,
  temporaryUserData,
  truncated,
  type UserDataFile,
  type UserDataFolder,
} from './fault-files';
import {
  divertingFetch,
  type HostileAnswer,
  type HostileServer,
  startHostileServer,
} from './hostile-server';
import { loopbackOnlyFetch, type Scenario, type ScenarioOptions, startScenario } from './scenario';
import { CAR } from './scenario-suite';

/**
 * The fault matrix: each fault driven through the real core (the app service with memory
 * ports, the simulator over HTTP, a hostile stand-in for what the simulator cannot do) on a
 * FakeClock, and what a person would notice written down as it was observed. `docs/RELIABILITY.md`
 * is made from these rows (`npm run reliability`), and a unit test checks it still matches.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const MB = 1024 * 1024;
/** Why a file past the read cap loses what it held. */
const TOO_LARGE = (file: string) =>
  `a ${file} file larger than any volvo-tray writes is not read (${MAX_JSON_FILE_BYTES / MB} MB at most)`;

/** What a fault case can reach while it runs. */
export interface FaultContext {
  scenario: Scenario;
  sim: Simulator;
  hostile: HostileServer;
  /** Send the API requests `pick` chooses to the hostile server (null: none). */
  divert(pick: ((url: URL) => boolean) | null): void;
  /** Make every API request fail as `fail` says (null: back to normal). */
  breakNetwork(fail: (() => Error) | null): void;
  /** Make every state and vault write fail as `fail` says (null: back to normal). */
  breakDisk(fail: (() => Error) | null): void;
  /** Make every settings write fail as `fail` says (null: back to normal). */
  breakSettings(fail: (() => Error) | null): void;
}

export interface FaultCase {
  /** The fault, as the issue names it. */
  fault: string;
  /** How the app starts (e.g. a corrupt file); default a clean start in demo mode. */
  start?: ScenarioOptions;
  /** Puts the fault in place; the matrix then asks for a check, as the refresh button does. */
  arm?(context: FaultContext): void | Promise<void>;
  /** Takes it away again. */
  disarm?(context: FaultContext): void | Promise<void>;
  /** Why a loss this fault causes cannot be avoided (shown beside an observed loss). */
  lossWhy?: string;
  /**
   * How long the check may take on the fake clock (an answer that never comes): the matrix
   * moves the clock this far while it waits, so a timeout ends it without real waiting.
   */
  checkTakesMs?: number;
  /** A file fault: the app starts on real files, quits, the file is damaged, and it starts again. */
  restart?: FileRestart;
  /**
   * What the person does while the fault is in place, after the check (e.g. changes a
   * setting); what it fails with is written down as the popover shows it.
   */
  personDoes?(context: FaultContext): Promise<void>;
}

/**
 * A fault in one of the app's files. The app first runs on real files in a temporary user-data
 * folder (settings, state and secrets, as the shell keeps them), checks once and quits; `damage`
 * then changes `file`, and the row is what the next start on that folder shows.
 */
export interface FileRestart {
  file: UserDataFile;
  damage: FileDamage;
  /** What else was kept, in words, looked at after recovery (e.g. a linked file untouched). */
  kept?(file: string, outside: string): string;
}

/** One observed row. */
export interface FaultRow {
  fault: string;
  popover: string;
  tray: string;
  notification: string;
  requests: number;
  recovery: string;
  lost: string;
}

const isApi = (url: URL) => url.pathname.startsWith('/connected-vehicle/');
const isStatusRead = (url: URL) => isApi(url) && /\/(doors|windows)$/.test(url.pathname);

/** The doors and windows reads go to the hostile server, which answers them `answer`. */
function hostileStatusReads(answer: HostileAnswer) {
  return (context: FaultContext) => {
    context.hostile.answer(answer);
    context.divert(isStatusRead);
  };
}

function plain(status: number, body: string, headers: Record<string, string> = {}) {
  return hostileStatusReads({ kind: 'plain', status, body, headers });
}

const undivert = (context: FaultContext) => context.divert(null);

/** Access tokens that live 2 minutes, so a refresh falls inside the fault. */
const SHORT_TOKENS: ScenarioOptions = { simulator: { accessTokenTtlSeconds: 120 } };

/** Volvo ID's token endpoint answers this; the access token then runs out, so a refresh asks. */
function tokenAnswer(status: number, body: string) {
  return async (context: FaultContext) => {
    context.hostile.answer({ kind: 'plain', status, body });
    context.divert((url) => url.pathname.endsWith('/token.oauth2'));
    await context.scenario.advance(3 * MINUTE);
  };
}

function fileError(code: string, words: string): () => Error {
  return () => Object.assign(new Error(`${code}: ${words}, write`), { code });
}

function networkError(code: string): () => Error {
  return () => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

/** A setting a person changes: the door alert after 7 minutes instead of 5. */
const PERSONAL_SETTING: SettingsPatch = { alerts: { doorOpen: { minutes: 7 } } };

const SECRETS_LOSS =
  'the damaged file held it and there is no other copy: demo mode signs in again by itself, any other sign-in must be made again';

const STATE_LOSS =
  'what the unreadable state file held (alert episodes, activity log): the app starts without it';

/** The faults driven, in the order the document lists them. */
export const FAULT_CASES: FaultCase[] = [
  {
    fault: '5xx (HTTP 503)',
    arm: ({ sim }) => sim.setFault({ kind: 'status', status: 503 }),
    disarm: ({ sim }) => sim.setFault(null),
  },
  {
    fault: 'Huge body (400 MB status answer)',
    arm: hostileStatusReads({ kind: 'huge', bytes: 400 * MB }),
    disarm: undivert,
  },
  {
    fault: 'Timeout (the server never sends the headers)',
    // An answer that never comes is given up in real time only this long between timers.
    start: { idleMaxMs: 200 },
    arm: hostileStatusReads({ kind: 'silent' }),
    disarm: undivert,
    checkTakesMs: 15 * SECOND,
  },
  {
    fault: 'Trickling body (a byte now and then, never ending)',
    start: { idleMaxMs: 200 },
    arm: hostileStatusReads({ kind: 'trickle' }),
    disarm: undivert,
    checkTakesMs: 15 * SECOND,
  },
  {
    fault: 'Malformed JSON',
    arm: ({ sim }) => sim.setFault({ kind: 'malformed' }),
    disarm: ({ sim }) => sim.setFault(null),
  },
  {
    fault: 'Unknown enum values',
    arm: ({ sim }) => sim.setFault({ kind: 'unknown-values' }),
    disarm: ({ sim }) => sim.setFault(null),
  },
  {
    fault: 'UNSPECIFIED parts (a door, the tailgate and a window)',
    arm: ({ sim }) =>
      sim.vehicle(CAR).setQuirks({ unspecified: ['frontLeftDoor', 'tailgate', 'rearLeftWindow'] }),
    disarm: ({ sim }) => sim.vehicle(CAR).setQuirks({ unspecified: [] }),
  },
  {
    fault: '403 quota ("Out of call volume quota")',
    arm: ({ sim }) => sim.setFault({ kind: 'quota-exhausted' }),
    disarm: ({ sim }) => sim.setFault(null),
  },
  {
    fault: '429 with Retry-After: 300',
    arm: ({ sim }) => sim.setFault({ kind: 'rate-limit', retryAfterSeconds: 300 }),
    disarm: ({ sim }) => sim.setFault(null),
  },
  { fault: '429 without Retry-After', arm: plain(429, '{}'), disarm: undivert },
  {
    fault: '429 with Retry-After: -5',
    arm: plain(429, '{}', { 'retry-after': '-5' }),
    disarm: undivert,
  },
  {
    fault: '429 with Retry-After: 1e12',
    arm: plain(429, '{}', { 'retry-after': '1000000000000' }),
    disarm: undivert,
  },
  {
    fault: '429 with Retry-After: a past date',
    arm: plain(429, '{}', { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }),
    disarm: undivert,
  },
  {
    fault: '410 GONE',
    arm: plain(
      410,
      '{"status":410,"error":{"message":"GONE","description":"This API version is gone."}}',
    ),
    disarm: undivert,
  },
  {
    fault: '403 scope missing',
    arm: plain(
      403,
      '{"status":403,"error":{"message":"Forbidden","description":"Access denied: missing scope conve:doors_status"}}',
    ),
    disarm: undivert,
  },
  {
    fault: 'Connection refused',
    arm: ({ breakNetwork }) => breakNetwork(networkError('ECONNREFUSED')),
    disarm: ({ breakNetwork }) => breakNetwork(null),
  },
  {
    fault: 'DNS failure',
    arm: ({ breakNetwork }) => breakNetwork(networkError('ENOTFOUND')),
    disarm: ({ breakNetwork }) => breakNetwork(null),
  },
  {
    fault: 'Offline (the OS says so)',
    arm: ({ scenario }) => scenario.service.setOnline(false),
    disarm: ({ scenario }) => scenario.service.setOnline(true),
  },
  {
    fault: 'Sleep, 8 hours, resume',
    arm: ({ scenario }) => {
      scenario.service.systemSuspended();
      scenario.clock.jump(8 * 60 * MINUTE);
      scenario.service.systemResumed();
    },
  },
  {
    fault: 'Clock jumps forward 3 days',
    arm: ({ scenario }) => scenario.clock.jump(3 * 24 * 60 * MINUTE),
  },
  {
    fault: 'Clock jumps back 1 day',
    arm: ({ scenario }) => scenario.clock.jump(-24 * 60 * MINUTE),
  },
  {
    fault: 'Volvo ID down during a refresh (HTTP 503)',
    start: SHORT_TOKENS,
    arm: tokenAnswer(503, '{"error":"temporarily_unavailable"}'),
    disarm: undivert,
  },
  {
    fault: 'invalid_grant on refresh',
    start: SHORT_TOKENS,
    arm: tokenAnswer(
      400,
      '{"error":"invalid_grant","error_description":"The refresh token is revoked."}',
    ),
    disarm: undivert,
    lossWhy: 'Volvo ID ended the sign-in; only a new sign-in can start another',
  },
  // The id_token faults oauth4webapi judges (it takes a token answer's signature on trust: it
  // came straight from Volvo ID over TLS). The check after them renews the sign-in.
  ...(['wrong-audience', 'expired'] as const).map(
    (idTokenFault): FaultCase => ({
      fault: `An id_token that fails validation (${idTokenFault.replace('-', ' ')}) on refresh`,
      start: SHORT_TOKENS,
      arm: async ({ sim, scenario }) => {
        sim.setIdTokenFault(idTokenFault);
        await scenario.advance(3 * MINUTE);
      },
      disarm: ({ sim }) => sim.setIdTokenFault(null),
    }),
  ),
  {
    fault: '401 on every API call (token refused)',
    arm: plain(
      401,
      '{"status":401,"error":{"message":"Unauthorized","description":"The access token is invalid."}}',
    ),
    disarm: undivert,
  },
  {
    fault: '401 naming the VCC API key',
    arm: plain(
      401,
      '{"status":401,"error":{"message":"Access denied due to invalid VCC-API-KEY."}}',
    ),
    disarm: undivert,
  },
  {
    fault: 'Disk full (ENOSPC) on every state and vault write',
    start: SHORT_TOKENS,
    arm: async (context) => {
      context.breakDisk(fileError('ENOSPC', 'no space left on device'));
      await context.scenario.advance(3 * MINUTE);
    },
    disarm: ({ breakDisk }) => breakDisk(null),
  },
  {
    fault: 'Read-only user-data folder (EROFS) on every state and vault write',
    start: SHORT_TOKENS,
    arm: async (context) => {
      context.breakDisk(fileError('EROFS', 'read-only file system'));
      await context.scenario.advance(3 * MINUTE);
    },
    disarm: ({ breakDisk }) => breakDisk(null),
  },
  ...(
    [
      ['Disk full (ENOSPC) on a settings write', fileError('ENOSPC', 'no space left on device')],
      [
        'Read-only user-data folder (EROFS) on a settings write',
        fileError('EROFS', 'read-only file system'),
      ],
    ] as const
  ).map(
    ([fault, fail]): FaultCase => ({
      fault,
      arm: ({ breakSettings }) => breakSettings(fail),
      personDoes: async ({ scenario }) => {
        await scenario.service.intents.updateSettings(PERSONAL_SETTING);
      },
      disarm: ({ breakSettings }) => breakSettings(null),
    }),
  ),
  {
    fault: 'Corrupt settings.json (not JSON)',
    start: { settings: 'not json {' },
  },
  {
    fault: 'Wrong-typed settings.json (every value the wrong type)',
    start: {
      settings: {
        connection: 'demo',
        watchedVins: 5,
        polling: [],
        shortcut: 42,
        launchAtLogin: 'yes',
      },
    },
  },
  {
    fault: 'Corrupt state.json',
    start: { state: 'garbage' },
    lossWhy: STATE_LOSS,
  },
  {
    fault: 'Wrong-typed state.json',
    start: { state: { version: 'x', vehicles: 7, log: {} } },
    lossWhy: STATE_LOSS,
  },
  {
    fault: 'Truncated settings.json (cut in the middle)',
    restart: { file: 'settings.json', damage: truncated },
    lossWhy:
      'the settings file was cut in the middle; it is kept aside as it was, and the popover says where',
  },
  {
    fault: 'Huge settings.json (64 MB)',
    restart: { file: 'settings.json', damage: huge(64 * MB) },
    lossWhy: `${TOO_LARGE('settings')}; it is kept aside, and the popover says where`,
  },
  {
    fault: 'Truncated state.json (cut in the middle)',
    restart: { file: 'state.json', damage: truncated },
    lossWhy:
      'the state file was cut in the middle; it is kept aside as it was, and the popover says where',
  },
  {
    fault: 'Huge state.json (64 MB)',
    restart: { file: 'state.json', damage: huge(64 * MB) },
    lossWhy: `${TOO_LARGE('state')}; it is kept aside, and the popover says where`,
  },
  {
    fault: 'Corrupt secrets.json (not JSON)',
    restart: { file: 'secrets.json', damage: corrupt },
    lossWhy: SECRETS_LOSS,
  },
  {
    fault: 'Truncated secrets.json (cut in the middle)',
    restart: { file: 'secrets.json', damage: truncated },
    lossWhy: SECRETS_LOSS,
  },
  {
    fault: 'Huge secrets.json (64 MB)',
    restart: { file: 'secrets.json', damage: huge(64 * MB) },
    lossWhy: `${TOO_LARGE('secrets')}: signed out`,
  },
  {
    fault: 'Wrong-typed secrets.json',
    restart: {
      file: 'secrets.json',
      damage: replacedWith({ format: '1', secrets: { refreshToken: 42, apiKey: ['x'] } }),
    },
    lossWhy: SECRETS_LOSS,
  },
  {
    fault: 'secrets.json a link to a file elsewhere',
    restart: {
      file: 'secrets.json',
      damage: linkedElsewhere,
      kept: (file, outside) =>
        linkedFileUntouched(file, outside)
          ? 'the file the link points to was not written'
          : 'the sign-in was written through the link',
    },
    lossWhy:
      'volvo-tray neither reads nor writes a sign-in through a link: removing it and signing in again brings the sign-in back',
  },
];

/** Faults the issue lists that this matrix does not drive yet, and where they are covered. */
export const NOT_YET_DRIVEN: { fault: string; note: string }[] = [];

export async function runFaultMatrix(cases: FaultCase[] = FAULT_CASES): Promise<FaultRow[]> {
  const hostile = await startHostileServer();
  try {
    const rows: FaultRow[] = [];
    for (const fault of cases) rows.push(await observe(fault, hostile));
    return rows;
  } finally {
    await hostile.close();
  }
}

async function observe(fault: FaultCase, hostile: HostileServer): Promise<FaultRow> {
  const folder = fault.restart ? temporaryUserData() : null;
  try {
    return await observeIn(fault, hostile, folder);
  } finally {
    folder?.remove();
  }
}

/**
 * A file fault's first start: the app runs on real files in `folder` until it has checked once,
 * quits, and the fault damages the file. Returns what was kept before the damage.
 */
async function runBeforeDamage(
  restart: FileRestart,
  folder: UserDataFolder,
  clock: FakeClock,
): Promise<KeptFacts> {
  const first = await startScenario({ clock, ...(await folder.open(clock)) });
  try {
    // A setting of the person's own, so the settings file holds something to lose.
    await first.service.intents.updateSettings(PERSONAL_SETTING);
    // A door opened and closed, so the state file holds an activity log to lose.
    const door = (state: 'OPEN' | 'CLOSED') => first.sim().vehicle(CAR).setDoor('rearLeft', state);
    door('OPEN');
    await first.service.intents.refresh();
    door('CLOSED');
    await first.service.intents.refresh();
    await first.http.idle();
    return await keptFacts(first);
  } finally {
    await first.close();
    restart.damage(join(folder.path, restart.file), folder.outside);
  }
}

async function observeIn(
  fault: FaultCase,
  hostile: HostileServer,
  folder: UserDataFolder | null,
): Promise<FaultRow> {
  let pick: ((url: URL) => boolean) | null = null;
  let broken: (() => Error) | null = null;
  let diskFails: (() => Error) | null = null;
  let settingsFail: (() => Error) | null = null;
  const clock = new FakeClock();
  const beforeRestart =
    folder && fault.restart ? await runBeforeDamage(fault.restart, folder, clock) : null;
  const stores: FileStores = folder
    ? await folder.open(clock)
    : {
        settingsStore: memorySettings(fault.start?.settings),
        stateStore: memoryJsonStore<unknown>(fault.start?.state),
        vault: memoryVault(),
      };
  const { settingsStore: settings, stateStore: state, vault } = stores;
  // What the restarted app could read of the saved sign-in, before demo mode signs in afresh.
  const savedAtRestart = beforeRestart ? await vault.get('refreshToken') : undefined;
  const network: Fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (broken && isApi(url)) throw broken();
    return loopbackOnlyFetch(input, init);
  };
  const scenario = await startScenario({
    ...fault.start,
    clock,
    stateStore: {
      load: () => state.load(),
      save(value) {
        if (diskFails) throw diskFails();
        state.save(value);
      },
    },
    vault: {
      get: (name) => vault.get(name),
      async set(name, value) {
        if (diskFails) throw diskFails();
        await vault.set(name, value);
      },
      async delete(name) {
        if (diskFails) throw diskFails();
        await vault.delete(name);
      },
      protection: () => vault.protection(),
    },
    settingsStore: {
      load: () => settings.load(),
      save(value) {
        if (settingsFail) throw settingsFail();
        settings.save(value);
      },
    },
    fetch: divertingFetch(network, hostile, (url) => pick?.(url) ?? false),
  });
  try {
    const context: FaultContext = {
      scenario,
      sim: scenario.sim(),
      hostile,
      divert: (next) => {
        pick = next;
      },
      breakNetwork: (next) => {
        broken = next;
      },
      breakDisk: (next) => {
        diskFails = next;
      },
      breakSettings: (next) => {
        settingsFail = next;
      },
    };
    // After a restart on a damaged file, what the start itself showed counts too.
    const shown = beforeRestart ? 0 : scenario.deps.notifier.shown.length;
    // After a restart the check may be refused (signed out): the check after the fault says so.
    await check(scenario).catch(() => undefined);
    const before = beforeRestart ?? (await keptFacts(scenario));
    const savedSignInUnread =
      beforeRestart?.refreshToken !== undefined && savedAtRestart !== beforeRestart.refreshToken;

    await fault.arm?.(context);
    const sent = scenario.http.requests.length;
    const checking = check(scenario).then(
      () => null,
      (error: unknown) => `Check now: ${error instanceof Error ? error.message : error}`,
    );
    if (fault.checkTakesMs !== undefined) await scenario.advance(fault.checkTakesMs);
    const checkRefused = await checking;
    await scenario.http.idle(fault.start?.idleMaxMs);
    const refused = await fault.personDoes?.(context).then(
      () => null,
      (error: unknown) => `Nothing was saved: ${error instanceof Error ? error.message : error}`,
    );
    const during = scenario.service.snapshot();
    const requests = scenario.http.requests.length - sent;
    const notifications = scenario.deps.notifier.shown.slice(shown).map((n) => n.title);

    await fault.disarm?.(context);
    const recovery = await timeToLive(scenario);
    const after = await keptFacts(scenario);
    const said = (text: string) => folder?.scrub(text) ?? text;
    const kept =
      folder && fault.restart?.kept?.(join(folder.path, fault.restart.file), folder.outside);
    return {
      fault: fault.fault,
      popover: said([popoverWords(during), checkRefused, refused].filter(Boolean).join(' / ')),
      tray: `${trayState(during)}: ${trayTooltip(during)}`,
      notification: notifications.length === 0 ? 'none' : notifications.join('; '),
      requests,
      recovery,
      lost: [losses(before, after, fault, during, unsaved(scenario), savedSignInUnread), kept]
        .filter(Boolean)
        .join('; '),
    };
  } finally {
    await scenario.close();
  }
}

/** The check the refresh button asks for (refused when signed out). */
async function check(scenario: Scenario): Promise<void> {
  await scenario.service.intents.refresh();
}

/** What the popover says about the fault: its words, in the order a person reads them. */
function popoverWords(snapshot: Snapshot): string {
  const car = snapshot.vehicles.find((vehicle) => vehicle.vin === CAR) ?? snapshot.vehicles[0];
  const reason =
    car === undefined
      ? 'no car shown'
      : car.freshness.state === 'stale'
        ? `stale: ${car.freshness.reason}`
        : car.freshness.state;
  const words = [
    ...snapshot.settingsProblems,
    snapshot.signIn.message,
    snapshot.quota.message,
    reason,
    car?.summary === 'unknown' ? `unknown: ${unknownInWords(car)}` : null,
    ...[snapshot.lastError, car?.lastError ?? null].map((error) =>
      error && !reason.endsWith(error) ? error : null,
    ),
    snapshot.vaultWarning,
    snapshot.stateNotSaved,
    snapshot.stateSetAside,
  ];
  const said = [...new Set(words.filter((word): word is string => Boolean(word)))].join(' / ');
  // The simulator's and the stand-in's ports change from run to run; the words do not.
  return said.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
}

/**
 * What the car's picture leaves unknown (the popover shows it grey, the tray its grey icon):
 * "lock state unknown", "front left door not reported".
 */
function unknownInWords(car: VehicleView): string {
  const said = (reading: Reading<string> | undefined) =>
    notReported(reading)
      ? 'not reported'
      : `unknown (the car said ${reading?.reported ?? 'nothing'})`;
  const parts = [
    ...DOOR_NAMES.map((door) => [doorName(door), car.doors?.[door]] as const),
    ...WINDOW_NAMES.map((window) => [windowName(window), car.windows?.[window]] as const),
  ]
    .filter(([, reading]) => reading?.value === 'UNKNOWN')
    .map(([name, reading]) => `${name} ${said(reading)}`);
  const lock = car.lock?.value === 'UNKNOWN' ? [`lock state ${said(car.lock)}`] : [];
  return [...lock, ...parts].join(', ');
}

/** Advances the clock until the car is live again, in 1-minute then 15-minute steps. */
async function timeToLive(scenario: Scenario): Promise<string> {
  const start = scenario.clock.now();
  const live = () => {
    const { vehicles } = scenario.service.snapshot();
    return vehicles.length > 0 && vehicles.every((v) => v.freshness.state === 'live');
  };
  if (live()) return 'at once (the same check)';
  for (let step = 0; step < 30 + 94; step += 1) {
    await scenario.advance(step < 30 ? MINUTE : 15 * MINUTE);
    if (live())
      return `live again ${describeWait(scenario.clock.now() - start)} after the fault ended`;
  }
  return 'not live within 24 h';
}

function describeWait(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  return minutes < 60 ? `within ${minutes} min` : `within ${Math.round(minutes / 60)} h`;
}

interface KeptFacts {
  signedIn: boolean;
  refreshToken: string | undefined;
  settings: string;
  lock: string | null;
  /** The first car's activity log, each entry as its time and text. */
  activity: string[];
}

async function keptFacts(scenario: Scenario): Promise<KeptFacts> {
  const snapshot = scenario.service.snapshot();
  const car = snapshot.vehicles.find((vehicle) => vehicle.vin === CAR);
  return {
    signedIn: snapshot.signIn.state === 'signed-in',
    refreshToken: await scenario.deps.vault.get('refreshToken'),
    settings: JSON.stringify(scenario.deps.settings.load().settings),
    lock: car?.lock?.value ?? null,
    activity: (await scenario.service.intents.getActivity(CAR)).map(
      (entry) => `${entry.at} ${entry.text}`,
    ),
  };
}

/** The settings the app runs with but its settings store does not hold: lost at the next start. */
function unsaved(scenario: Scenario): string | null {
  const running = JSON.stringify(scenario.service.intents.getSettings());
  const stored = JSON.stringify(scenario.deps.settings.load().settings);
  return running === stored
    ? null
    : 'the settings change: volvo-tray runs with it, but it is not saved, so it is gone at the next start';
}

function losses(
  before: KeptFacts,
  after: KeptFacts,
  fault: FaultCase,
  during: Snapshot,
  notSaved: string | null,
  savedSignInUnread: boolean,
): string {
  const lost = [
    notSaved,
    before.signedIn && !after.signedIn ? 'the sign-in' : null,
    (before.refreshToken !== undefined && after.refreshToken === undefined) || savedSignInUnread
      ? 'the saved sign-in'
      : null,
    before.settings !== after.settings ? 'settings' : null,
    before.lock !== null && after.lock === null ? 'the lock state shown' : null,
    before.activity.some((entry) => !after.activity.includes(entry)) ? 'the activity log' : null,
  ].filter((item): item is string => item !== null);
  if (lost.length > 0) return `${lost.join(', ')}${fault.lossWhy ? ` (${fault.lossWhy})` : ''}`;
  if (fault.start?.state !== undefined && fault.lossWhy) return fault.lossWhy;
  if (during.settingsProblems.length > 0) {
    return 'the settings it could not read (back to their defaults, each named in the popover)';
  }
  return 'nothing lost';
}
