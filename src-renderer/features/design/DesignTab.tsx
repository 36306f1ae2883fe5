import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import {
  defaultDesignInput,
  SignDesignInputSchema,
  type SignDesignInput,
} from '../../../src-shared/engine';
import type { Project } from '../../../src-shared/projects';
import type { SignListItem } from '../../../src-shared/signs';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { DesignFormSections } from './DesignFormSections';
import { DesignProblems } from './DesignProblems';
import type { DesignForm } from './fields';
import { ResultsPanel } from './ResultsPanel';
import { RevisionsPanel } from './RevisionsPanel';
import { useLiveDesign } from './use-live-design';
import { useSignKindRules } from './use-sign-kind-rules';

/**
 * The design workspace of one sign of the schedule (the route's sign, else the first): form on the
 * left, live results and the drawing on the right. Each sign has its own draft and revisions.
 */
export function DesignTab({ project }: { project: Project }) {
  const route = useRouter((s) => s.route);
  const go = useRouter((s) => s.go);
  const signs = useQuery('signs:list', { projectId: project.id }, ['signs:changed']);
  const wanted = route.name === 'project' ? route.sign : undefined;
  if (signs.error) return <p role="alert">{signs.error.message}</p>;
  if (!signs.data) return <p className="muted">Loading design…</p>;
  const sign = signs.data.find((s) => s.id === wanted) ?? signs.data[0];
  if (!sign) return <p className="muted">This project has no sign to design.</p>;
  return (
    <>
      {signs.data.length > 1 && (
        <div className="toolbar sign-picker">
          <label htmlFor="design-sign">Sign</label>
          <select
            id="design-sign"
            value={sign.id}
            onChange={(e) =>
              go({ name: 'project', id: project.id, tab: 'design', sign: e.target.value })
            }
          >
            {signs.data.map((s) => (
              <option key={s.id} value={s.id}>
                {signLabel(s)}
              </option>
            ))}
          </select>
          <span className="muted">
            {signs.data.length} signs in this job: each has its own design and revisions.
          </span>
        </div>
      )}
      <SignDesign key={sign.id} project={project} sign={sign} />
    </>
  );
}

/** "S2 monument north × 2" */
export function signLabel(s: Pick<SignListItem, 'mark' | 'name' | 'quantity'>): string {
  return `${s.mark}${s.name ? ` ${s.name}` : ''}${s.quantity > 1 ? ` × ${s.quantity}` : ''}`;
}

function SignDesign({ project, sign }: { project: Project; sign: SignListItem }) {
  const draft = useQuery('designs:get-draft-sign', { signId: sign.id });
  const revisions = useQuery('designs:list-revisions-sign', { signId: sign.id }, [
    'designs:changed',
  ]);
  const [initial, setInitial] = useState<DesignForm | null>(null);
  const client = useClient();

  useEffect(() => {
    if (initial || draft.loading || revisions.loading) return;
    (async () => {
      if (draft.data?.input) return setInitial(draft.data.input as DesignForm);
      const latest = revisions.data?.[0];
      if (latest) {
        const rev = await client.call('designs:get-revision', { id: latest.id });
        return setInitial(rev.input);
      }
      setInitial(structuredClone(defaultDesignInput));
    })().catch((e: Error) => toast.error(e.message));
  }, [initial, draft.loading, draft.data, revisions.loading, revisions.data, client]);

  if (!initial) return <p className="muted">Loading design…</p>;
  return (
    <DesignEditor
      project={project}
      sign={sign}
      initial={initial}
      revisionsCount={revisions.data?.length ?? 0}
    />
  );
}

const STEPS = [
  ['sec-site', 'Site'],
  ['sec-sign', 'Sign'],
  ['sec-structure', 'Structure'],
  ['sec-foundation', 'Foundation'],
  ['sec-review', 'Review'],
] as const;

const soilModeOf = (v: DesignForm): 'class' | 'geotech' =>
  (v.foundation?.soil as { geotechPsfPerFt?: number } | undefined)?.geotechPsfPerFt !== undefined
    ? 'geotech'
    : 'class';

