import { Fragment, useState } from 'react';
import {
  GROUP_LABELS,
  LINE_GROUPS,
  type JobQuoteDraft,
  type LineOverride,
  type QuoteLine,
} from '../../../src-shared/quotes';
import { fmt } from '../../../src-shared/format';
import { QuoteLinesHead } from './quote-bits';
import { LineRow, OverrideEditor } from './QuoteLines';

/** A sign's id, or null for the job's own lines. */
export type LineScope = string | null;

interface Props {
  draft: JobQuoteDraft;
  onOverride(scope: LineScope, code: string, o: LineOverride | null): Promise<void>;
  onRemoveManual(scope: LineScope, code: string): Promise<void>;
}

const byGroup = (lines: readonly QuoteLine[]) =>
  LINE_GROUPS.flatMap((g) => lines.filter((l) => l.group === g));

/**
 * The job's lines (issue 15): each sign's under its header ("S2 monument × 2", its quantity
 * applied) with the sign's subtotal, then the once-per-job lines and their subtotal. Overrides are
 * edited in place, per sign or on the job, as on a one-design quote.
 */
export function JobLines({ draft, onOverride, onRemoveManual }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const keyOf = (scope: LineScope, code: string) => `${scope ?? 'job'}:${code}`;
  const close = (key: string) => {
    setEditing(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`tr[data-code="${key}"] button[data-override]`)?.focus(),
    );
  };
  const section = (
    scope: LineScope,
    title: string,
    lines: readonly QuoteLine[],
    overrides: Record<string, LineOverride>,
    subtotalLabel: string,
    subtotalCents: number,
    who: string,
  ) => (
    <Fragment key={scope ?? 'job'}>
      <tr className="group-row">
        <th
          scope="rowgroup"
          colSpan={6}
          style={{ fontWeight: 600, background: '#eef2f8', textAlign: 'left' }}
        >
          {title}
        </th>
      </tr>
      {byGroup(lines).map((l) => {
        const key = keyOf(scope, l.code);
        return (
          <Fragment key={key}>
            <LineRow
              line={l}
              rowKey={key}
              who={who}
              onEdit={() => setEditing(editing === key ? null : key)}
              onClear={() => onOverride(scope, l.code, null)}
              onRemove={() => onRemoveManual(scope, l.code)}
            />
            {editing === key && (
              <tr>
                <td colSpan={6}>
                  <OverrideEditor
                    line={l}
                    who={who}
                    idPrefix={`${scope ?? 'job'}-`}
                    current={overrides[l.code]}
                    onCancel={() => close(key)}
                    onApply={async (o) => {
                      await onOverride(scope, l.code, o);
                      close(key);
                    }}
                  />
                </td>
              </tr>
            )}
          </Fragment>
        );
      })}
      <tr className="subtotal">
        <td colSpan={4} className="muted">
          {subtotalLabel}
        </td>
        <td className="num">{fmt.money(subtotalCents)}</td>
        <td />
      </tr>
    </Fragment>
  );
  return (
    <table className="grid compact quote-lines" aria-label="Quote lines">
      <QuoteLinesHead />
      <tbody>
        {draft.job.signs.map((x) =>
          section(
            x.signId,
            x.label,
            x.lines,
            draft.signs.find((y) => y.signId === x.signId)?.overrides ?? {},
            `${x.mark} subtotal`,
            x.subtotalCents,
            x.mark,
          ),
        )}
        {draft.job.jobLines.length > 0 &&
          section(
            null,
            'Job lines (once for the job)',
            draft.job.jobLines,
            draft.jobOverrides,
            'Job lines subtotal',
            draft.job.jobLinesSubtotalCents,
            'job',
          )}
      </tbody>
      <tfoot>
        {LINE_GROUPS.filter((g) => draft.job.totals.byGroup[g] !== 0).map((g) => (
          <tr key={g} className="subtotal">
            <td colSpan={4} className="muted">
              {GROUP_LABELS[g]} (all signs and the job)
            </td>
            <td className="num">{fmt.money(draft.job.totals.byGroup[g])}</td>
            <td />
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
