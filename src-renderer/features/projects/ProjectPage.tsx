import { useState, type ReactNode } from 'react';
import {
  STATUS_LABELS,
  TRANSITIONS,
  type Project,
  type ProjectStatus,
} from '../../../src-shared/projects';
import { useClient, useQuery } from '../../app/client-context';
import { useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { ActivityTab } from './ActivityTab';
import { NewProjectDialog } from './NewProjectDialog';
import { OverviewTab } from './OverviewTab';
import { SyncBadge } from './SyncBadge';
import { projectTabs } from './tabs';
import { Tabs } from './TabList';

const VERB: Partial<Record<ProjectStatus, string>> = {
  estimating: 'Start estimating',
  submitted: 'Mark submitted',
  accepted: 'Mark accepted',
  rejected: 'Mark rejected',
  draft: 'Back to draft',
};

export function ProjectPage({ id, tab }: { id: string; tab: string }) {
  const client = useClient();
  const go = useRouter((s) => s.go);
  const { data: project, error } = useQuery('projects:get', { id }, ['projects:changed']);
  const [templateOpen, setTemplateOpen] = useState(false);

  if (error) {
    return (
      <div className="empty" role="alert">
        {error.message}{' '}
        <button className="btn small" onClick={() => go({ name: 'projects' })}>
          Back to projects
        </button>
      </div>
    );
  }
  if (!project) return <p className="muted">Loading…</p>;

  const act = async (label: string, fn: () => Promise<unknown>, undo?: () => Promise<unknown>) => {
    try {
      await fn();
      toast.info(
        label,
        undo
          ? {
              label: 'Undo',
              run: async () => void (await undo().catch((e: Error) => toast.error(e.message))),
            }
          : undefined,
      );
    } catch (err) {
      toast.error((err as Error).message);
    }
  };

  const transition = (to: ProjectStatus) =>
    act(
      `Status changed to ${STATUS_LABELS[to]}.`,
      () => client.call('projects:transition', { id, to }),
      async () => {
        const events = await client.call('projects:activity', { id });
        const last = events.find((e) => e.entity === 'project');
        if (last) await client.call('projects:undo-transition', { id, eventId: last.id });
      },
    );

  const tabs: { key: string; label: string; render: (p: Project) => ReactNode }[] = [
    { key: 'overview', label: 'Overview', render: (p) => <OverviewTab project={p} /> },
    ...projectTabs,
    { key: 'activity', label: 'Activity', render: (p) => <ActivityTab projectId={p.id} /> },
  ];
  const current = tabs.find((t) => t.key === tab) ?? tabs[0];

  return (
    <section aria-labelledby="project-title">
      <div className="project-header">
        <button
          className="btn small"
          onClick={() => go({ name: 'projects' })}
          aria-label="Back to projects"
        >
          ←
        </button>
        <h1 id="project-title">{project.name}</h1>
        <span
          className={`badge ${project.status}`}
          aria-label={`Status: ${STATUS_LABELS[project.status]}`}
        >
          {STATUS_LABELS[project.status]}
        </span>
        {project.archivedAt && <span className="badge">Archived</span>}
        <SyncBadge projectId={project.id} />
        <span style={{ flex: 1 }} />
        {!project.deletedAt &&
          TRANSITIONS[project.status].map((to) => (
            <button key={to} className="btn" onClick={() => transition(to)}>
              {VERB[to] ?? STATUS_LABELS[to]}
            </button>
          ))}
        <button className="btn" onClick={() => setTemplateOpen(true)}>
          Use as template
        </button>
        {!project.deletedAt && (
          <button
            className="btn"
            onClick={() =>
              project.archivedAt
                ? act('Restored from the archive.', () => client.call('projects:unarchive', { id }))
                : act(
                    'Archived.',
                    () => client.call('projects:archive', { id }),
                    () => client.call('projects:unarchive', { id }),
                  )
            }
          >
            {project.archivedAt ? 'Unarchive' : 'Archive'}
          </button>
        )}
        {project.deletedAt ? (
          <button
            className="btn"
            onClick={() =>
              act('Restored from the trash.', () => client.call('projects:restore', { id }))
            }
          >
            Restore from trash
          </button>
        ) : (
          <button
            className="btn danger"
            onClick={() =>
              act(
                `Moved “${project.name}” to the trash.`,
                async () => {
                  await client.call('projects:delete', { id });
                  go({ name: 'projects' });
                },
                () => client.call('projects:restore', { id }),
              )
            }
          >
            Delete
          </button>
        )}
      </div>
      {templateOpen && (
        <NewProjectDialog
          template={project}
          onClose={() => setTemplateOpen(false)}
          onCreated={(p) => go({ name: 'project', id: p.id, tab: 'signs' })}
        />
      )}
      <Tabs
        tabs={tabs}
        current={current.key}
        onSelect={(key) => go({ name: 'project', id, tab: key })}
      >
        {current.render(project)}
      </Tabs>
    </section>
  );
}
