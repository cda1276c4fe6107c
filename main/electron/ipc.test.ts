import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  INTENT_NAMES,
  type IntentHandlers,
  type IntentName,
  intentChannel,
  SNAPSHOT_CHANNEL,
} from '../../shared/contract';
import { snapshot, VIN_1 } from '../../test-support/snapshots';
import { intentArgs } from '../core/intent-schemas';
import { silentLogger } from '../core/ports';
import { seededRandom } from '../core/testing/seeded-random';
import { pushSnapshot, registerIntentHandlers, senderCheck, UNTRUSTED_SENDER_ERROR } from './ipc';
import type { RendererLocation } from './renderer-location';
import {
  FakeWebContents,
  fake,
  invokeFromRenderer,
  resetFakeElectron,
} from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const OUR_PAGE = 'file:///opt/volvo-tray/dist/renderer/index.html';
const LOCATION: RendererLocation = { kind: 'file', url: OUR_PAGE };

/** Handlers that record what reached them. */
function recordingHandlers() {
  const calls: Array<{ name: IntentName; args: unknown[] }> = [];
  const handlers = Object.fromEntries(
    INTENT_NAMES.map((name) => [
      name,
      (...args: unknown[]) => {
        calls.push({ name, args });
        return `${name} done`;
      },
    ]),
  ) as unknown as IntentHandlers;
  return { handlers, calls };
}

let popover: FakeWebContents;
let calls: Array<{ name: IntentName; args: unknown[] }>;
let removeHandlers: () => void;

beforeEach(() => {
  resetFakeElectron();
  popover = new FakeWebContents();
  const recording = recordingHandlers();
  calls = recording.calls;
  removeHandlers = registerIntentHandlers({
    handlers: recording.handlers,
    isTrustedSender: senderCheck(LOCATION, () => popover),
    logger: silentLogger,
  });
});

const fromPopover = (url = OUR_PAGE) => ({ webContents: popover, frame: popover.frame(url) });

