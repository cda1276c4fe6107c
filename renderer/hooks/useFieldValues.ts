import { useState } from 'react';

/** Each wrong field's message, by field. */
export type FieldErrors<V> = Partial<Record<keyof V, string>>;

/**
 * A form's values as typed and its messages: `set(key)` gives a field's change handler, which
 * also clears that field's message (and calls `edited`, e.g. to clear a "Saved.").
 */
export function useFieldValues<V extends object>(initial: () => V, edited?: () => void) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setErrors((current) => ({ ...current, [key]: undefined }));
      edited?.();
    };
  return { values, setValues, errors, setErrors, set };
}

/** Moves focus to the first wrong field (errors are collected in the form's visual order). */
export function focusFirstError<V>(errors: FieldErrors<V>, fieldId: (key: string) => string): void {
  const first = Object.keys(errors)[0];
  if (first) document.getElementById(fieldId(first))?.focus();
}
