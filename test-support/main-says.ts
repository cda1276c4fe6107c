import { signInRequestSchema } from '../main/core/intent-schemas';
import { defaultSettings, settingsPatchSchema } from '../main/core/settings';
import type { Settings } from '../shared/settings';

/**
 * What main's own schemas say of a value, for the renderer's form tests: they prove the popover
 * builds exactly what main takes (limits, keys, ids) and words a refusal as main does, without
 * the renderer importing main. Null: accepted; else main's first problem with it.
 */
export const mainSays = {
  settingsPatch: (patch: unknown): string | null =>
    settingsPatchSchema.safeParse(patch).error?.issues[0]?.message ?? null,
  signInRequest: (request: unknown): string | null =>
    signInRequestSchema.safeParse(request).error?.issues[0]?.message ?? null,
};

/** Main's default settings, as a first run has them. */
export const mainDefaultSettings: Settings = defaultSettings;
