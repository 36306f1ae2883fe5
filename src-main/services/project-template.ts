import type { Project, ProjectFields } from '../../src-shared/projects';
import type { ServiceContext } from './context';
import {
  getDraftForSign,
  getRevision,
  listRevisionsForSign,
  saveDraftForSign,
  saveRevisionForSign,
} from './designs';
import { createProject, getProject } from './projects';
import { addSign, listSigns, updateSign } from './signs';

/**
 * A new project from an existing one used as a template (issue 15): the same sign schedule (marks,
 * names, quantities, order) and each sign's design: its autosaved draft and, as the new sign's
 * revision 1, its latest revision's input designed again with today's engine (a new job is
 * designed now, not when the template was). No quotes, files or status history. The customer and
 * site are the caller's (`fields`), not the template's. All in one transaction: a failure leaves
 * no half-copied project.
 */
export function duplicateProjectAsTemplate(
  ctx: ServiceContext,
  templateId: string,
  fields: ProjectFields,
): Project {
  const template = getProject(ctx, templateId);
  const run = ctx.sqlite.transaction(() => {
    const project = createProject(ctx, fields);
    const schedule = listSigns(ctx, template.id);
    const [first] = listSigns(ctx, project.id);
    schedule.forEach((src, i) => {
      const meta = { mark: src.mark, name: src.name, quantity: src.quantity };
      const sign = i === 0 ? updateSign(ctx, first.id, meta) : addSign(ctx, project.id, meta);
      const latest = listRevisionsForSign(ctx, src.id)[0];
      if (latest) {
        const rev = getRevision(ctx, latest.id);
        saveRevisionForSign(
          ctx,
          sign.id,
          rev.input,
          `From template “${template.name}”, ${src.mark} revision ${rev.number}`,
        );
      }
      const draft = getDraftForSign(ctx, src.id);
      if (draft) saveDraftForSign(ctx, sign.id, draft.input);
    });
    return project;
  });
  return run();
}
