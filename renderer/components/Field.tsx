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
  /** A unit shown after the input ("minutes"); such a field puts its label beside the input. */
  unit?: string;
  /** Indented under the checkbox it belongs to ("after 5 minutes"). */
  nested?: boolean;
  placeholder?: string;
  maxLength?: number;
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
  nested = false,
  placeholder,
  maxLength,
}: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const layout = `field${unit ? ' field-inline' : ''}${nested ? ' field-nested' : ''}`;
  return (
    <div className={layout}>
      <label htmlFor={id}>{label}</label>
      <span className="field-control">
        <input
          id={id}
          name={id}
          type={type === 'number' ? 'text' : type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          maxLength={maxLength}
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

/** The Connected Vehicle API version: v2 today, v1 for the few who still have it. */
export function ApiVersionField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: 'v1' | 'v2';
  onChange: (version: 'v1' | 'v2') => void;
}) {
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value === 'v1' ? 'v1' : 'v2')}
      >
        <option value="v2">v2 (current)</option>
        <option value="v1">v1 (removed in 2024)</option>
      </select>
    </div>
  );
}
