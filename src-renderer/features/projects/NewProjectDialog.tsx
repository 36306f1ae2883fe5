import type { Project } from '../../../src-shared/projects';
import { useClient } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { emptyProject, ProjectForm } from './ProjectForm';

/** Focus is trapped inside while open and returns to "New project" when it closes. */
export function NewProjectDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(p: Project): void;
}) {
  const client = useClient();
  return (
    <Dialog labelledBy="new-project-title" onClose={onClose}>
      <h2 id="new-project-title" style={{ marginTop: 0 }}>
        New project
      </h2>
      <ProjectForm
        initial={emptyProject}
        submitLabel="Create project"
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just opened this to type into it; focus goes to its first field (WAI-ARIA APG dialog)
        autoFocus
        onCancel={onClose}
        onSubmit={async (values) => {
          const p = await client.call('projects:create', values);
          toast.info(`Created “${p.name}”.`);
          onClose();
          onCreated(p);
        }}
      />
    </Dialog>
  );
}
