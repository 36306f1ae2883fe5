import { useEffect } from 'react';
import type { Project } from '../../../src-shared/projects';
import { useClient } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { emptyProject, ProjectForm } from './ProjectForm';

export function NewProjectDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(p: Project): void;
}) {
  const client = useClient();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="new-project-title">
        <h2 id="new-project-title" style={{ marginTop: 0 }}>
          New project
        </h2>
        <ProjectForm
          initial={emptyProject}
          submitLabel="Create project"
          autoFocus
          onCancel={onClose}
          onSubmit={async (values) => {
            const p = await client.call('projects:create', values);
            toast.info(`Created “${p.name}”.`);
            onClose();
            onCreated(p);
          }}
        />
      </div>
    </div>
  );
}
