import type { Snapshot } from '../../../shared/snapshot';
import { APP_WORDS } from '../../../shared/words/app';
import { MESSAGES } from '../../../shared/words/sign-in';
import type { AuthSession } from '../auth/types';
import type { Clock } from '../ports';
import type { ActivityLog } from './activity-log';
import type { AppState } from './app-state';
import { askWarningsAgain } from './car-warnings';
import type { CommandRequest, CommandRun, CommandRunner } from './command-runner';
import type { Connector } from './connection';
import type { ConnectionLifecycle } from './connection-lifecycle';
import type { PollScheduler } from './poll-scheduler';
import type { SettingsFlow } from './settings-flow';
import type { CoreIntents } from './types';
import type { UnlockConfirmations } from './unlock-confirmations';
import type { VehicleRecord } from './vehicle-record';
import type { VehicleRoster } from './vehicle-roster';

export interface CoreIntentsOptions {
  clock: Clock;
  state: AppState;
  auth: AuthSession;
  connector: Connector;
  roster: VehicleRoster;
  scheduler: PollScheduler;
  commands: CommandRunner;
  unlockConfirmations: UnlockConfirmations;
  lifecycle: ConnectionLifecycle;
  settings: SettingsFlow;
  activity: ActivityLog;
  snapshot(): Snapshot;
  changed(): void;
}

/**
 * What the person asks of the core from the popover and the tray menu. Arguments arrive
 * validated by the IPC layer; each intent still checks what only the core knows (the car
 * exists, the sign-in allows it) and says what is wrong in words.
 */
export function createCoreIntents(options: CoreIntentsOptions): CoreIntents {
  const { state, auth, roster, scheduler, commands, changed } = options;
  const watchedVins = () => roster.watched().map((record) => record.vin);

  const requireVehicle = (vin: string): VehicleRecord => {
    const record = roster.find(vin);
    if (!record) throw new Error(APP_WORDS.noSuchCar(vin.toUpperCase()));
    return record;
  };
  const requireConnected = () => {
    if (state.link === null) throw new Error(APP_WORDS.signInFirst);
  };
  /** Lock and unlock need the command scopes: a status-only sign-in says so before sending. */
  const requireCommands = () => {
    requireConnected();
    if (!auth.state().commandsAllowed) throw new Error(MESSAGES.statusOnly);
  };
  const runFromPopover = async (request: CommandRequest): Promise<CommandRun> => {
    requireCommands();
    return commands.run(request);
  };

  return {
    getSnapshot: options.snapshot,
    async refresh() {
      requireConnected();
      await scheduler.refresh(watchedVins());
    },
    async selectVehicle(vin) {
      const record = requireVehicle(vin);
      roster.select(record.vin);
      options.settings.save({ ...state.settings, selectedVin: record.vin });
      changed();
    },
    async lock(vin, lockOptions) {
      const record = requireVehicle(vin);
      if (lockOptions?.reducedGuard && !record.capabilities.lockReducedGuard) {
        throw new Error(APP_WORDS.noReducedGuard(record.name));
      }
      await runFromPopover({
        vin: record.vin,
        command: lockOptions?.reducedGuard ? 'lock-reduced-guard' : 'lock',
        source: 'popover',
      });
    },
    async prepareUnlock(vin) {
      const record = requireVehicle(vin);
      requireCommands();
      return options.unlockConfirmations.issue(record.vin);
    },
    async unlock(vin, token) {
      const record = requireVehicle(vin);
      options.unlockConfirmations.redeem(record.vin, token);
      await runFromPopover({
        vin: record.vin,
        command: 'unlock',
        source: 'popover',
        unlockDuration: state.settings.unlockDurationSeconds,
      });
    },
    // Find my car: from the popover only (the shortcut and notifications lock, nothing else).
    async findMyCar(vin) {
      const record = requireVehicle(vin);
      requireConnected();
      if (!record.capabilities.findMyCar) {
        throw new Error(APP_WORDS.noFindMyCar(record.name));
      }
      if (!auth.state().findMyCarAllowed) throw new Error(MESSAGES.findMyCarWithheld);
      await commands.run({ vin: record.vin, command: 'honk-flash', source: 'popover' });
    },
    signIn: (request) => options.lifecycle.signIn(request),
    signOut: () => options.lifecycle.signOut(),
    getSettings: () => state.settings,
    async updateSettings(patch) {
      return options.settings.update(patch);
    },
    async setShortcut(accelerator) {
      return options.settings.setShortcut(accelerator);
    },
    setPopoverOpen(open) {
      state.popoverOpen = open;
      if (open && state.link !== null) {
        const now = options.clock.now();
        const limit = state.settings.polling.refreshOnOpenSeconds * 1000;
        // A reading "from the future" means the wall clock stepped back: its age is unknown.
        const old = roster
          .watched()
          .filter(
            (record) =>
              record.fetchedAt === null || now - record.fetchedAt > limit || record.fetchedAt > now,
          );
        for (const record of old) state.windowsAsked.add(record.vin);
        if (old.length > 0) void scheduler.refresh(old.map((record) => record.vin));
      }
      scheduler.reschedule();
      changed();
    },
    getActivity: (vin) => options.activity.entries(vin.toUpperCase()),
    async demo(action) {
      const vin = options.connector.demo(action, roster.selected());
      const record = roster.find(vin);
      if (action.kind === 'brake-light' && record) askWarningsAgain(record.warnings);
      // In the demo, show the change at once rather than at the next poll; it may be a window.
      if (action.kind !== 'fault' && record?.watched) {
        state.windowsAsked.add(vin);
        void scheduler.refresh([vin], { afterInFlight: true });
      }
      changed();
    },
  };
}
