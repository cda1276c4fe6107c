import type { Settings } from '../../../shared/settings';
import type { Doors } from '../../../shared/vehicle';
import { durationInWords } from '../../../shared/words/time';
import type { AlertCondition, ClearedText } from './alert-rules';
import { tankLidOpen } from './open-parts';

/**
 * The optional tank lid (or charging lid) rule beside the doors: open for `minutes`. Judged
 * only when switched on and the car reports a tank lid (v2); UNKNOWN gives no verdict.
 */
export function evaluateTankLid(
  name: string,
  doors: Doors | null,
  setting: Settings['alerts']['tankLidOpen'],
): { condition: AlertCondition } | { cleared: ClearedText } | null {
  const lid = doors?.tankLid;
  if (!setting.enabled || lid === undefined || lid.value === 'UNKNOWN') return null;
  if (doors === null || !tankLidOpen(doors)) {
    return {
      cleared: { title: 'Tank lid closed', body: `The tank lid of ${name} is closed now.` },
    };
  }
  const since = lid.timestamp === null ? Number.NaN : Date.parse(lid.timestamp);
  return {
    condition: {
      rule: 'tank-lid-open',
      since: Number.isNaN(since) ? null : since,
      thresholdMs: setting.minutes * 60_000,
      title: 'Tank lid left open',
      message: (elapsed) =>
        `The tank lid of ${name} has been open${elapsed >= 60_000 ? ` for ${durationInWords(elapsed, 'down')}` : ''}.`,
      lockAction: false,
    },
  };
}
