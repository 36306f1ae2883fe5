import { useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SignDesignInputSchema } from '../../../src-shared/engine';
import type { DesignForm } from './fields';

/**
 * A draft (or an older file) with a key the design schema does not know: the engine refuses it
 * rather than dropping it silently, so the form says which key, where, what it probably meant,
 * and offers to remove it. The draft keeps it until then (it is autosaved as typed, never lost).
 */
export function UnknownFieldsNotice() {
  const { control, getValues, setValue, reset } = useFormContext<DesignForm>();
  const values = useWatch({ control });
  const unknown = useMemo(() => {
    const r = SignDesignInputSchema.safeParse(values);
    if (r.success) return [];
    return r.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => ({ path: [...i.path, k].map(String).join('.'), message: i.message }))
        : [],
    );
  }, [values]);
  if (!unknown.length) return null;
  // drop each unknown key from its parent object (setValue / reset notify the watchers, so the
  // design recomputes at once)
  const remove = () => {
    const all = structuredClone(getValues()) as Record<string, unknown>;
    for (const u of unknown) {
      const parts = u.path.split('.');
      const key = parts.pop()!;
      let obj: unknown = all;
      for (const p of parts) obj = (obj as Record<string, unknown> | undefined)?.[p];
      if (obj && typeof obj === 'object') delete (obj as Record<string, unknown>)[key];
    }
    const roots = new Set(unknown.map((u) => u.path.split('.')[0]));
    if (unknown.some((u) => !u.path.includes('.'))) {
      reset(all as DesignForm, { keepDefaultValues: true, keepDirty: true });
    } else {
      for (const r of roots) {
        setValue(r as never, all[r] as never, { shouldValidate: true, shouldDirty: true });
      }
    }
  };
  return (
    <div className="form-error unknown-fields" role="alert" aria-label="Unknown fields">
      <strong>
        This design has {unknown.length === 1 ? 'a field' : 'fields'} Signwright does not know; it
        is not computed until {unknown.length === 1 ? 'it is' : 'they are'} fixed:
      </strong>
      <ul>
        {unknown.map((u) => (
          <li key={u.path}>
            <code>{u.path}</code>: {u.message}
          </li>
        ))}
      </ul>
      <button type="button" className="btn small" onClick={remove}>
        Remove {unknown.length === 1 ? 'it' : 'them'}
      </button>
    </div>
  );
}
