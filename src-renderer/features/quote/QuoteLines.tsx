import { zodResolver } from '@hookform/resolvers/zod';
import { Fragment, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  GROUP_LABELS,
  LINE_GROUPS,
  minorToDecimal,
  overrideFormSchema,
  type LineOverride,
  type OverrideForm,
  type QuoteDraft,
  type QuoteLine,
} from '../../../src-shared/quotes';
import { fmt, formatQty as qty } from '../../../src-shared/format';
import { QuoteLinesHead } from './quote-bits';

interface Props {
  draft: QuoteDraft;
  onOverride(code: string, o: LineOverride | null): Promise<void>;
  onRemoveManual(code: string): Promise<void>;
}

/** Lines grouped (materials, labor, equipment, fees) with overrides edited in place. */
export function QuoteLines({ draft, onOverride, onRemoveManual }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const lines = draft.priced.lines;
  // closing the editor (Esc, Cancel, Apply) gives focus back to the line's Override button
  const close = (code: string) => {
    setEditing(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`tr[data-code="${code}"] button[data-override]`)?.focus(),
    );
  };
  return (
    <table className="grid compact quote-lines" aria-label="Quote lines">
      <QuoteLinesHead />
      <tbody>
        {LINE_GROUPS.map((g) => {
          const rows = lines.filter((l) => l.group === g);
          if (!rows.length) return null;
          return (
            <Fragment key={g}>
              <tr className="group-row">
                <td colSpan={6} style={{ fontWeight: 600, background: '#fafbfc' }}>
                  {GROUP_LABELS[g]}
                </td>
              </tr>
              {rows.map((l) => (
                <Fragment key={l.code}>
                  <LineRow
                    line={l}
                    onEdit={() => setEditing(editing === l.code ? null : l.code)}
                    onClear={() => onOverride(l.code, null)}
                    onRemove={() => onRemoveManual(l.code)}
                  />
                  {editing === l.code && (
                    <tr>
                      <td colSpan={6}>
                        <OverrideEditor
                          line={l}
                          current={draft.overrides[l.code]}
                          onCancel={() => close(l.code)}
                          onApply={async (o) => {
                            await onOverride(l.code, o);
                            close(l.code);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
              <tr className="subtotal">
                <td colSpan={4} className="muted">
                  {GROUP_LABELS[g]} subtotal
                </td>
                <td className="num">{fmt.money(draft.priced.totals.byGroup[g])}</td>
                <td />
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

export function LineRow({
  line: l,
  onEdit,
  onClear,
  onRemove,
  rowKey,
  who,
}: {
  line: QuoteLine;
  onEdit(): void;
  onClear(): void;
  onRemove(): void;
  /** the sign the line is on ("S2"), said in the buttons' names when the job has several */
  who?: string;
  /** what the row is found by (data-code); default the line code (a job: sign id + code) */
  rowKey?: string;
}) {
  return (
    <tr className={l.overridden ? 'overridden' : undefined} data-code={rowKey ?? l.code}>
      <td style={{ whiteSpace: 'normal' }}>
        {l.description}{' '}
        {l.overridden && (
          <span className="badge submitted" title={l.overrideNote || 'Set by the estimator'}>
            overridden
          </span>
        )}
        {l.source === 'manual' && <span className="badge">manual</span>}
        <div className="muted" style={{ fontSize: 11 }}>
          {l.basis}
        </div>
      </td>
      <td className="num">{qty(l.quantity)}</td>
      <td>{l.unit}</td>
      <td className="num">{fmt.money(l.unitPriceCents)}</td>
      <td className="num">{fmt.money(l.amountCents)}</td>
      <td className="actions">
        {l.source === 'manual' ? (
          <button
            type="button"
            className="btn small danger"
            onClick={onRemove}
            aria-label={`Remove ${l.description}${who ? ` (${who})` : ''}`}
          >
            Remove
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn small"
              data-override=""
              onClick={onEdit}
              aria-label={`Override ${l.description}${who ? ` (${who})` : ''}`}
            >
              Override
            </button>
            {l.overridden && (
              <button
                type="button"
                className="btn small"
                onClick={onClear}
                aria-label={`Clear override of ${l.description}${who ? ` (${who})` : ''}`}
              >
                Clear
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

export function OverrideEditor({
  line,
  current,
  onApply,
  onCancel,
  idPrefix = '',
  who,
}: {
  line: QuoteLine;
  current?: LineOverride;
  onApply(o: LineOverride): Promise<void>;
  onCancel(): void;
  /** keeps the input ids unique when the same code is on several signs */
  idPrefix?: string;
  who?: string;
}) {
  const form = useForm<OverrideForm, unknown, LineOverride>({
    resolver: zodResolver(overrideFormSchema),
    defaultValues: {
      quantity: current?.quantity !== undefined ? String(current.quantity) : '',
      unitPrice:
        current?.unitPriceCents !== undefined ? minorToDecimal(current.unitPriceCents) : '',
      note: current?.note ?? '',
    },
  });
  const e = form.formState.errors;
  return (
    // Esc from any of its inputs cancels the edit
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="toolbar"
      aria-label={`Override ${line.description}${who ? ` (${who})` : ''}`}
      noValidate
      onSubmit={form.handleSubmit(onApply)}
      onKeyDown={(ev) => {
        // Esc cancels the override edit (nothing is applied)
        if (ev.key === 'Escape') {
          ev.preventDefault();
          ev.stopPropagation();
          onCancel();
        }
      }}
      style={{ alignItems: 'flex-start', margin: 0 }}
    >
      <div className="field">
        <label htmlFor={`oq-${idPrefix}${line.code}`}>Quantity ({line.unit})</label>
        <input
          id={`oq-${idPrefix}${line.code}`}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- "Override" was just pressed: the edit starts at its first input
          autoFocus
          placeholder={qty(line.quantity)}
          {...form.register('quantity')}
          aria-invalid={e.quantity ? true : undefined}
        />
        {e.quantity && (
          <span className="error" role="alert">
            {e.quantity.message}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`op-${idPrefix}${line.code}`}>Unit price (USD)</label>
        <input
          id={`op-${idPrefix}${line.code}`}
          placeholder={minorToDecimal(line.unitPriceCents)}
          {...form.register('unitPrice')}
          aria-invalid={e.unitPrice ? true : undefined}
        />
        {e.unitPrice && (
          <span className="error" role="alert">
            {e.unitPrice.message}
          </span>
        )}
      </div>
      <div className="field" style={{ flex: 1 }}>
        <label htmlFor={`on-${idPrefix}${line.code}`}>Reason</label>
        <input id={`on-${idPrefix}${line.code}`} {...form.register('note')} />
      </div>
      <button type="submit" className="btn primary" style={{ marginTop: 18 }}>
        Apply override
      </button>
      <button type="button" className="btn" style={{ marginTop: 18 }} onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
