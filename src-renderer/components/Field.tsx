import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
  unit?: string;
  className?: string;
}

/** A labelled input with its error right below it, in words, and an optional unit suffix. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, error, hint, unit, className, ...rest },
  ref,
) {
  const id = useId();
  const errId = `${id}-err`;
  const input = (
    <input
      id={id}
      ref={ref}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errId : undefined}
      {...rest}
    />
  );
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {unit ? ` (${unit})` : ''}
      </label>
      {unit ? (
        <div className="unit-input">
          {input}
          <span className="unit" aria-hidden="true">
            {unit}
          </span>
        </div>
      ) : (
        input
      )}
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="error" id={errId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
});

interface TextAreaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  className?: string;
}

export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea(
  { label, error, className, ...rest },
  ref,
) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={ref} aria-invalid={error ? true : undefined} rows={3} {...rest} />
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
});
