import { describe, expect, it } from 'vitest';
import { VOLVO_SCOPES } from './types';
import { VOLVO_ID_ISSUER, validateVolvoIdConfig, volvoIdConfig } from './volvo-id';

describe('volvoIdConfig', () => {
  it("uses Volvo ID's endpoint paths under the issuer", () => {
    expect(volvoIdConfig(VOLVO_ID_ISSUER, 'my-app', 'secret', 8765)).toEqual({
      issuer: 'https://volvoid.eu.volvocars.com',
      authorizationEndpoint: 'https://volvoid.eu.volvocars.com/as/authorization.oauth2',
      tokenEndpoint: 'https://volvoid.eu.volvocars.com/as/token.oauth2',
      clientId: 'my-app',
      clientSecret: 'secret',
      redirectPort: 8765,
      scopes: VOLVO_SCOPES,
    });
  });

  it('makes a public client when there is no secret', () => {
    const config = volvoIdConfig('http://127.0.0.1:4000/', 'public-app', undefined, 0);
    expect(config.issuer).toBe('http://127.0.0.1:4000');
    expect('clientSecret' in config).toBe(false);
  });
});

describe('validateVolvoIdConfig', () => {
  const good = volvoIdConfig(VOLVO_ID_ISSUER, 'my-app', undefined, 8765);

  it('accepts a good configuration', () => {
    expect(validateVolvoIdConfig(good)).toEqual(good);
  });

  it('says what is wrong with each bad field', () => {
    expect(() => validateVolvoIdConfig({ ...good, clientId: ' ' })).toThrow(
      'Enter the client id of your Volvo developer app.',
    );
    expect(() => validateVolvoIdConfig({ ...good, redirectPort: 80 })).toThrow(
      'between 1024 and 65535',
    );
    expect(() => validateVolvoIdConfig({ ...good, redirectPort: 70000 })).toThrow(
      'between 1024 and 65535',
    );
    expect(() => validateVolvoIdConfig({ ...good, issuer: 'volvoid' })).toThrow(
      'The Volvo ID address (issuer) must be a web address',
    );
    expect(() =>
      validateVolvoIdConfig({ ...good, tokenEndpoint: 'http://volvoid.example/token' }),
    ).toThrow('must use https://');
  });

  it('drops an empty client secret (a public client)', () => {
    expect(validateVolvoIdConfig({ ...good, clientSecret: '' })).not.toHaveProperty('clientSecret');
  });
});
