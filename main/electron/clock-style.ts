import type { App, SystemPreferences } from 'electron';
import { type ClockStyle, clockStyleOf } from '../../shared/words/time';

/**
 * How this computer writes a time of day: the OS's regional locale (`app.getSystemLocale()`,
 * not the UI language), and on macOS the 12/24-hour switch of System Settings, which can
 * differ from the locale's habit. Windows and Linux fold that choice into the locale.
 */
export function systemClockStyle(
  app: Pick<App, 'getSystemLocale'>,
  preferences: Pick<SystemPreferences, 'getUserDefault'>,
  platform: NodeJS.Platform,
): ClockStyle {
  return clockStyleOf(app.getSystemLocale(), platform === 'darwin' ? macHour12(preferences) : null);
}

/** An unset default reads as false, so each switch says only that it is on. */
function macHour12(preferences: Pick<SystemPreferences, 'getUserDefault'>): boolean | null {
  if (preferences.getUserDefault('AppleICUForce24HourTime', 'boolean') === true) return false;
  if (preferences.getUserDefault('AppleICUForce12HourTime', 'boolean') === true) return true;
  return null;
}
