import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { projectFieldsSchema, type ProjectFields } from '../../../src-shared/projects';
import { Field, TextArea } from '../../components/Field';
import { CommandError } from '../../lib/client';
import { useReportDirty } from '../../lib/use-report-dirty';

type FormIn = z.input<typeof projectFieldsSchema>;
type FormOut = z.output<typeof projectFieldsSchema>;

export const emptyProject: FormOut = {
  name: '',
  customer: { company: '', contact: '', email: '', phone: '' },
  siteAddress: '',
  jurisdiction: '',
  notes: '',
};

interface Props {
  initial: FormOut;
  submitLabel: string;
  onSubmit(values: ProjectFields): Promise<void>;
  onCancel?(): void;
  autoFocus?: boolean;
}

/**
 * The project fields form: react-hook-form + the contract's own zod schema, so the messages next
 * to the fields are the ones the main process would give. Server-side field errors (the same
 * schema, re-checked at the boundary) land on their fields too.
 */
export function ProjectForm({ initial, submitLabel, onSubmit, onCancel, autoFocus }: Props) {
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(projectFieldsSchema),
    defaultValues: initial,
    mode: 'onTouched',
  });

  useReportDirty(isDirty);

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await onSubmit(values);
    } catch (err) {
      if (err instanceof CommandError && Object.keys(err.fields).length) {
        for (const [k, msg] of Object.entries(err.fields)) {
          setError(k.replace(/^patch\./, '') as FieldPath<FormIn>, { message: msg });
        }
      } else {
        setFormError((err as Error).message);
      }
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Project details">
      <Field
        className="full"
        label="Project name"
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just opened this to type into it; focus goes to its first field (WAI-ARIA APG dialog)
        autoFocus={autoFocus}
        error={errors.name?.message}
        {...register('name')}
      />
      <Field
        label="Customer company"
        error={errors.customer?.company?.message}
        {...register('customer.company')}
      />
      <Field
        label="Customer contact"
        error={errors.customer?.contact?.message}
        {...register('customer.contact')}
      />
      <Field
        label="Customer email"
        type="email"
        error={errors.customer?.email?.message}
        {...register('customer.email')}
      />
      <Field
        label="Customer phone"
        type="tel"
        error={errors.customer?.phone?.message}
        {...register('customer.phone')}
      />
      <Field
        className="full"
        label="Site address"
        error={errors.siteAddress?.message}
        {...register('siteAddress')}
      />
      <Field
        label="Jurisdiction"
        error={errors.jurisdiction?.message}
        {...register('jurisdiction')}
      />
      <div />
      <TextArea
        className="full"
        label="Notes"
        error={errors.notes?.message}
        {...register('notes')}
      />
      {formError && (
        <div className="form-error full" role="alert">
          {formError}
        </div>
      )}
      <div className="full dialog-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="btn primary"
          disabled={isSubmitting || (!isDirty && !onCancel)}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
