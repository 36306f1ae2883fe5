import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
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

/** What the estimator sees vs what the quote is priced with. */
export type SettingsState = 'applied' | 'pending' | 'invalid';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Cabinet type, faces, illumination, travel, and the adjustments (empty = the price book's).
 * Changes take effect as you type, like the design page: a valid edit is applied after a short
 * pause, and `onState` tells the page whether what is shown is applied yet, so a revision is
 * never saved from settings other than the ones on screen.
 */
export function SettingsForm({
  settings,
  book,
  totals,
  onApply,
  onState,
}: {
  settings: QuoteSettings;
  book?: PriceBookVersion;
  totals: QuoteTotals;
  onApply(s: QuoteSettings): Promise<void>;
  onState(s: SettingsState): void;
}) {
  const form = useForm<QuoteSettingsInput, unknown, QuoteSettings>({
    resolver: zodResolver(quoteSettingsSchema),
    defaultValues: settings,
    mode: 'onChange',
  });
  const values = useWatch({ control: form.control });
  const key = JSON.stringify(values);
  const [applying, setApplying] = useState(false);
  const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
  // the settings last sent: the draft that comes back with them must not reset the form
  const sent = useRef<QuoteSettings>(settings);

  // the draft changed elsewhere (regenerate, another window): show it, unless it is ours
  useEffect(() => {
    if (!same(settings, sent.current)) {
      sent.current = settings;
      form.reset(settings);
    }
  }, [settings, form]);

  const parsed = quoteSettingsSchema.safeParse(JSON.parse(key));
  const state: SettingsState =
    !parsed.success || failed?.key === key
      ? 'invalid'
      : applying || !same(parsed.data, settings)
        ? 'pending'
        : 'applied';
  useEffect(() => onState(state), [state, onState]);

  useEffect(() => {
    const p = quoteSettingsSchema.safeParse(JSON.parse(key));
    if (!p.success || same(p.data, sent.current)) return;
    const t = setTimeout(() => {
      const previous = sent.current;
      sent.current = p.data;
      setApplying(true);
      onApply(p.data)
        .then(
          () => setFailed(null),
          (err: Error) => {
            // not applied: say so, and let the same values be sent again after a change
            sent.current = previous;
            setFailed({ key, message: err.message });
          },
        )
        .finally(() => setApplying(false));
    }, 350);
    return () => clearTimeout(t);
  }, [key, onApply]);

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
      onSubmit={(ev) => ev.preventDefault()}
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
      <p className="full status-line" aria-live="polite" data-status={state}>
        {state === 'invalid'
          ? `${failed?.key === key ? `Not applied: ${failed.message} ` : ''}Fix the settings marked in red: until then the quote keeps the last valid settings and cannot be saved.`
          : state === 'pending'
            ? 'Applying the settings…'
            : 'Settings applied: the lines and totals are priced with what is shown.'}
      </p>
    </form>
  );
}
