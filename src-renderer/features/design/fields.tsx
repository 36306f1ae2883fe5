import { get, useFormContext, type FieldPath } from 'react-hook-form';
import type { SignDesignInputRaw } from '../../../src-shared/engine';
import { Field } from '../../components/Field';

export type DesignForm = SignDesignInputRaw;
type Path = FieldPath<DesignForm>;

/** A number field bound to the design form, with its unit and its error in words. */
export function NumberField({
  name,
  label,
  unit,
  step = 'any',
  hint,
  optional,
}: {
  name: Path;
  label: string;
  unit?: string;
  step?: string;
  hint?: string;
  /** empty means "not given" (undefined) instead of "not a number" */
  optional?: boolean;
}) {
  const {
    register,
    formState: { errors },
  } = useFormContext<DesignForm>();
  return (
    <Field
      label={label}
      unit={unit}
      type="number"
      inputMode="decimal"
      step={step}
      hint={hint}
      error={(get(errors, name) as { message?: string } | undefined)?.message}
      {...register(name, {
        setValueAs: (v: unknown) =>
          v === '' || v === null || v === undefined
            ? optional
              ? undefined
              : Number.NaN
            : Number(v),
      })}
    />
  );
}

export function SelectField({
  name,
  label,
  options,
  hint,
  asNumber,
}: {
  name: Path;
  label: string;
  options: { value: string | number; label: string }[];
  hint?: string;
  asNumber?: boolean;
}) {
  const {
    register,
    formState: { errors },
  } = useFormContext<DesignForm>();
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  const id = `f-${name.replace(/\W/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        {...register(name, asNumber ? { valueAsNumber: true } : {})}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function CheckField({ name, label, hint }: { name: Path; label: string; hint?: string }) {
  const { register } = useFormContext<DesignForm>();
  const id = `f-${name.replace(/\W/g, '-')}`;
  return (
    <div className="field">
      <label
        htmlFor={id}
        style={{
          display: 'flex',
          gap: 6,
          alignItems: 'center',
          fontWeight: 400,
          color: 'var(--text)',
        }}
      >
        <input id={id} type="checkbox" {...register(name)} />
        {label}
      </label>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}
