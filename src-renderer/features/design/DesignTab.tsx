import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import {
  defaultDesignInput,
  SignDesignInputSchema,
  type SignDesignInput,
} from '../../../src-shared/engine';
import type { Project } from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { DesignFormSections } from './DesignFormSections';
import type { DesignForm } from './fields';
import { ResultsPanel } from './ResultsPanel';
import { RevisionsPanel } from './RevisionsPanel';
import { useLiveDesign } from './use-live-design';

/** The design workspace: form on the left, live results and the drawing on the right. */
export function DesignTab({ project }: { project: Project }) {
  const draft = useQuery('designs:get-draft', { projectId: project.id });
  const revisions = useQuery('designs:list-revisions', { projectId: project.id }, [
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
      initial={initial}
      revisionsCount={revisions.data?.length ?? 0}
    />
  );
}

function DesignEditor({
  project,
  initial,
  revisionsCount,
}: {
  project: Project;
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
  const [soilMode, setSoilMode] = useState<'class' | 'geotech'>(
    (initial.foundation?.soil as { geotechPsfPerFt?: number } | undefined)?.geotechPsfPerFt !==
      undefined
      ? 'geotech'
      : 'class',
  );
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [draftSavedAt, setDraftSavedAt] = useState<string | null>(null);

  // validate once on load so errors in a restored draft show next to their fields
  useEffect(() => {
    void form.trigger();
  }, [form]);

  // autosave the draft (debounced); a draft may be invalid, it is the form as typed
  const firstRun = useRef(true);
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const t = setTimeout(() => {
      client
        .call('designs:save-draft', {
          projectId: project.id,
          input: JSON.parse(valuesKey) as Record<string, unknown>,
        })
        .then((r) => setDraftSavedAt(r.updatedAt))
        .catch((e: Error) => toast.error(`Draft not saved: ${e.message}`));
    }, 600);
    return () => clearTimeout(t);
  }, [valuesKey, client, project.id]);

  const saveRevision = form.handleSubmit(
    async (input) => {
      setSaving(true);
      try {
        const rev = await client.call('designs:save-revision', {
          projectId: project.id,
          input,
          note,
        });
        setNote('');
        toast.info(`Saved design revision ${rev.number}.`);
      } catch (e) {
        toast.error((e as Error).message);
      } finally {
        setSaving(false);
      }
    },
    () => toast.error('Fix the fields marked in red before saving a revision.'),
  );

  const pickSection = (designation: string) =>
    form.setValue('supports.designation', designation, { shouldDirty: true, shouldValidate: true });
  const pickDiameter = (d: number) =>
    form.setValue('foundation.diameterFt', d, { shouldDirty: true, shouldValidate: true });
  const hasErrors = Object.keys(form.formState.errors).length > 0;

  return (
    <FormProvider {...form}>
      <div className="design-split">
        <form onSubmit={saveRevision} noValidate aria-label="Sign design">
          <nav className="section-nav" aria-label="Design steps">
            <a
              href="#sec-site"
              onClick={(e) => (
                e.preventDefault(),
                document.getElementById('sec-site')?.scrollIntoView()
              )}
            >
              Site
            </a>
            <a
              href="#sec-sign"
              onClick={(e) => (
                e.preventDefault(),
                document.getElementById('sec-sign')?.scrollIntoView()
              )}
            >
              Sign
            </a>
            <a
              href="#sec-structure"
              onClick={(e) => (
                e.preventDefault(),
                document.getElementById('sec-structure')?.scrollIntoView()
              )}
            >
              Structure
            </a>
            <a
              href="#sec-foundation"
              onClick={(e) => (
                e.preventDefault(),
                document.getElementById('sec-foundation')?.scrollIntoView()
              )}
            >
              Foundation
            </a>
            <a
              href="#sec-review"
              onClick={(e) => (
                e.preventDefault(),
                document.getElementById('sec-review')?.scrollIntoView()
              )}
            >
              Review
            </a>
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
              <button type="submit" className="btn primary" disabled={saving || hasErrors}>
                Save revision
              </button>
            </div>
            <p className="status-line" aria-live="polite">
              {hasErrors
                ? 'Some fields need attention; results show the last valid design.'
                : live.busy
                  ? 'Computing…'
                  : 'Results are up to date.'}
              {draftSavedAt
                ? ` Draft autosaved ${new Date(draftSavedAt).toLocaleTimeString()}.`
                : ''}
              {revisionsCount
                ? ` ${revisionsCount} saved revision${revisionsCount === 1 ? '' : 's'}.`
                : ''}
            </p>
            <RevisionsPanel project={project} />
          </section>
        </form>
        <aside className="results" aria-label="Results">
          {live.error && (
            <div className="form-error" role="alert">
              {live.error}
            </div>
          )}
          {live.result && live.input ? (
            <ResultsPanel
              input={live.input}
              result={live.result}
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
