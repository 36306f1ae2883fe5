import type { Project } from '../../../src-shared/projects';
import { useClient } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { emptyProject, ProjectForm } from './ProjectForm';

/**
 * Focus is trapped inside while open and returns to the button that opened it when it closes.
 * With `template`, the new project gets the template's signs and designs (no quotes).
 */
export function NewProjectDialog({
  onClose,
  onCreated,
  template,
}: {
  onClose(): void;
  onCreated(p: Project): void;
  template?: Project;
}) {
  const client = useClient();
  return (
    <Dialog labelledBy="new-project-title" onClose={onClose}>
      <h2 id="new-project-title" style={{ marginTop: 0 }}>
        {template ? `New project from “${template.name}”` : 'New project'}
      </h2>
      {template && (
        <p className="muted">
          The new project gets this project’s signs and their designs (designed again with today’s
          engine). Quotes, files and history stay with “{template.name}”.
        </p>
      )}
      <ProjectForm
        initial={template ? { ...emptyProject, name: `${template.name} (copy)` } : emptyProject}
        submitLabel="Create project"
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just opened this to type into it; focus goes to its first field (WAI-ARIA APG dialog)
        autoFocus
        onCancel={onClose}
        onSubmit={async (values) => {
          const p = template
            ? await client.call('projects:duplicate-template', { id: template.id, fields: values })
            : await client.call('projects:create', values);
          toast.info(
            template ? `Created “${p.name}” from “${template.name}”.` : `Created “${p.name}”.`,
          );
          onClose();
          onCreated(p);
        }}
      />
    </Dialog>
  );
}
