import { SETTINGS_VERSION } from '../core/settings';

/**
 * Settings file migrations, keyed by the `version` they produce. A file at version N passes
 * through migrations N+1 .. target in order; each takes the raw object of the previous version
 * (untrusted: the per-key repair in `loadSettings` runs afterwards). Version 1 is the first
 * format, so there is nothing to migrate yet: add `2: (raw) => ...` when the format changes.
 */
export type SettingsMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

export const SETTINGS_MIGRATIONS: Readonly<Record<number, SettingsMigration>> = {};

export interface MigratedSettings {
  raw: Record<string, unknown>;
  /** True when the raw object changed (it should be written back). */
  migrated: boolean;
  problems: string[];
}

/** Brings a raw settings object up to `targetVersion`. */
export function migrateSettings(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, SettingsMigration>> = SETTINGS_MIGRATIONS,
  targetVersion: number = SETTINGS_VERSION,
): MigratedSettings {
  const version = raw.version;
  // A file without a version predates versioning or was hand-edited: read it as the current one.
  if (version === undefined) return { raw, migrated: false, problems: [] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      raw: { ...raw, version: targetVersion },
      migrated: true,
      problems: [
        `The settings file had an invalid format version (${JSON.stringify(version)}); it was read as the current format.`,
      ],
    };
  }
  if (version > targetVersion) {
    return {
      raw: { ...raw, version: targetVersion },
      migrated: true,
      problems: [
        `The settings file comes from a newer volvo-tray (format ${version}); settings this version does not know are ignored.`,
      ],
    };
  }
  let current = raw;
  for (let next = version + 1; next <= targetVersion; next++) {
    const migration = migrations[next];
    current = { ...(migration ? migration(current) : current), version: next };
  }
  return { raw: current, migrated: version !== targetVersion, problems: [] };
}
