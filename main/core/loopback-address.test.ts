import { describe, expect, it } from 'vitest';
import { isLoopbackHttp } from './loopback-address';

describe('isLoopbackHttp', () => {
  it('allows plain http only to this computer', () => {
    expect(isLoopbackHttp('http://127.0.0.1:5000/as/token.oauth2')).toBe(true);
    expect(isLoopbackHttp('http://localhost:5000')).toBe(true);
    expect(isLoopbackHttp('http://volvoid.eu.volvocars.com')).toBe(false);
    expect(isLoopbackHttp('https://127.0.0.1:5000')).toBe(false);
    expect(isLoopbackHttp('http://[::1]:5000')).toBe(true);
    expect(isLoopbackHttp('not an address')).toBe(false);
  });
});
