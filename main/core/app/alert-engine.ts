import { z } from 'zod';
import type { Settings } from '../../../shared/settings';
import type { AlertRule, AlertView } from '../../../shared/snapshot';
import type { Clock, JsonStore, Notifier } from '../ports';
import { epochMsSchema, tolerantList } from '../stored-values';
import type { AlertCondition, ClearedText, RuleEvaluation } from './alert-rules';
import { iso } from './time-words';

/**
 * Turns conditions into episodes: an episode starts when a condition has held for its
 * threshold and ends when it no longer holds. One notification per episode, a reminder every
 * `remindAfterMinutes` while it lasts, and a "cleared" notification if the user wants one.
 * Episodes are persisted, so a restart in the middle of one does not notify again.
 */

const ALERT_RULES = [
  'door-open',
  'unlocked',
  'window-open-while-locked',
  'sign-in-expired',
  'quota-out',
  'engine-running',
  'tank-lid-open',
] as const satisfies readonly AlertRule[];

const episodeSchema = z.object({
  id: z.string().max(200),
  /** A VIN, or "app" for sign-in and quota. */
  scope: z.string().max(17),
  rule: z.enum(ALERT_RULES),
  since: epochMsSchema,
  notifiedAt: epochMsSchema.nullable(),
  lastNotifiedAt: epochMsSchema.nullable(),
  title: z.string().max(500),
  message: z.string().max(2000),
});
type Episode = z.infer<typeof episodeSchema>;

/** At most one episode per car and rule: more than any account's cars can have. */
const MAX_EPISODES = 500;

export const alertStateSchema = z.object({ episodes: tolerantList(episodeSchema, MAX_EPISODES) });
export type AlertState = z.infer<typeof alertStateSchema>;

export type AlertEvent = 'alert' | 'reminder' | 'cleared';

export interface AlertEngineOptions {
  clock: Clock;
  notifier: Notifier;
  store: JsonStore<AlertState>;
  settings: () => Settings['alerts'];
  /** Every notification sent, for the activity log. */
  onEvent?(event: AlertEvent, episode: Readonly<Episode>): void;
  /** The car a scope is about, for notification titles; undefined for the app's own alerts. */
  carName?(scope: string): string | undefined;
}

/** What to do about each car problem, said in its notification after what is wrong. */
const ADVICE: Partial<Record<AlertRule, string>> = {
  'door-open': 'Close it at the car; the car cannot lock while it is open.',
  unlocked: 'Lock it from volvo-tray or with the shortcut.',
  'window-open-while-locked': 'Close it at the car: windows cannot be closed remotely.',
  'engine-running': 'Check on the car: an engine left running in a garage is dangerous.',
  'tank-lid-open': 'Close it at the car.',
};

export interface AlertEngine {
  /** Applies the latest evaluation for one scope (a VIN, or "app") and notifies what is due. */
  update(scope: string, evaluation: RuleEvaluation): void;
  /** The alerts of one scope, oldest first. */
  active(scope: string): AlertView[];
  /** Forgets, without notifying, the episodes of scopes not in `scopes` and of rules switched off. */
  retain(scopes: readonly string[]): void;
}

const ruleEnabled = (alerts: Settings['alerts'], rule: AlertRule): boolean => {
  switch (rule) {
    case 'door-open':
      return alerts.doorOpen.enabled;
    case 'unlocked':
      return alerts.unlocked.enabled;
    case 'window-open-while-locked':
      return alerts.windowOpenWhileLocked.enabled;
    case 'sign-in-expired':
      return alerts.signInExpired.enabled;
    case 'quota-out':
      return alerts.quotaOut.enabled;
    case 'engine-running':
      return alerts.engineRunning.enabled;
    case 'tank-lid-open':
      return alerts.tankLidOpen.enabled;
  }
};

