import type { Settings } from '../../../shared/settings';
import type { Clock } from '../ports';
import { type AttentionInput, baseIntervalMs, commandReserve } from './poll-plan';
import { projectedRequests, stretchFor } from './poll-projection';
import type { QuotaCounter } from './quota-counter';

/**
 * Each watched car's polling interval right now: fast or slow by what the car needs, then
 * stretched for all cars alike when the rest of the day, projected as polling will really run it,
 * would not fit in what is left of the budget.
 */
export interface PollBudget {
  intervalMs(vin: string): number;
  /** By how much intervals are stretched now (1: not at all). */
  stretch(): number;
  /** Until when the budget forbids polling (the next quota reset), or null. */
  blockedUntil(): number | null;
}

export function createPollBudget(options: {
  clock: Clock;
  quota: QuotaCounter;
  polling: () => Settings['polling'];
  popoverOpen: () => boolean;
  /** What each watched car needs, by VIN. */
  watched: () => ReadonlyMap<string, AttentionInput>;
}): PollBudget {
  const { clock, quota } = options;
  const base = (vehicle: AttentionInput) =>
    baseIntervalMs(vehicle, options.popoverOpen(), options.polling(), clock.now());
  const forPolls = () => {
    const budget = options.polling().dailyBudget;
    return budget - commandReserve(budget);
  };
  const stretch = () => {
    const now = clock.now();
    let projected = 0;
    for (const vehicle of options.watched().values()) {
      projected += projectedRequests({
        vehicle,
        popoverOpen: options.popoverOpen(),
        polling: options.polling(),
        now,
        until: quota.resetsAt(),
      });
    }
    return stretchFor(projected, forPolls() - quota.usedToday());
  };
  return {
    intervalMs(vin) {
      const vehicle = options.watched().get(vin);
      if (!vehicle) return options.polling().slowSeconds * 1000;
      const interval = base(vehicle);
      // Never past the reset: a new day brings a new budget.
      const untilReset = quota.resetsAt() - clock.now();
      return Math.round(Math.min(interval * stretch(), Math.max(interval, untilReset)));
    },
    stretch,
    blockedUntil: () => (quota.usedToday() >= forPolls() ? quota.resetsAt() : null),
  };
}
