/** The sentence for a sign-in that has ended; on its own so the popover imports only it. */
export const SIGN_IN_EXPIRED = 'Your Volvo sign-in has expired. Sign in again in Settings.';

/** What the session tells a person, in one place so the wording stays consistent. */
export const MESSAGES = {
  notSignedIn: 'You are not signed in. Sign in with Volvo ID or paste a test access token.',
  expired: SIGN_IN_EXPIRED,
  testTokenExpired:
    'Your test access token has expired. Get a new one from the Volvo developer portal and paste it in Settings.',
  testTokenActive: 'A test access token cannot be renewed: paste a new one when it expires.',
  memoryOnly:
    'This computer has no keyring, so your sign-in is kept only until volvo-tray quits. To stay signed in, allow storing it without encryption in Settings.',
  sessionOnlyLost:
    'Your last sign-in was kept only while volvo-tray ran (this computer has no keyring). Sign in again.',
  savedSignInMissing: 'The saved sign-in could not be found. Sign in again.',
  clientSecretMissing:
    'The client secret of your Volvo developer app is missing. Enter it in Settings and sign in again.',
  signInNotSaved:
    'volvo-tray could not save your sign-in on this computer, so it lasts only until volvo-tray quits.',
  vaultWriteFailed:
    'volvo-tray could not save your renewed sign-in, so it lasts only until volvo-tray quits.',
  stateMismatch:
    'The answer from the sign-in page did not belong to the sign-in volvo-tray started, so it was refused. Start the sign-in again.',
  noRefreshToken:
    'Volvo ID signed you in without a refresh token, so the sign-in would end within minutes. Check that your Volvo developer app may use refresh tokens.',
  superseded: 'The sign-in changed while a token was being renewed.',
  statusOnly:
    "Lock and unlock need Volvo's approval of your developer app (the conve:lock and conve:unlock scopes), which this sign-in does not have: volvo-tray shows the car's state and alerts only.",
  findMyCarWithheld:
    "Find my car (honk and flash) needs Volvo's approval of your developer app for the conve:honk_flash scope, which this sign-in does not have. Once Volvo grants it, tick Find my car on the connect form and sign in again.",
  signOutForgets:
    'Sign out? volvo-tray forgets your sign-in and, on this computer, the client secret and VCC API key of your Volvo developer app: you enter them again to sign in.',
  signOutDemo: 'Leave the demo? The simulated car goes away until you choose the demo again.',
  foreignIssuer:
    'The saved sign-in names a sign-in server other than Volvo ID, so volvo-tray did not use it. Sign in again.',
} as const;
