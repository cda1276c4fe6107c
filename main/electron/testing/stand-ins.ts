import { EventEmitter } from 'node:events';

/**
 * What every fake uses to stand in for an Electron object while staying checked against
 * Electron's own declarations (`import type` from `electron`), so a change in Electron's API
 * breaks `npm run typecheck` instead of leaving the tests to pass against a fake that drifted.
 */

/** `E`, when Electron's `T` has an event of that name (one of its `on` overloads takes it). */
type EventOf<T, E extends string> = T extends { on(event: E, listener: never): unknown }
  ? E
  : never;

/**
 * Node's EventEmitter, as Electron's emitters are, whose `emit` (the fake's and the tests') takes
 * only the names of `T`'s events: an event Electron renames or drops fails the typecheck. The
 * payloads and the `on` overloads are not compared; the shell's listeners are typed by Electron
 * where the shell subscribes.
 */
export class FakeEmitter<T> extends EventEmitter {
  override emit<E extends string>(event: E & EventOf<T, E>, ...args: unknown[]): boolean {
    return super.emit(event, ...args);
  }
}

/** An event with `preventDefault`, as Electron passes to cancellable listeners. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A cancellable event, as the tests hand to the shell's listeners. */
export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/**
 * Electron's method type `F`, taking Electron's arguments but answering `R`: a part of what
 * Electron answers (the fields the shell reads), or `unknown` where Electron answers the object
 * itself for chaining, which the shell never does.
 */
export type Answering<F, R = unknown> = F extends (...args: infer A) => unknown
  ? (...args: A) => R
  : never;

/** Electron's property `K` of `T`, holding the fake `V` (a rename in Electron fails the check). */
export type Holding<T, K extends keyof T, V> = { [Name in K]: V };

/** Electron's methods `K` of `T` that answer the object itself, for chaining the shell never does. */
export type Chaining<T, K extends keyof T> = { [Name in K]: Answering<T[Name]> };

/**
 * A callback the shell gave with Electron's signature, as the fake (or a test through it) calls
 * it: `Called` is that signature with stand-ins for the Electron objects a fake cannot make (an
 * event or a WebContents carrying only what the shell reads, any permission name). The one
 * place the fakes step outside Electron's types, on purpose; the tests assert what the shell's
 * callback then does.
 */
export function withStandInArguments<Called extends (...args: never[]) => unknown>(
  callback: (...args: never[]) => unknown,
): Called {
  return callback as Called;
}

/**
 * The fake behind an Electron type the shell passes back (a Menu, a NativeImage): only the fakes
 * make these here, so anything else is a mistake, said at once.
 */
export function madeByFake<T>(value: unknown, Fake: abstract new (...args: never[]) => T): T {
  if (value instanceof Fake) return value;
  throw new TypeError(`Expected a ${Fake.name} made by the fake electron.`);
}
