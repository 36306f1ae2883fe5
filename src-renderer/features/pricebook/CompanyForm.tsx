import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { companySchema, type Company } from '../../../src-shared/quotes';
import { Field, TextArea } from '../../components/Field';

type Form = z.input<typeof companySchema>;

/** The header every quote PDF prints: name, address, phone, email, logo, terms, validity. */
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
  const e = form.formState.errors;
  const logo = form.watch('logoDataUrl');
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
      <Field label="Company name" error={e.name?.message} {...form.register('name')} />
      <Field label="Company phone" error={e.phone?.message} {...form.register('phone')} />
      <Field
        label="Company address"
        className="full"
        error={e.address?.message}
        {...form.register('address')}
      />
      <Field label="Company email" error={e.email?.message} {...form.register('email')} />
      <Field
        label="Validity"
        unit="days"
        error={e.validityDays?.message}
        {...form.register('validityDays', {
          setValueAs: (v: string) => (v === '' ? undefined : Number(v)),
        })}
      />
      <TextArea
        label="Terms"
        className="full"
        error={e.terms?.message}
        {...form.register('terms')}
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