describe('the intent channels', () => {
  it('exist for exactly the contract’s intents', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(INTENT_NAMES.map(intentChannel).sort());
  });

  it('dispatch a valid call from our page to its handler', async () => {
    expect(await invokeFromRenderer(intentChannel('lock'), fromPopover(), VIN_1)).toEqual({
      ok: true,
      value: 'lock done',
    });
    expect(calls).toEqual([{ name: 'lock', args: [VIN_1] }]);
  });

  it('can be removed again (on quit)', () => {
    removeHandlers();
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('the sender check', () => {
  it('accepts our page in the popover’s top frame, at any view', async () => {
    for (const url of [OUR_PAGE, `${OUR_PAGE}#settings`]) {
      expect(await invokeFromRenderer(intentChannel('refresh'), fromPopover(url))).toMatchObject({
        ok: true,
      });
    }
    expect(calls).toHaveLength(2);
  });

  it('rejects a foreign frame, whatever it asks', async () => {
    const other = new FakeWebContents();
    const senders = [
      // Another page in our popover (it navigated away somehow).
      fromPopover('https://evil.example/'),
      fromPopover('file:///tmp/index.html'),
      // Our page, but in an iframe.
      { webContents: popover, frame: popover.frame(OUR_PAGE, { url: OUR_PAGE }) },
      // Our page's URL, from some other WebContents.
      { webContents: other, frame: other.frame(OUR_PAGE) },
      // A frame that is already gone.
      { webContents: popover, frame: null },
    ];
    for (const sender of senders) {
      expect(await invokeFromRenderer(intentChannel('lock'), sender, VIN_1)).toEqual({
        ok: false,
        error: UNTRUSTED_SENDER_ERROR,
      });
    }
    expect(calls).toEqual([]);
  });

  it('rejects everything once the popover is gone, and a frame that throws on access', async () => {
    const check = senderCheck(LOCATION, () => null);
    expect(check({ sender: popover, senderFrame: popover.frame(OUR_PAGE) })).toBe(false);
    const disposed = {
      sender: popover,
      get senderFrame(): { url: string; parent: unknown } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderCheck(LOCATION, () => popover)(disposed)).toBe(false);
  });

  it('is the right way round (GitHub Desktop once shipped it inverted)', () => {
    const check = senderCheck(LOCATION, () => popover);
    expect(check({ sender: popover, senderFrame: popover.frame(OUR_PAGE) })).toBe(true);
    expect(check({ sender: popover, senderFrame: popover.frame('https://evil.example/') })).toBe(
      false,
    );
  });

  it('for the dev server, accepts its origin only', () => {
    const dev: RendererLocation = { kind: 'dev-server', origin: 'http://localhost:5173' };
    const check = senderCheck(dev, () => popover);
    expect(check({ sender: popover, senderFrame: popover.frame('http://localhost:5173/') })).toBe(
      true,
    );
    expect(check({ sender: popover, senderFrame: popover.frame('http://localhost:5174/') })).toBe(
      false,
    );
    expect(check({ sender: popover, senderFrame: popover.frame(OUR_PAGE) })).toBe(false);
  });
});

function randomValue(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const kind = Math.floor(random() * (depth > 2 ? 6 : 9));
  switch (kind) {
    case 0:
      return pick([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53, 65536, 1023]);
    case 1:
      return pick([
        '',
        ' ',
        'YV1XZK9V2PA00000I',
        `${VIN_1} `,
        'x'.repeat(100_000),
        '__proto__',
        'constructor',
        '<script>alert(1)</script>',
        '💥',
        'CommandOrControl+Alt+L',
        'https://evil.example/',
        VIN_1.toLowerCase(),
      ]);
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return undefined;
    case 5:
      return BigInt(Math.floor(random() * 1000));
    case 6:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    case 7: {
      const keys = [
        'mode',
        'kind',
        'vin',
        'reducedGuard',
        'connection',
        'shortcut',
        '__proto__',
        'constructor',
        'x',
      ];
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 4); i > 0; i--) {
        Object.defineProperty(object, pick(keys), {
          value: randomValue(random, depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return object;
    }
    default:
      return pick([
        { mode: 'volvo-id', clientId: '', apiKey: 'short', redirectPort: 80, apiVersion: 'v3' },
        { kind: 'fault', fault: 'meltdown' },
        { kind: 'door', door: 'sunroof', value: 'OPEN' },
        { polling: { fastSeconds: 1 } },
        { reducedGuard: 'yes' },
        new Date(0),
      ]);
  }
}

describe('every intent channel, fuzzed with random arguments', () => {
  it('never crashes, answers malformed calls with a clear sentence, and never runs a handler on them', async () => {
    // Seeded, so a failing fuzz case can be replayed.
    const random = seededRandom(20261127);
    let refused = 0;
    for (const name of INTENT_NAMES) {
      for (let round = 0; round < 250; round++) {
        const args = Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random));
        const valid = intentArgs[name].safeParse(args).success;
        const before = calls.length;
        const result = (await invokeFromRenderer(intentChannel(name), fromPopover(), ...args)) as {
          ok: boolean;
          error?: string;
        };
        if (valid) {
          expect(result.ok).toBe(true);
          continue;
        }
        refused++;
        expect(calls.length).toBe(before);
        expect(result.ok).toBe(false);
        const error = result.error ?? '';
        expect(error.length).toBeGreaterThan(5);
        expect(error.length).toBeLessThan(300);
        expect(error).not.toMatch(/\n\s+at |\[object Object\]|ZodError|^\[/);
      }
    }
    // Nearly every random call is malformed: the fuzz really exercised the refusals.
    expect(refused).toBeGreaterThan(INTENT_NAMES.length * 200);
  });
});

describe('pushSnapshot', () => {
  it('sends the Snapshot on the snapshot channel, and nothing to a closed popover', () => {
    const contents = new FakeWebContents();
    pushSnapshot(contents as unknown as WebContents, snapshot());
    expect(contents.sent).toEqual([{ channel: SNAPSHOT_CHANNEL, payload: snapshot() }]);
    contents.destroyed = true;
    pushSnapshot(contents as unknown as WebContents, snapshot());
    pushSnapshot(null, snapshot());
    expect(contents.sent).toHaveLength(1);
  });
});
