import type { ReactNode } from 'react';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The message shown under the field when it is wrong. */
  error?: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'number';
  /** A unit shown after the input ("minutes"). */
  unit?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
}

/** A labelled input with its hint and error wired up for assistive tech. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  unit,
  autoComplete = 'off',
  inputMode,
}: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${unit ? ' field-inline' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="field-control">
        <input
          id={id}
          name={id}
          type={type === 'number' ? 'text' : type}
          inputMode={type === 'number' ? 'numeric' : inputMode}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          autoComplete={autoComplete}
          spellCheck={false}
        />
        {unit ? <span className="field-unit">{unit}</span> : null}
      </span>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface CheckFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox. */
export function CheckField({ id, label, checked, onChange }: CheckFieldProps) {
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
