import { zodResolver } from '@hookform/resolvers/zod';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import {
  CATEGORY_LABELS,
  effectiveIncrement,
  PRICE_CATEGORIES,
  PRICE_UNITS,
  priceBookFormSchema,
  toItemForm,
  type PriceBookForm,
  type PriceBookVersion,
  type PriceCategory,
  type PriceUnit,
} from '../../../src-shared/quotes';

type Out = z.output<typeof priceBookFormSchema>;

/**
 * The version in force, editable as a table. Saving never changes it: it writes a new version
 * with the effective date given (today by default).
 */
export function ItemsEditor({
  version,
  today,
  onSave,
}: {
  version: PriceBookVersion;
  today: string;
  onSave(v: Out): Promise<void>;
}) {
  const form = useForm<PriceBookForm, unknown, Out>({
    resolver: zodResolver(priceBookFormSchema),
    defaultValues: { effectiveDate: today, note: '', items: version.items.map(toItemForm) },
  });
  const items = useFieldArray({ control: form.control, name: 'items' });
  // the default increment shown as the placeholder follows the row's category and unit
  const watched = useWatch({ control: form.control, name: 'items' });
  const itemAt = (i: number) => ({
    category: (watched?.[i]?.category ?? '') as PriceCategory,
    unit: (watched?.[i]?.unit ?? '') as PriceUnit,
    increment: undefined,
  });
  const errs = (form.formState.errors.items ?? []) as FieldErrors<PriceBookForm>['items'] &
    Record<number, Record<string, { message?: string }>>;
  const cellErr = (i: number, k: string) => errs?.[i]?.[k]?.message;
  const cell = (
    i: number,
    k:
      'code' | 'name' | 'price' | 'match' | 'fixed' | 'perPole' | 'perYd3' | 'perFt2' | 'increment',
    label: string,
    width: number,
    right = false,
    placeholder?: string,
  ) => {
    const err = cellErr(i, k);
    return (
      <td style={{ padding: 2 }}>
        <input
          aria-label={`${label}, row ${i + 1}`}
          placeholder={placeholder}
          aria-invalid={err ? true : undefined}
          title={err}
          style={{ width, textAlign: right ? 'right' : 'left', fontVariantNumeric: 'tabular-nums' }}
          {...form.register(`items.${i}.${k}`)}
        />
      </td>
    );
  };
  const messages = Object.entries(errs ?? {}).flatMap(([i, e]) =>
    Object.entries(e ?? {}).map(
      ([k, v]) => `Row ${Number(i) + 1}, ${k}: ${(v as { message?: string })?.message ?? ''}`,
    ),
  );
  return (
    <form aria-label="Price book items" noValidate onSubmit={form.handleSubmit(onSave)}>
      <div style={{ overflowX: 'auto', maxHeight: '55vh', overflowY: 'auto' }}>
        <table className="grid compact" aria-label="Price book">
          <thead>
            <tr>
              <th>Code</th>
              <th>Category</th>
              <th>Name</th>
              <th>Unit</th>
              <th className="num">Price ($ or %)</th>
              <th>Match</th>
              <th className="num">Fixed</th>
              <th className="num">/pole</th>
              <th className="num">/yd³</th>
              <th className="num">/ft²</th>
              <th className="num" title="Quantity rounded up to a multiple of this">
                Round to
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.fields.map((f, i) => (
              <tr key={f.id} className={errs?.[i] ? 'fail' : undefined}>
                {cell(i, 'code', 'Code', 130)}
                <td style={{ padding: 2 }}>
                  <select
                    aria-label={`Category, row ${i + 1}`}
                    {...form.register(`items.${i}.category`)}
                  >
                    {PRICE_CATEGORIES.map((c) => (
                      <option key={c} value={c} title={CATEGORY_LABELS[c]}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                {cell(i, 'name', 'Name', 260)}
                <td style={{ padding: 2 }}>
                  <select aria-label={`Unit, row ${i + 1}`} {...form.register(`items.${i}.unit`)}>
                    {PRICE_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </select>
                </td>
                {cell(i, 'price', 'Price', 80, true)}
                {cell(i, 'match', 'Match', 80)}
                {cell(i, 'fixed', 'Fixed', 50, true)}
                {cell(i, 'perPole', 'Per pole', 50, true)}
                {cell(i, 'perYd3', 'Per yd³', 50, true)}
                {cell(i, 'perFt2', 'Per ft²', 50, true)}
                {cell(
                  i,
                  'increment',
                  'Round to',
                  56,
                  true,
                  String(effectiveIncrement(itemAt(i)) || '—'),
                )}
                <td style={{ padding: 2 }}>
                  <button
                    type="button"
                    className="btn small danger"
                    aria-label={`Delete row ${i + 1}`}
                    onClick={() => items.remove(i)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {messages.length > 0 && (
        <ul className="form-error" role="alert" style={{ paddingLeft: 24 }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="toolbar" style={{ marginTop: 8, alignItems: 'flex-end' }}>
        <button
          type="button"
          className="btn"
          onClick={() =>
            items.append({
              code: '',
              category: 'fee',
              name: '',
              unit: 'each',
              price: '0.00',
              match: '',
              fixed: 0,
              perPole: 0,
              perYd3: 0,
              perFt2: 0,
              increment: '',
            })
          }
        >
          Add item
        </button>
        <span style={{ flex: 1 }} />
        <div className="field">
          <label htmlFor="pb-eff">Effective date</label>
          <input id="pb-eff" type="date" {...form.register('effectiveDate')} />
          {form.formState.errors.effectiveDate && (
            <span className="error" role="alert">
              {form.formState.errors.effectiveDate.message}
            </span>
          )}
        </div>
        <div className="field" style={{ minWidth: 260 }}>
          <label htmlFor="pb-note">Version note</label>
          <input id="pb-note" {...form.register('note')} placeholder="e.g. steel up 5 %" />
        </div>
        <button type="submit" className="btn primary">
          Save as new version
        </button>
      </div>
    </form>
  );
}