function DesignEditor({
  project,
  sign,
  initial,
  revisionsCount,
}: {
  project: Project;
  sign: SignListItem;
  initial: DesignForm;
  revisionsCount: number;
}) {
  const client = useClient();
  const form = useForm<DesignForm, unknown, SignDesignInput>({
    resolver: zodResolver(SignDesignInputSchema),
    defaultValues: initial,
    mode: 'onChange',
  });
  const values = useWatch({ control: form.control });
  const live = useLiveDesign(values);
  useSignKindRules(form);
  const [soilMode, setSoilMode] = useState<'class' | 'geotech'>(soilModeOf(initial));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [draftSavedAt, setDraftSavedAt] = useState<string | null>(null);

  // every change re-checks the WHOLE form, so a rule that spans fields (monument clearance, gaps
  // per cabinet, overall height) shows next to its field, not only the field that was typed in
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    void form.trigger();
  }, [form, valuesKey]);

  // autosave the draft (debounced); a draft may be invalid, it is the form as typed. Leaving the
  // page before the pause is over still saves the last edits (flushed on unmount), never drops them.
  const firstRun = useRef(true);
  const pendingDraft = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const save = () => {
      pendingDraft.current = null;
      client
        .call('designs:save-draft-sign', {
          signId: sign.id,
          input: JSON.parse(valuesKey) as Record<string, unknown>,
        })
        .then((r) => setDraftSavedAt(r.updatedAt))
        .catch((e: Error) => toast.error(`Draft not saved: ${e.message}`));
    };
    pendingDraft.current = save;
    const t = setTimeout(save, 600);
    return () => clearTimeout(t);
  }, [valuesKey, client, sign.id]);
  useEffect(() => () => pendingDraft.current?.(), []);

  const problemCount = Object.keys(live.problems).length;
  const saveRevision = form.handleSubmit(
    async (input) => {
      setSaving(true);
      try {
        const rev = await client.call('designs:save-revision-sign', {
          signId: sign.id,
          input,
          note,
        });
        setNote('');
        toast.info(`Saved design revision ${rev.number} of ${sign.mark}.`);
      } catch (e) {
        toast.error((e as Error).message);
      } finally {
        setSaving(false);
      }
    },
    () =>
      toast.error(
        `Not saved: ${problemCount || 'some'} field${problemCount === 1 ? '' : 's'} to fix, listed under “Review and save”.`,
      ),
  );

  /** "Copy these inputs to the editor" from a revision, undoable through the toast. */
  const copyInputs = (input: SignDesignInput, revisionNumber: number) => {
    const before = structuredClone(form.getValues());
    const beforeSoil = soilMode;
    form.reset(structuredClone(input) as DesignForm);
    setSoilMode(soilModeOf(input as DesignForm));
    toast.info(`Revision ${revisionNumber}’s inputs are in the editor.`, {
      label: 'Undo',
      run: () => {
        form.reset(before);
        setSoilMode(beforeSoil);
      },
    });
  };

  const pickSection = (designation: string) =>
    form.setValue('supports.designation', designation, { shouldDirty: true, shouldValidate: true });
  const pickDiameter = (d: number) =>
    form.setValue('foundation.diameterFt', d, { shouldDirty: true, shouldValidate: true });

  return (
    <FormProvider {...form}>
      <div className="design-split">
        <form onSubmit={saveRevision} noValidate aria-label="Sign design">
          <nav className="section-nav" aria-label="Design steps">
            {STEPS.map(([id, label]) => (
              <a
                key={id}
                href={`#${id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(id)?.scrollIntoView();
                }}
              >
                {label}
              </a>
            ))}
          </nav>
          <DesignFormSections soilMode={soilMode} setSoilMode={setSoilMode} />
          <section aria-labelledby="sec-review" style={{ marginTop: 14 }}>
            <h2 id="sec-review">5. Review and save</h2>
            {values.supports?.designation && (
              <p>
                Pole chosen by you: <strong>{values.supports.designation}</strong>{' '}
                <button
                  type="button"
                  className="btn small"
                  onClick={() =>
                    form.setValue('supports.designation', undefined, { shouldDirty: true })
                  }
                >
                  Use the lightest instead
                </button>
              </p>
            )}
            <div className="toolbar">
              <input
                className="search"
                style={{ flex: 1 }}
                aria-label="Revision note"
                placeholder="Revision note (optional), e.g. “customer approved 2 poles”"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <button
                type="submit"
                className="btn primary"
                disabled={saving || live.status === 'invalid'}
              >
                Save revision
              </button>
            </div>
            <DesignProblems
              status={live.status}
              problems={live.problems}
              extra={
                (draftSavedAt
                  ? ` Draft autosaved ${new Date(draftSavedAt).toLocaleTimeString()}.`
                  : '') +
                (revisionsCount
                  ? ` ${revisionsCount} saved revision${revisionsCount === 1 ? '' : 's'}.`
                  : '')
              }
            />
            <RevisionsPanel project={project} signId={sign.id} onCopyInputs={copyInputs} />
          </section>
        </form>
        <aside
          className={`results${live.status === 'invalid' || live.status === 'failed' ? ' is-stale' : ''}`}
          aria-label="Results"
        >
          {live.error && (
            <div className="form-error" role="alert">
              {live.error}
            </div>
          )}
          {live.result && live.input ? (
            <ResultsPanel
              input={live.input}
              result={live.result}
              stale={live.status === 'invalid' || live.status === 'failed'}
              onPickSection={pickSection}
              onPickDiameter={pickDiameter}
            />
          ) : (
            <p className="muted">Enter a valid design to see results.</p>
          )}
        </aside>
      </div>
    </FormProvider>
  );
}
