import { describe, expect, it } from 'vitest';
import { systemClockStyle } from './clock-style';

const app = (locale: string) => ({ getSystemLocale: () => locale });
const mac = (defaults: Record<string, boolean>) => ({
  getUserDefault: ((key: string) => defaults[key] ?? false) as never,
});

describe('the clock style of this computer', () => {
  it('follows the regional locale, and the Mac’s 12/24-hour switch where it is set', () => {
    expect(systemClockStyle(app('en-US'), mac({}), 'darwin')).toEqual({
      locale: 'en-US',
      hour12: null,
    });
    expect(
      systemClockStyle(app('en-US'), mac({ AppleICUForce24HourTime: true }), 'darwin'),
    ).toEqual({ locale: 'en-US', hour12: false });
    expect(
      systemClockStyle(app('en-GB'), mac({ AppleICUForce12HourTime: true }), 'darwin'),
    ).toEqual({ locale: 'en-GB', hour12: true });
  });

  it('reads no Mac defaults elsewhere, and survives a locale the OS garbles', () => {
    const untouched = {
      getUserDefault: (() => {
        throw new Error('not on this OS');
      }) as never,
    };
    expect(systemClockStyle(app('sv-SE'), untouched, 'linux')).toEqual({
      locale: 'sv-SE',
      hour12: null,
    });
    expect(systemClockStyle(app(''), untouched, 'win32')).toEqual({
      locale: 'en-GB',
      hour12: null,
    });
  });
});
