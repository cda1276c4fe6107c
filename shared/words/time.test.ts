import { describe, expect, it } from 'vitest';
import {
  clockStyleOf,
  durationInWords,
  formatAge,
  formatClockTime,
  formatCountdown,
  formatSince,
  msUntil,
  newestTimestamp,
} from './time';

// Local times, so the tests read the same in every time zone.
const now = new Date(2026, 10, 27, 8, 30, 0).getTime();
const local = (h: number, m: number, s = 0, day = 27) =>
  new Date(2026, 10, day, h, m, s).toISOString();

describe('formatAge', () => {
  it('says how old a reading is in words', () => {
    expect(formatAge(local(8, 29, 50), now)).toBe('just now');
    expect(formatAge(local(8, 29, 0), now)).toBe('1 min ago');
    expect(formatAge(local(8, 27, 0), now)).toBe('3 min ago');
    expect(formatAge(local(6, 0, 0), now)).toBe('2 h ago');
    expect(formatAge(local(6, 0, 0, 26), now)).toBe('yesterday');
    expect(formatAge(local(6, 0, 0, 22), now)).toBe('5 days ago');
  });

  it('treats a reading slightly ahead of our clock as fresh and a bad time as unknown', () => {
    expect(formatAge(local(8, 31, 0), now)).toBe('just now');
    expect(formatAge('not a time', now)).toBe('at an unknown time');
  });
});

describe('formatClockTime and formatSince', () => {
  it('shows the time of day today, "yesterday" and a date before that', () => {
    expect(formatClockTime(local(8, 5), now)).toBe('08:05');
    expect(formatClockTime(local(21, 10, 0, 26), now)).toBe('yesterday 21:10');
    expect(formatClockTime(local(21, 10, 0, 24), now)).toBe('24 Nov 21:10');
  });

  it('says which day a time to come is on, when it is not today', () => {
    expect(formatClockTime(local(23, 59), now)).toBe('23:59');
    expect(formatClockTime(local(0, 0, 0, 28), now)).toBe('00:00 tomorrow');
    // A test token that works for weeks yet: its date, not a time that reads as today.
    expect(formatClockTime(new Date(2027, 0, 15, 8, 0).toISOString(), now)).toBe('15 Jan 08:00');
  });

  it('writes the time as the person’s computer does: locale, and the OS’s 12/24-hour switch', () => {
    // ICU puts a narrow no-break space before AM/PM; a person reads a space.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    const us = clockStyleOf('en-US', null);
    expect(plain(formatClockTime(local(8, 5), now, us))).toBe('8:05 AM');
    expect(plain(formatClockTime(local(21, 10, 0, 26), now, us))).toBe('yesterday 9:10 PM');
    expect(plain(formatClockTime(local(21, 10, 0, 24), now, us))).toBe('Nov 24 9:10 PM');
    expect(formatClockTime(local(21, 10), now, clockStyleOf('sv-SE', null))).toBe('21:10');
    // An American who switched the Mac to 24-hour time, and a Briton to 12-hour.
    expect(formatClockTime(local(21, 10), now, clockStyleOf('en-US', false))).toBe('21:10');
    expect(plain(formatClockTime(local(21, 10), now, clockStyleOf('en-GB', true)))).toMatch(
      /^9:10 pm$/i,
    );
  });

  it('takes a locale the OS reports as outside input: a malformed one falls back', () => {
    expect(clockStyleOf('en_US.UTF-8', 'yes')).toEqual({ locale: 'en-GB', hour12: null });
    expect(clockStyleOf('C', null)).toEqual({ locale: 'en-GB', hour12: null });
    expect(clockStyleOf(42, true)).toEqual({ locale: 'en-GB', hour12: true });
    expect(clockStyleOf('de-de', false)).toEqual({ locale: 'de-DE', hour12: false });
  });

  it('says since when', () => {
    expect(formatSince(local(8, 25), now)).toBe('since 08:25');
    expect(formatSince(local(21, 10, 0, 26), now)).toBe('since yesterday 21:10');
  });
});

describe('formatCountdown', () => {
  it('counts down in minutes and seconds and stops at zero', () => {
    expect(formatCountdown(new Date(now + 114_000).toISOString(), now)).toBe('1:54');
    expect(formatCountdown(new Date(now + 8_200).toISOString(), now)).toBe('0:09');
    expect(formatCountdown(new Date(now - 5_000).toISOString(), now)).toBe('0:00');
    expect(formatCountdown('never', now)).toBe('0:00');
    expect(msUntil(new Date(now + 1500).toISOString(), now)).toBe(1500);
    expect(msUntil('never', now)).toBe(0);
  });
});

describe('newestTimestamp', () => {
  it('picks the newest of the car timestamps and skips missing ones', () => {
    expect(
      newestTimestamp([null, '2026-11-27T08:00:00.000Z', undefined, '2026-11-27T08:02:00.000Z']),
    ).toBe('2026-11-27T08:02:00.000Z');
    expect(newestTimestamp([null, 'garbage'])).toBeNull();
  });
});

describe('durationInWords', () => {
  it('rounds time to come up, so "in 3 min" never comes early', () => {
    expect(durationInWords(150_000)).toBe('3 min');
    expect(durationInWords(44_100)).toBe('45 s');
    expect(durationInWords(3.5 * 3_600_000)).toBe('3 h 30 min');
    expect(durationInWords(52 * 3_600_000)).toBe('2 d 4 h');
  });

  it('rounds time that has passed down, so "open for 2 min" never claims more', () => {
    expect(durationInWords(150_000, 'down')).toBe('2 min');
    expect(durationInWords(59_999, 'down')).toBe('59 s');
    expect(durationInWords(-5_000)).toBe('0 s');
  });
});
