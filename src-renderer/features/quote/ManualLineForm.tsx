import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  GROUP_LABELS,
  LINE_GROUPS,
  manualLineFormSchema,
  type ManualLine,
} from '../../../src-shared/quotes';
import { Field } from '../../components/Field';

type Form = z.input<typeof manualLineFormSchema>;
type Out = z.output<typeof manualLineFormSchema>;

/** Adds a line the generator does not know (a credit is a negative unit price). */
export function ManualLineForm({
  nextCode,
  onAdd,
}: {
  nextCode: string;
  onAdd(line: ManualLine): Promise<void>;
}) {
  const form = useForm<Form, unknown, Out>({
    resolver: zodResolver(manualLineFormSchema),
    defaultValues: {
      group: 'fees',
      description: '',
      quantity: 1,
      unit: 'each',
      unitPrice: 0,
      taxable: false,
    },
  });
  const e = form.formState.errors;
  const num = { setValueAs: (v: string) => (v === '' ? undefined : Number(v)) };
  return (
    <form
      aria-label="Add a manual line"
      noValidate
      className="form"
      style={{
        gridTemplateColumns: '140px 1fr 90px 90px 120px auto',
        maxWidth: 'none',
        alignItems: 'end',
      }}
      onSubmit={form.handleSubmit(async (v) => {
        const { unitPrice: _drop, ...rest } = v;
        await onAdd({ ...rest, code: nextCode });
        form.reset();
      })}
    >
      <div className="field">
        <label htmlFor="ml-group">Group</label>
        <select id="ml-group" {...form.register('group')}>
          {LINE_GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </select>
      </div>
      <Field label="Description" error={e.description?.message} {...form.register('description')} />
      <Field
        label="Quantity"
        error={e.quantity?.message}
        inputMode="decimal"
        {...form.register('quantity', num)}
      />
      <Field label="Unit" error={e.unit?.message} {...form.register('unit')} />
      <Field
        label="Unit price"
        unit="USD"
        error={e.unitPrice?.message}
        inputMode="decimal"
        {...form.register('unitPrice', num)}
      />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <label style={{ fontSize: 12 }}>
          <input type="checkbox" {...form.register('taxable')} /> Taxable
        </label>
        <button type="submit" className="btn">
          Add line
        </button>
      </div>
    </form>
  );
}
