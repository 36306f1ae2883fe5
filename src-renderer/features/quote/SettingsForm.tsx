import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  quoteSettingsSchema,
  type PriceBookVersion,
  type QuoteSettings,
  type QuoteSettingsInput,
  type QuoteTotals,
} from '../../../src-shared/quotes';
import { Field } from '../../components/Field';

const optionalNumber = { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) };
const requiredNumber = { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) };

/** Cabinet type, faces, illumination, travel, and the adjustments (empty = the price book's). */
export function SettingsForm({
  settings,
  book,
  totals,
  onApply,
}: {
  settings: QuoteSettings;
  book?: PriceBookVersion;
  totals: QuoteTotals;
  onApply(s: QuoteSettings): Promise<void>;
}) {
  const form = useForm<QuoteSettingsInput, unknown, QuoteSettings>({
    resolver: zodResolver(quoteSettingsSchema),
    values: settings,
  });
  const e = form.formState.errors;
  const cabinets = book?.items.filter((i) => i.category === 'cabinet') ?? [];
  const optionalFees =
    book?.items.filter((i) => i.category === 'fee' && i.match === 'optional') ?? [];
  const bookPct = (code: string) => {
    const it = book?.items.find((i) => i.code === code);
    return it ? `price book: ${it.price / 100}` : '';
  };
  return (
    <form
      aria-label="Quote settings"
      noValidate
      className="form"
      style={{ gridTemplateColumns: 'repeat(3, minmax(120px, 1fr))' }}
      onSubmit={form.handleSubmit(onApply)}
    >
      <div className="field">
        <label htmlFor="qs-cabinet">Cabinet type</label>
        <select
          id="qs-cabinet"
          {...form.register('cabinetCode', { setValueAs: (v: string) => v || null })}
        >
          <option value="">
            {cabinets[0] ? `${cabinets[0].name} (first in book)` : 'First in book'}
          </option>
          {cabinets.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="qs-sides">Faces</label>
        <select id="qs-sides" {...form.register('faceSides', requiredNumber)}>
          <option value={2}>Double-faced</option>
          <option value={1}>Single-faced</option>
        </select>
      </div>
      <div className="field">
        <span className="label" style={{ fontSize: 12, color: 'var(--muted)', fontWeight: 600 }}>
          Illumination
        </span>
        <label>
          <input type="checkbox" {...form.register('illuminated')} /> Illuminated
        </label>
      </div>
      <Field
        label="Travel distance"
        unit="miles"
        error={e.travelMiles?.message}
        {...form.register('travelMiles', requiredNumber)}
      />
      <Field
        label="Contingency"
        unit="%"
        placeholder={bookPct('contingency')}
        error={e.contingencyPct?.message}
        {...form.register('contingencyPct', optionalNumber)}
      />
      <div className="field">
        <label htmlFor="qs-mode">Markup or margin</label>
        <select
          id="qs-mode"
          {...form.register('markupMode', { setValueAs: (v: string) => v || null })}
        >
          <option value="">As the price book ({totals.markupMode})</option>
          <option value="markup">Markup on cost</option>
          <option value="margin">Margin on price</option>
        </select>
      </div>
      <Field
        label="Markup"
        unit="%"
        placeholder={bookPct('markup')}
        error={e.markupPct?.message}
        {...form.register('markupPct', optionalNumber)}
      />
      <Field
        label="Discount"
        unit="%"
        error={e.discountPct?.message}
        {...form.register('discountPct', requiredNumber)}
      />
      <Field
        label="Tax rate"
        unit="%"
        placeholder={bookPct('tax')}
        error={e.taxPct?.message}
        {...form.register('taxPct', optionalNumber)}
      />
      {optionalFees.length > 0 && (
        <fieldset className="full" style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 12, color: 'var(--muted)', fontWeight: 600 }}>
            Optional fees
          </legend>
          {optionalFees.map((f) => (
            <label key={f.code} style={{ marginRight: 14 }}>
              <input type="checkbox" value={f.code} {...form.register('includeFees')} /> {f.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="full">
        <button type="submit" className="btn">
          Apply settings
        </button>
      </div>
    </form>
  );
}
