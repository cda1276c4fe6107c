import { execFileSync } from 'node:child_process';

/** The Playwright project that runs the layout specs in the wide font (`wide.conf`). */
export const WIDE_FONT_PROJECT = 'browser-wide-font';

/** Why that project skips, where the font is missing. */
export const NO_WIDE_FONT =
  'URW Gothic (Debian fonts-urw-base35, which .ci/run installs) is not installed: the layout specs ran in the default font only.';

/** Whether fontconfig knows the wide font the second layout run uses. */
export function hasWideFont(): boolean {
  try {
    return execFileSync('fc-list', ['URW Gothic', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
