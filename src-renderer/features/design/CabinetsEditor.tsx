import { get, useFieldArray, useFormContext } from 'react-hook-form';
import type { DesignForm } from './fields';
import { NumberField } from './fields';

/**
 * Cabinets bottom to top, each with its size and weight, and the clear gap above it (the
 * engine's `gapsFt[i]`, one fewer than cabinets). Add, remove and reorder keep gaps in step.
 */
export function CabinetsEditor() {
  const {
    control,
    getValues,
    setValue,
    formState: { errors },
  } = useFormContext<DesignForm>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'sign.cabinets' });
  const gaps = () => (getValues('sign.gapsFt') ?? []) as number[];
  const gapsError = (get(errors, 'sign.gapsFt') as { message?: string } | undefined)?.message;

  const add = () => {
    if (fields.length > 0) setValue('sign.gapsFt', [...gaps(), 0], { shouldValidate: true });
    append({ widthFt: 8, heightFt: 3, weightPsf: 10 });
  };
  const removeAt = (i: number) => {
    const g = [...gaps()];
    g.splice(Math.max(0, Math.min(i, g.length - 1)), 1);
    setValue('sign.gapsFt', g, { shouldValidate: true });
    remove(i);
  };

  return (
    <div className="full" style={{ display: 'grid', gap: 8 }}>
      {fields
        .map((f, i) => ({ f, i }))
        .reverse()
        .map(({ f, i }) => (
          <fieldset
            key={f.id}
            className="card"
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
              gap: 8,
              alignItems: 'end',
              minWidth: 0,
            }}
          >
            <legend style={{ fontSize: 12, fontWeight: 600 }}>
              Cabinet {i + 1}
              {fields.length > 1
                ? i === 0
                  ? ' (bottom)'
                  : i === fields.length - 1
                    ? ' (top)'
                    : ''
                : ''}
            </legend>
            <NumberField name={`sign.cabinets.${i}.widthFt`} label="Width" unit="ft" />
            <NumberField name={`sign.cabinets.${i}.heightFt`} label="Height" unit="ft" />
            <NumberField name={`sign.cabinets.${i}.weightPsf`} label="Weight" unit="psf" />
            {i < fields.length - 1 ? (
              <NumberField name={`sign.gapsFt.${i}`} label="Gap above" unit="ft" />
            ) : (
              <div />
            )}
            <div style={{ display: 'flex', gap: 4 }}>
              <button
                type="button"
                className="btn small"
                aria-label={`Move cabinet ${i + 1} up`}
                disabled={i === fields.length - 1}
                onClick={() => move(i, i + 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn small"
                aria-label={`Move cabinet ${i + 1} down`}
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn small danger"
                aria-label={`Remove cabinet ${i + 1}`}
                disabled={fields.length === 1}
                onClick={() => removeAt(i)}
              >
                ✕
              </button>
            </div>
          </fieldset>
        ))}
      {gapsError && (
        <span className="error" role="alert">
          {gapsError}
        </span>
      )}
      <div>
        <button type="button" className="btn" onClick={add} disabled={fields.length >= 6}>
          Add cabinet on top
        </button>
      </div>
    </div>
  );
}
