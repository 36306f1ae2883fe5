import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../src-shared/projects';
import { SIGN_LIMITS, type SignListItem, type SignPatch } from '../../../src-shared/signs';
import { fixedTrim, formatMoney } from '../../../src-shared/format';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';

const STATUS_TEXT: Record<SignListItem['status'], string> = {
  passes: 'Passes',
  fails: 'Does not pass',
  review: 'Needs review',
  'not-designed': 'Not designed',
};

const STATUS_CLASS: Record<SignListItem['status'], string> = {
  passes: 'pass',
  fails: 'fail',
  review: 'fail',
  'not-designed': 'draft',
};

/** Where a sign's status comes from, in words ("rev 2", "draft, not saved as a revision"). */
function sourceText(s: SignListItem): string {
  if (s.source === 'revision') return `rev ${s.revisionNumber}`;
  if (s.source === 'draft') return 'draft, no revision saved';
  return '';
}

function footingText(s: SignListItem): string {
  if (s.footingDiameterFt === null || s.footingDepthFt === null) return '—';
  return `${fixedTrim(s.footingDiameterFt, 2)} ft Ø × ${fixedTrim(s.footingDepthFt, 2)} ft`;
}

/**
 * The project's sign schedule (issue 15): each sign with its mark, name and quantity (edited in
 * place), its design status and key result, and its actions (design it, duplicate, move, remove
 * to the trash with undo). A job is several signs; each has its own design and revisions.
 */
