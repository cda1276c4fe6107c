import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { createElectronBrowserOpener, isAllowedExternalUrl } from './browser-opener';
import { fake, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

beforeEach(() => resetFakeElectron());

const LOGIN =
  'https://volvoid.eu.volvocars.com/as/authorization.oauth2?response_type=code&client_id=abc&code_challenge=x&code_challenge_method=S256';
const SIMULATOR_LOGIN = 'http://127.0.0.1:43123/as/authorization.oauth2?client_id=demo';

describe('isAllowedExternalUrl', () => {
  it.each([LOGIN, 'https://developer.volvocars.com/apis/connected-vehicle/v2/overview/'])(
    'allows %s',
    (url) => {
      expect(isAllowedExternalUrl(url, { allowLoopbackAuthorize: false })).toBe(true);
    },
  );

  it.each([
    'http://volvoid.eu.volvocars.com/as/authorization.oauth2',
    'https://volvoid.eu.volvocars.com.evil.example/as/authorization.oauth2',
    'https://evil.example/?next=https://volvoid.eu.volvocars.com',
    'https://user:pass@volvoid.eu.volvocars.com/',
    'https://evil.example@volvoid.eu.volvocars.com/',
    'https://volvoid.eu.volvocars.com./',
    'https://volvoid.eu.volvocars.com%2eevil.example/',
    'https://volvoid.eu.volvocars.com%40evil.example/',
    'https://volvoid.eu.volvocars.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, { allowLoopbackAuthorize: true })).toBe(false);
  });

  it('allows the simulator authorize page on the loopback address in demo mode only', () => {
    expect(isAllowedExternalUrl(SIMULATOR_LOGIN, { allowLoopbackAuthorize: true })).toBe(true);
    expect(isAllowedExternalUrl(SIMULATOR_LOGIN, { allowLoopbackAuthorize: false })).toBe(false);
    for (const url of [
      'http://127.0.0.1:43123/_simulator/state',
      'http://localhost:43123/as/authorization.oauth2',
      'http://10.0.0.5:43123/as/authorization.oauth2',
      'http://127.0.0.1/as/authorization.oauth2',
    ]) {
      expect(isAllowedExternalUrl(url, { allowLoopbackAuthorize: true })).toBe(false);
    }
  });
});

describe('the Electron browser opener', () => {
  it('opens allowed URLs in the system browser', async () => {
    const opener = createElectronBrowserOpener({ isDemoMode: () => false, logger: silentLogger });
    await opener.open(LOGIN);
    expect(fake.openedExternal).toEqual([LOGIN]);
  });

  it('refuses anything else with a sentence, opening nothing', async () => {
    const opener = createElectronBrowserOpener({ isDemoMode: () => false, logger: silentLogger });
    await expect(opener.open('file:///Applications/Calculator.app')).rejects.toThrow(
      'volvo-tray only opens the Volvo ID sign-in page and the Volvo developer portal in your browser.',
    );
    await expect(opener.open(SIMULATOR_LOGIN)).rejects.toThrow();
    expect(fake.openedExternal).toEqual([]);
  });

  it('hands the browser the URL exactly as it was checked, not as written', async () => {
    const opener = createElectronBrowserOpener({ isDemoMode: () => false, logger: silentLogger });
    await opener.open('HTTPS://VOLVOID.EU.VOLVOCARS.COM\\@evil.example/');
    expect(fake.openedExternal).toEqual(['https://volvoid.eu.volvocars.com/@evil.example/']);
  });

  it('asks whether demo mode is on at each open', async () => {
    let demo = true;
    const opener = createElectronBrowserOpener({ isDemoMode: () => demo, logger: silentLogger });
    await opener.open(SIMULATOR_LOGIN);
    demo = false;
    await expect(opener.open(SIMULATOR_LOGIN)).rejects.toThrow();
    expect(fake.openedExternal).toEqual([SIMULATOR_LOGIN]);
  });
});
