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
} as const;
