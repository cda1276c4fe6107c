/** Module hook: `electron` is the fake from main/electron/testing. */
const FAKE = new URL('../../main/electron/testing/fake-electron.ts', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return next(FAKE, context);
  return next(specifier, context);
}
