import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  companyMissing,
  companySchema,
  PRICE_PRESENTATION_LABELS,
  PRICE_PRESENTATIONS,
  type Company,
} from '../../../src-shared/quotes';
import { Field, TextArea } from '../../components/Field';
import { useReportDirty } from '../../lib/use-report-dirty';

type Form = z.input<typeof companySchema>;

/**
 * What every customer quote prints: name, address, contacts, logo, license, terms, exclusions,
 * validity, and whether the price is shown per group or as one price. A quote is sent only with
 * the required ones filled in (companyMissing).
 */
export function CompanyForm({
  company,
  onSave,
}: {
  company: Company;
  onSave(c: Company): Promise<void>;
}) {
  const form = useForm<Form, unknown, Company>({
    resolver: zodResolver(companySchema),
    values: company,
  });
  useReportDirty(form.formState.isDirty);
  const e = form.formState.errors;
  const logo = form.watch('logoDataUrl');
  const missing = companyMissing(company);
  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () =>
      form.setValue('logoDataUrl', String(reader.result), {
        shouldDirty: true,
        shouldValidate: true,
      });
    reader.readAsDataURL(file);
  };
  return (
    <form aria-label="Company" className="form" noValidate onSubmit={form.handleSubmit(onSave)}>
      {missing.length > 0 && (
        <p className="notice full" role="status" style={{ margin: 0 }}>
          A quote can be sent only with the {missing.join(', ')} filled in.
        </p>
      )}
      <Field label="Company name" error={e.name?.message} {...form.register('name')} />
      <Field label="License no." error={e.licenseNo?.message} {...form.register('licenseNo')} />
      <Field
        label="Company address"
        className="full"
        error={e.address?.message}
        {...form.register('address')}
      />
      <Field label="Company phone" error={e.phone?.message} {...form.register('phone')} />
      <Field label="Company email" error={e.email?.message} {...form.register('email')} />
      <Field
        label="Validity"
        unit="days"
        error={e.validityDays?.message}
        {...form.register('validityDays', {
          setValueAs: (v: string) => (v === '' ? undefined : Number(v)),
        })}
      />
      <div className="field">
        <label htmlFor="co-presentation">Price on the customer quote</label>
        <select id="co-presentation" {...form.register('pricePresentation')}>
          {PRICE_PRESENTATIONS.map((p) => (
            <option key={p} value={p}>
              {PRICE_PRESENTATION_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <TextArea
        label="Terms"
        className="full"
        error={e.terms?.message}
        {...form.register('terms')}
      />
      <TextArea
        label="Exclusions (one a line)"
        className="full"
        error={e.exclusions?.message}
        {...form.register('exclusions')}
      />
      <div className="field full">
        <label htmlFor="co-logo">Logo (PNG or JPEG, up to 300 KB)</label>
        <input
          id="co-logo"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(ev) => pickLogo(ev.target.files?.[0])}
        />
        {e.logoDataUrl && (
          <span className="error" role="alert">
            {e.logoDataUrl.message}
          </span>
        )}
        {logo && (
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <img src={logo} alt="Company logo" style={{ maxHeight: 48, maxWidth: 160 }} />
            <button
              type="button"
              className="btn small"
              onClick={() => form.setValue('logoDataUrl', '', { shouldDirty: true })}
            >
              Remove logo
            </button>
          </div>
        )}
      </div>
      <div className="full">
        <button type="submit" className="btn primary">
          Save company details
        </button>
      </div>
    </form>
  );
}
