import { useFormContext, type FieldPath } from 'react-hook-form';
import { defaultDesignInput } from '../../../src-shared/engine';
import type { LiveStatus } from './use-live-design';
import type { DesignForm } from './fields';

/** The input for a field path, if the form shows one (inputs carry their path as `name`). */
function fieldElement(path: string): HTMLElement | null {
  const all = document.querySelectorAll<HTMLElement>('form[aria-label="Sign design"] [name]');
  for (const el of all) {
    const n = el.getAttribute('name') ?? '';
    if (n === path || n.startsWith(`${path}.`)) return el;
  }
  return null;
}

function defaultAt(path: string): unknown {
  let v: unknown = defaultDesignInput;
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return v;
}

const STATUS_TEXT: Record<LiveStatus, string> = {
  invalid: 'Results are out of date: the design below has fields to fix.',
  computing: 'Computing…',
  failed: 'The design could not be computed; the results show the last design that could.',
  current: 'Results are up to date.',
};

/**
 * The design's status, always from the whole-form check, and every problem in words. A problem
 * whose field is not on screen (hidden by a choice, or never on the form, like an option from a
 * pasted input) gets "Use the default" so a hidden field can never block saving.
 */
export function DesignProblems({
  status,
  problems,
  extra,
}: {
  status: LiveStatus;
  problems: Record<string, string>;
  extra?: string;
}) {
  const { setValue } = useFormContext<DesignForm>();
  const entries = Object.entries(problems);
  return (
    <div aria-live="polite">
      <p className="status-line" data-status={status}>
        {STATUS_TEXT[status]}
        {extra}
      </p>
      {entries.length > 0 && (
        <ul className="problems" aria-label="Fields to fix">
          {entries.map(([path, message]) => {
            const el = fieldElement(path);
            return (
              <li key={path}>
                <span>{message}</span>{' '}
                {el ? (
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => {
                      el.scrollIntoView({ block: 'center' });
                      el.focus();
                    }}
                  >
                    Go to the field
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn small"
                    onClick={() =>
                      setValue(path as FieldPath<DesignForm>, defaultAt(path) as never, {
                        shouldDirty: true,
                        shouldValidate: true,
                      })
                    }
                  >
                    Use the default
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
