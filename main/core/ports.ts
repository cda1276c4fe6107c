import type { DemoAction } from '../../shared/contract';
/**
 * The core's world, as small ports. The Electron shell, the browser host, the CLI and the tests
 * each plug in their own implementations; nothing in `main/core` imports `electron`.
 */

/** Node's global fetch, or a stand-in with the same shape. */
export type Fetch = typeof globalThis.fetch;

/** The headers of an answer, as the core reads them: fetch's `Headers` is one. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

/** What the core reads of an HTTP answer: fetch's `Response` is one. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  url: string;
  headers: AnswerHeaders;
  /**
   * Streamed, so that reading can stop past a size cap: fetch's ReadableStream, or a Node stream.
   * Leaving the iteration early cancels it, which closes the connection.
   */
  body: AsyncIterable<Uint8Array> | null;
}

/**
 * The Connected Vehicle API's transport: a request by URL, answered with an {@link HttpAnswer}.
 * Node's fetch is one; the CLI brings its own over `node:http` (its first request starts
 * faster, see `main/cli/node-http-fetch.ts`).
 */
export type HttpFetch = (input: URL | string, init: RequestInit) => Promise<HttpAnswer>;

/** An opaque timer handle from {@link Clock.setTimeout}. */
export type TimerHandle = { readonly __timer: unique symbol } | number | object;

/**
 * The longest timer delay: Node fires a longer (or NaN) one after 1 ms instead, which would
 * turn a long wait into a busy loop. {@link Clock.setTimeout} caps delays here.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay as {@link Clock.setTimeout} uses it: within 0..{@link MAX_TIMER_MS}, NaN as 0. */
export function timerDelay(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.min(Math.max(0, ms), MAX_TIMER_MS);
}

/** Time and timers, so scenarios can run a whole day on a fake clock. */
export interface Clock {
  /** Epoch milliseconds. The wall clock: it can step backwards or far forwards. */
  now(): number;
  /**
   * Calls `callback` after `ms` of elapsed time (not wall-clock time), capped at
   * {@link MAX_TIMER_MS} (see {@link timerDelay}).
   */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Names of the secrets the app keeps. Nothing else is secret, and nothing secret goes elsewhere. */
export type SecretName = 'refreshToken' | 'accessToken' | 'clientSecret' | 'apiKey';

/** Where secrets live: encrypted at rest by the OS (Electron safeStorage) in the app. */
export interface SecretVault {
  get(name: SecretName): Promise<string | undefined>;
  /** Must be durable when it resolves: a crash right after loses nothing. */
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  /**
   * How the vault protects secrets. `plaintext` is Linux without a keyring (safeStorage's
   * `basic_text`): the app warns and keeps the refresh token for the session only unless the
   * user opts in.
   */
  protection(): 'os-encrypted' | 'plaintext' | 'memory';
}

/**
 * A small JSON document that survives restarts (alert episodes, the activity log). `load`
 * resolves with nothing for no document yet, and throws a {@link SetAsideError} for a file it
 * could not use.
 */
export interface JsonStore<T> {
  load(): T | undefined;
  save(value: T): void;
}

/**
 * A stored document that was there but could not be used: not JSON (cut in the middle, damaged)
 * or larger than any the app writes. The store moved it aside to `aside` (null: it could not
 * be moved, and the next save replaces it) and starts empty.
 */
export class SetAsideError extends Error {
  override readonly name = 'SetAsideError';

  constructor(
    readonly why: 'damaged' | 'too-large',
    readonly aside: string | null,
  ) {
    super(`The stored file was ${why === 'damaged' ? 'damaged' : 'too large'}; it was set aside.`);
  }
}

/** An action button on a notification (where the platform supports them). */
export interface NotificationAction {
  id: 'lock';
  label: string;
}

/** A desktop notification as the core asks for it. */
export interface AppNotification {
  /** Stable per alert episode, so a reminder replaces rather than stacks where possible. */
  id: string;
  title: string;
  body: string;
  /** The vehicle it is about: a click opens the popover for it. */
  vin?: string;
  actions?: NotificationAction[];
}

/** Shows desktop notifications. Clicks and actions come back through the AppService intents. */
export interface Notifier {
  show(notification: AppNotification): void;
  /**
   * Takes back the notification with this id, where the platform allows it: the problem it
   * spoke of is over (the door closed, the car locked), so it should not sit there still.
   */
  withdraw(id: string): void;
}

/** Opens a URL in the system browser (never in an app window). */
export interface BrowserOpener {
  open(url: string): Promise<void>;
}

/** Structured logs. Callers never pass secrets; the shell may redact again on the way out. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (tests, the CLI without --verbose). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, timerDelay(ms)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Registers the global lock shortcut (Electron globalShortcut in the app). */
export interface ShortcutRegistrar {
  /**
   * Replaces the registered accelerator with `accelerator` (empty string: none). On failure
   * (taken by another app, unsupported on Wayland, not a valid accelerator) the previous one
   * stays registered, and `reason` says why in words.
   */
  register(accelerator: string, onPress: () => void): { ok: true } | { ok: false; reason: string };
}

/**
 * Demo mode's stand-in for Volvo: a Connected Vehicle API and a Volvo ID on this computer,
 * started when the person chooses the demo. The composition roots supply it (the embedded
 * simulator); the core only signs in to it like any other Volvo ID and drives its controls.
 */
export interface DemoBackend {
  /** 'http://127.0.0.1:PORT': both the API and its Volvo ID. */
  readonly baseUrl: string;
  /** The OAuth client registered there (HTTP Basic at its token endpoint). */
  readonly client: { id: string; secret: string };
  /** A VCC API key it accepts. */
  readonly apiKey: string;
  /** The demo cars. */
  readonly vins: readonly string[];
  /** Carries out a demo action on car `vin` (ignored for API faults); throws in words. */
  apply(action: DemoAction, vin: string): void;
  /** Stops it and drops its connections. */
  close(): Promise<void>;
}

/** Starts a {@link DemoBackend} on the app's clock. */
export type StartDemoBackend = (options: { clock: Clock; logger: Logger }) => Promise<DemoBackend>;
