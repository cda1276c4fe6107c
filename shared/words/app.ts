/**
 * The app's own sentences about the connection and the cars, keyed, in one place: the core says
 * them, the popover and the CLI show them. (Part names and the lock are in `parts.ts`, times in
 * `time.ts`, the sign-in's sentences in `sign-in.ts`, form fields in `fields.ts`.)
 */
export const APP_WORDS = {
  noCars:
    'No cars are linked to this Volvo ID. Add your car to it in the Volvo Cars app, then sign in again.',
  signInFirst: 'Sign in to Volvo first.',
  signInFailed: 'The sign-in did not work. Try again.',
  startupSignInFailed: 'The sign-in at start-up did not work. Sign in again in Settings.',
  settingsUnreadable:
    'The settings could not be read, so every setting is at its default for now. Changing one saves them all again.',
  apiKeyMissing:
    'The saved VCC API key could not be found, so volvo-tray is signed out. Sign in again.',
  demoOnly:
    'The demo controls only work with the demo car. Choose "Try demo mode" in Settings to use them.',
  noSuchCar: (vin: string) => `There is no car with VIN ${vin} on this Volvo ID.`,
  noSuchDemoCar: (vin: string) => `The demo has no car with VIN ${vin}.`,
  listingFailed: (reason: string) =>
    `Could not list the cars on this Volvo ID: ${reason} volvo-tray tries again by itself.`,
  noReducedGuard: (car: string) => `${car} does not support locking with reduced guard.`,
  noFindMyCar: (car: string) =>
    `${car} does not offer honk and flash (Volvo does not list it for this car).`,

  // Checks paused, and why: `when` is a time in words ("at 08:05 (in 5 min)"), `budget` a count.
  pausedRateLimited: (when: string) =>
    `Volvo asked volvo-tray to slow down (too many requests). Checks resume ${when}.`,
  pausedQuota: (when: string) =>
    `Volvo's daily request quota for your VCC API key is used up. Checks resume ${when}, when Volvo replenishes it; volvo-tray asks once an hour in case it comes back sooner.`,
  pausedBudget: (budget: string, when: string) =>
    `Today's budget of ${budget} requests is used up (the last few are kept for lock and unlock). Checks resume ${when}; you can raise the budget in Settings.`,
  budgetSpentForCommands: (budget: string, when: string) =>
    `Today's budget of ${budget} requests is used up, so lock and unlock work again ${when}. You can raise the budget in Settings.`,

  // The activity log.
  checksPaused: (reason: string) => `Car checks paused: ${reason}`,
  checksResumed: 'Car checks resumed',
  alertRaised: (message: string) => `Alert: ${message}`,
  alertReminder: (message: string) => `Reminder: ${message}`,
  alertCleared: (title: string) => `Cleared: ${title}`,
  signInExpired: 'Sign-in expired',

  // How the sign-in is kept on this computer.
  secretsOnDiskAllowed:
    'This computer has no keyring, so your sign-in is stored on disk without encryption, as you allowed in Settings.',
  secretsInMemory:
    'Your sign-in is kept in memory only, so you will sign in again after volvo-tray restarts.',

  // A settings file that could not be written; each follows "Nothing was saved: ".
  settingsDiskFull: 'the disk is full. Free some space, then save again.',
  settingsReadOnly:
    'the folder volvo-tray keeps its settings in is read-only. Make it writable, then save again.',
  settingsNotAllowed:
    'volvo-tray may not write to the folder it keeps its settings in. Check its permissions, then save again.',
  settingsNotWritten: (detail: string) =>
    `the settings file could not be written (${detail}). Save again in a moment.`,
  /** A change made elsewhere (a sign-in, the car chosen) that is in force but not on disk. */
  settingsKeptUnsaved: (reason: string) =>
    `A settings change could not be saved, so it lasts only until volvo-tray quits: ${reason}`,

  /** The state file (activity log, alerts, the day's request count) refuses writes. */
  stateNotSaved: (reason: string) =>
    `volvo-tray could not save its activity log and alerts (${reason}). It goes on and saves them once it can.`,
  /** The state file could not be used at start; `kept`: where the old one is, if anywhere. */
  stateSetAside: (why: 'damaged' | 'too-large', kept: string | null) =>
    `volvo-tray could not read its saved activity log and alerts (the file was ${why === 'damaged' ? 'damaged' : 'larger than any volvo-tray writes'}), so they start afresh.${kept === null ? '' : ` The old file is kept as ${kept}.`}`,

  // A settings change the core refused; `name` is the setting's path ("polling.slowSeconds").
  settingsInvalid: 'Those settings are not valid.',
  settingAtLeast: (name: string, min: string) => `The setting "${name}" must be at least ${min}.`,
  settingAtMost: (name: string, max: string) => `The setting "${name}" must be at most ${max}.`,
  noSuchSetting: (name: string) => `There is no setting called "${name}".`,
  settingNotValid: (name: string, why: string) => `The setting "${name}" is not valid: ${why}.`,
} as const;