export function SignsTab({ project }: { project: Project }) {
  const client = useClient();
  const go = useRouter((s) => s.go);
  const list = useQuery('signs:list', { projectId: project.id }, [
    'signs:changed',
    'designs:changed',
  ]);
  const trash = useQuery('signs:list', { projectId: project.id, trash: true }, ['signs:changed']);
  // each sign's price and the job total, from the working quote (when there is one)
  const quote = useQuery('quotes:get-draft', { projectId: project.id }, [
    'quotes:changed',
    'signs:changed',
    'designs:changed',
  ]);
  const priceOf = (signId: string): string => {
    const p = quote.data?.job.signs.find((x) => x.signId === signId);
    if (!p) return '—';
    return p.priceCents === null ? 'see quote' : formatMoney(p.priceCents);
  };
  const [focusId, setFocusId] = useState<string | null>(null);
  const readOnly = Boolean(project.deletedAt);
  const signs = list.data ?? [];

  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      toast.error((e as Error).message);
      return undefined;
    }
  };

  const add = async () => {
    const s = await run(() => client.call('signs:add', { projectId: project.id }));
    if (s) {
      setFocusId(s.id);
      toast.info(`Added sign ${s.mark}.`);
    }
  };
  const duplicate = async (s: SignListItem) => {
    const copy = await run(() => client.call('signs:duplicate', { signId: s.id }));
    if (copy) {
      setFocusId(copy.id);
      toast.info(`Duplicated ${s.mark} as ${copy.mark}, with its design.`);
    }
  };
  const move = async (i: number, by: -1 | 1) => {
    const ids = signs.map((s) => s.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    const before = signs.map((s) => s.id);
    const done = await run(() => client.call('signs:reorder', { projectId: project.id, ids }));
    if (done) {
      setFocusId(ids[j]);
      toast.info(`Moved ${signs[i].mark} ${by < 0 ? 'up' : 'down'}.`, {
        label: 'Undo',
        run: () =>
          void run(() => client.call('signs:reorder', { projectId: project.id, ids: before })),
      });
    }
  };
  const remove = async (s: SignListItem) => {
    const done = await run(() => client.call('signs:remove', { signId: s.id }));
    if (done)
      toast.info(`Moved sign ${s.mark} to the trash.`, {
        label: 'Undo',
        run: () => void run(() => client.call('signs:restore', { signId: s.id })),
      });
  };
  const restore = async (s: SignListItem) => {
    const done = await run(() => client.call('signs:restore', { signId: s.id }));
    if (done) toast.info(`Restored sign ${s.mark}.`);
  };

  const totalSigns = signs.reduce((n, s) => n + s.quantity, 0);

  return (
    <section aria-labelledby="signs-title" className="signs-tab">
      <div className="toolbar">
        <h2 id="signs-title" style={{ margin: 0 }}>
          Sign schedule
        </h2>
        <span className="muted" aria-live="polite">
          {list.data
            ? `${signs.length} sign${signs.length === 1 ? '' : 's'}, ${totalSigns} to build`
            : 'Loading…'}
        </span>
        <span style={{ flex: 1 }} />
        {!readOnly && (
          <button type="button" className="btn primary" onClick={() => void add()}>
            Add sign
          </button>
        )}
      </div>
      {list.error && (
        <div className="form-error" role="alert">
          {list.error.message}
        </div>
      )}
      <table className="grid compact sign-schedule" aria-label="Sign schedule">
        <thead>
          <tr>
            <th scope="col">Mark</th>
            <th scope="col">Name</th>
            <th scope="col">Qty</th>
            <th scope="col">Design</th>
            <th scope="col">Pole</th>
            <th scope="col">Footing</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {signs.map((s, i) => (
            <SignRow
              key={s.id}
              sign={s}
              readOnly={readOnly}
              focus={focusId === s.id}
              onFocused={() => setFocusId(null)}
              first={i === 0}
              last={i === signs.length - 1}
              onOpen={() => go({ name: 'project', id: project.id, tab: 'design', sign: s.id })}
              onDuplicate={() => void duplicate(s)}
              onMove={(by) => void move(i, by)}
              onRemove={() => void remove(s)}
              onlyOne={signs.length === 1}
              price={priceOf(s.id)}
            />
          ))}
        </tbody>
      </table>
      <p className="muted" aria-live="polite">
        {quote.data
          ? `Job total ${formatMoney(quote.data.job.totals.totalCents)} on the working quote${quote.data.job.jobLinesPriceCents !== null ? `, of which job lines (mobilization, travel, permit) ${formatMoney(quote.data.job.jobLinesPriceCents)}` : ''}. Each sign's price includes its share of markup and tax.`
          : 'No quote yet: prices show here once the job is quoted (Quote tab).'}
      </p>
      {Boolean(trash.data?.length) && (
        <details className="signs-trash">
          <summary>Removed signs ({trash.data!.length})</summary>
          <ul>
            {trash.data!.map((s) => (
              <li key={s.id}>
                {s.mark}
                {s.name ? ` ${s.name}` : ''}{' '}
                {!readOnly && (
                  <button type="button" className="btn small" onClick={() => void restore(s)}>
                    Restore {s.mark}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

type Field = 'mark' | 'name' | 'quantity';

/** One schedule row: mark, name and quantity saved when the field is left (or Enter). */
function SignRow({
  sign,
  readOnly,
  focus,
  onFocused,
  first,
  last,
  onlyOne,
  price,
  onOpen,
  onDuplicate,
  onMove,
  onRemove,
}: {
  sign: SignListItem;
  readOnly: boolean;
  focus: boolean;
  onFocused(): void;
  first: boolean;
  last: boolean;
  onlyOne: boolean;
  /** its price on the working quote, as text */
  price: string;
  onOpen(): void;
  onDuplicate(): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const client = useClient();
  const [values, setValues] = useState({
    mark: sign.mark,
    name: sign.name,
    quantity: String(sign.quantity),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const nameRef = useRef<HTMLInputElement>(null);
  // the saved values (another window, an undo, a sync) replace the row's, except the field being
  // typed in: what the estimator is typing is never overwritten under the cursor
  const editing = useRef<Field | null>(null);
  useEffect(() => {
    const saved = { mark: sign.mark, name: sign.name, quantity: String(sign.quantity) };
    setValues((v) =>
      editing.current ? { ...saved, [editing.current]: v[editing.current] } : saved,
    );
  }, [sign.mark, sign.name, sign.quantity]);
  useEffect(() => {
    if (!focus) return;
    nameRef.current?.focus();
    onFocused();
  }, [focus, onFocused]);

  const save = async (field: Field) => {
    const raw = values[field];
    const saved = field === 'quantity' ? String(sign.quantity) : sign[field];
    if (raw === saved) return;
    let patch: SignPatch;
    if (field === 'quantity') {
      const q = raw.trim() === '' ? Number.NaN : Number(raw);
      patch = { quantity: q };
    } else patch = { [field]: raw.trim() };
    try {
      await client.call('signs:update', { signId: sign.id, patch });
      setErrors((e) => ({ ...e, [field]: undefined }));
    } catch (e) {
      const err = e as Error & { fields?: Record<string, string> };
      const msg =
        err.fields?.[`patch.${field}`] ?? err.fields?.[field] ?? err.message ?? 'Not saved';
      setErrors((x) => ({ ...x, [field]: msg }));
    }
  };

  const input = (field: Field, label: string, extra: Record<string, unknown> = {}) => {
    const id = `sign-${sign.id}-${field}`;
    const err = errors[field];
    return (
      <div className="field">
        <input
          id={id}
          ref={field === 'name' ? nameRef : undefined}
          aria-label={`${label} of sign ${sign.mark}`}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-err` : undefined}
          value={values[field]}
          readOnly={readOnly}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          onFocus={() => (editing.current = field)}
          onBlur={() => {
            editing.current = null;
            void save(field);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save(field);
            }
            if (e.key === 'Escape') {
              setValues({ mark: sign.mark, name: sign.name, quantity: String(sign.quantity) });
              setErrors({});
            }
          }}
          {...extra}
        />
        {err && (
          <div className="error" id={`${id}-err`} role="alert">
            {err}
          </div>
        )}
      </div>
    );
  };

  return (
    <tr>
      <td style={{ width: '7em' }}>
        {input('mark', 'Mark', { maxLength: SIGN_LIMITS.mark + 10, size: 6 })}
      </td>
      <td>
        {input('name', 'Name', {
          maxLength: SIGN_LIMITS.name + 10,
          placeholder: 'e.g. pylon, monument north',
        })}
      </td>
      <td style={{ width: '6em' }}>
        {input('quantity', 'Quantity', { inputMode: 'numeric', size: 4 })}
      </td>
      <td>
        <span className={`badge ${STATUS_CLASS[sign.status]}`}>{STATUS_TEXT[sign.status]}</span>{' '}
        <span className="muted">{sourceText(sign)}</span>
      </td>
      <td>{sign.pole ?? '—'}</td>
      <td className="num">{footingText(sign)}</td>
      <td className="num">{price}</td>
      <td className="actions">
        <div className="row-actions">
          <button type="button" className="btn small" onClick={onOpen}>
            Design {sign.mark}
          </button>
          {!readOnly && (
            <>
              <button
                type="button"
                className="btn small"
                onClick={onDuplicate}
                aria-label={`Duplicate ${sign.mark}`}
              >
                Duplicate
              </button>
              <button
                type="button"
                className="btn small"
                onClick={() => onMove(-1)}
                disabled={first}
                aria-label={`Move ${sign.mark} up`}
                title="Move up"
              >
                ↑
              </button>
              <button
                type="button"
                className="btn small"
                onClick={() => onMove(1)}
                disabled={last}
                aria-label={`Move ${sign.mark} down`}
                title="Move down"
              >
                ↓
              </button>
              <button
                type="button"
                className="btn small danger"
                onClick={onRemove}
                disabled={onlyOne}
                title={onlyOne ? 'A project keeps at least one sign' : undefined}
                aria-label={`Remove ${sign.mark}`}
              >
                Remove
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
