/**
 * What a person is told about a connection field they typed, in one place: the contract's
 * schemas, the session's own checks and the popover's form checks all say the same. Plain
 * strings (no zod, no Node), so the renderer imports them at no cost to its bundle.
 */
export const FIELD_MESSAGES = {
  vin: 'A VIN is 17 letters and digits (no I, O or Q).',
  apiKeyMissing: 'Enter the VCC API key of your Volvo developer app.',
  apiKeyShape:
    'The VCC API key is the long code of letters and digits from your Volvo developer app.',
  clientIdMissing: 'Enter the client id of your Volvo developer app.',
  clientIdTooLong: 'That client id is too long (200 characters at most).',
  clientSecretTooLong: 'That client secret is too long (500 characters at most).',
  accessTokenMissing: 'Paste the whole test access token from the Volvo developer portal.',
  accessTokenTooLong: 'That test access token is too long.',
  redirectPortNumber: 'The redirect port must be a whole number.',
  redirectPortRange: 'The redirect port must be between 1024 and 65535.',
} as const;