export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const { clock, notifier } = options;
  let episodes = onePerRule(options.store.load()?.episodes ?? []);
  /** When each pending condition's unbroken run began (earliest time seen for it). Not persisted. */
  const firstSeen = new Map<string, number>();

  const save = () => options.store.save({ episodes });
  const keyOf = (scope: string, rule: AlertRule) => `${scope}|${rule}`;
  const vinOf = (scope: string) => (scope === 'app' ? undefined : scope);

  const notify = (episode: Episode, event: 'alert' | 'reminder', lockAction: boolean) => {
    // The title says which car and what is wrong; the body what happened and what to do.
    const car = options.carName?.(episode.scope);
    const title = car && !episode.title.includes(car) ? `${car}: ${episode.title}` : episode.title;
    const advice = ADVICE[episode.rule];
    notifier.show({
      id: episode.id,
      title: event === 'reminder' ? `Reminder: ${title}` : title,
      body: advice ? `${episode.message} ${advice}` : episode.message,
      vin: vinOf(episode.scope),
      ...(lockAction ? { actions: [{ id: 'lock', label: 'Lock now' }] } : {}),
    });
    options.onEvent?.(event, episode);
  };
  const notifyCleared = (episode: Episode, text: ClearedText) => {
    notifier.show({
      id: `${episode.id}:cleared`,
      title: text.title,
      body: text.body,
      vin: vinOf(episode.scope),
    });
    options.onEvent?.('cleared', episode);
  };

  const open = (scope: string, condition: AlertCondition, since: number, now: number): Episode => ({
    id: `${scope}:${condition.rule}:${since}`,
    scope,
    rule: condition.rule,
    since,
    notifiedAt: now,
    lastNotifiedAt: now,
    title: condition.title,
    message: condition.message(now - since),
  });

  return {
    update(scope, evaluation) {
      const now = clock.now();
      const alerts = options.settings();
      const remindMs = alerts.remindAfterMinutes * 60_000;
      let changed = false;
      for (const rule of evaluation.evaluated) {
        const key = keyOf(scope, rule);
        const condition = evaluation.conditions.find((candidate) => candidate.rule === rule);
        const episode = episodes.find(
          (candidate) => candidate.scope === scope && candidate.rule === rule,
        );
        if (!condition) {
          firstSeen.delete(key);
          if (episode) {
            episodes = episodes.filter((candidate) => candidate !== episode);
            changed = true;
            // The problem is over: its notification should not still be on screen.
            if (episode.notifiedAt !== null) notifier.withdraw(episode.id);
            const text = evaluation.cleared[rule];
            if (alerts.notifyCleared && episode.notifiedAt !== null && text)
              notifyCleared(episode, text);
          }
          continue;
        }
        // Volvo's timestamps are the car's last upload and move at every upload, so a condition
        // dates from the earliest time of its unbroken run (or when first seen), not the latest.
        const seen = firstSeen.get(key);
        const runStart = Math.min(seen ?? Number.POSITIVE_INFINITY, condition.since ?? now);
        firstSeen.set(key, runStart);
        // A car clock ahead of ours must not make a condition look younger than zero.
        const since = Math.min(now, episode?.since ?? runStart);
        if (episode) {
          // The message ("open for 7 min") is refreshed on every poll but only kept in memory:
          // writing the state file each time would be one durable write per poll for words the
          // next poll after a restart recomputes anyway.
          episode.message = condition.message(now - since);
          if (episode.title !== condition.title) {
            episode.title = condition.title;
            changed = true;
          }
          // A wall clock stepped back would hold the reminder off for as long as the step.
          if (episode.lastNotifiedAt !== null && episode.lastNotifiedAt > now) {
            episode.lastNotifiedAt = now;
            changed = true;
          }
          const last = episode.lastNotifiedAt;
          if (remindMs > 0 && last !== null && now - last >= remindMs) {
            episode.lastNotifiedAt = now;
            changed = true;
            notify(episode, 'reminder', condition.lockAction);
          }
          continue;
        }
        if (now - since >= condition.thresholdMs) {
          const started = open(scope, condition, since, now);
          episodes = [...episodes, started];
          changed = true;
          notify(started, 'alert', condition.lockAction);
        }
      }
      if (changed) save();
    },
    active(scope) {
      return episodes
        .filter((episode) => episode.scope === scope)
        .sort((a, b) => a.since - b.since)
        .map((episode) => ({
          id: episode.id,
          rule: episode.rule,
          title: episode.title,
          message: episode.message,
          since: iso(episode.since),
          notified: episode.notifiedAt !== null,
        }));
    },
    retain(scopes) {
      const alerts = options.settings();
      const kept = episodes.filter(
        (episode) => scopes.includes(episode.scope) && ruleEnabled(alerts, episode.rule),
      );
      if (kept.length !== episodes.length) {
        episodes = kept;
        save();
      }
    },
  };
}

/** The last episode written of each scope and rule: an edited file may repeat one. */
function onePerRule(loaded: Episode[]): Episode[] {
  const byRule = new Map<string, Episode>();
  for (const episode of loaded) byRule.set(`${episode.scope}|${episode.rule}`, episode);
  return [...byRule.values()];
}
