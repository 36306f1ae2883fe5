import { STATUS_LABELS, type Project } from '../../../src-shared/projects';
import { useClient } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { formatWhen } from '../../../src-shared/format';
import { ProjectForm } from './ProjectForm';

export function OverviewTab({ project }: { project: Project }) {
  const client = useClient();
  const { id, version, status, createdAt, updatedAt, archivedAt, deletedAt, ...fields } = project;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <ProjectForm
        key={`${id}:${version}`}
        initial={fields}
        submitLabel="Save changes"
        onSubmit={async (values) => {
          await client.call('projects:update', { id, patch: values, expectedVersion: version });
          toast.info('Saved.');
        }}
      />
      <dl className="kv card" aria-label="Record">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[status]}</dd>
        <dt>Created</dt>
        <dd className="num">{formatWhen(createdAt)}</dd>
        <dt>Last changed</dt>
        <dd className="num">{formatWhen(updatedAt)}</dd>
        {archivedAt && (
          <>
            <dt>Archived</dt>
            <dd className="num">{formatWhen(archivedAt)}</dd>
          </>
        )}
        {deletedAt && (
          <>
            <dt>In trash since</dt>
            <dd className="num">{formatWhen(deletedAt)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
