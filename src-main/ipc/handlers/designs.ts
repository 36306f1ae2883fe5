import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../../services/context';
import { computeDesignParsed as computeDesign } from '../../engine';
import {
  getDraft,
  getDraftForSign,
  getRevision,
  listRevisions,
  listRevisionsForSign,
  recomputeRevision,
  saveDraft,
  saveDraftForSign,
  saveRevision,
  saveRevisionForSign,
} from '../../services/designs';
import { getProject } from '../../services/projects';
import { markWhenSeveral, signLabelWhenSeveral } from '../../services/signs-rows';
import { calcReportPdf } from '../../services/reports/calc-report';

type DesignHandlers = Pick<
  Handlers,
  | 'designs:compute'
  | 'designs:get-draft'
  | 'designs:save-draft'
  | 'designs:save-revision'
  | 'designs:list-revisions'
  | 'designs:get-revision'
  | 'designs:get-draft-sign'
  | 'designs:save-draft-sign'
  | 'designs:save-revision-sign'
  | 'designs:list-revisions-sign'
  | 'designs:recompute-revision'
  | 'designs:report-pdf'
>;

export function designHandlers(ctx: ServiceContext): DesignHandlers {
  return {
    'designs:compute': (input) => computeDesign(input),
    'designs:get-draft': ({ projectId }) => getDraft(ctx, projectId),
    'designs:save-draft': ({ projectId, input }) => saveDraft(ctx, projectId, input),
    'designs:save-revision': ({ projectId, input, note }) =>
      saveRevision(ctx, projectId, input, note),
    'designs:list-revisions': ({ projectId }) => listRevisions(ctx, projectId),
    'designs:get-revision': ({ id }) => getRevision(ctx, id),
    'designs:get-draft-sign': ({ signId }) => getDraftForSign(ctx, signId),
    'designs:save-draft-sign': ({ signId, input }) => saveDraftForSign(ctx, signId, input),
    'designs:save-revision-sign': ({ signId, input, note }) =>
      saveRevisionForSign(ctx, signId, input, note),
    'designs:list-revisions-sign': ({ signId }) => listRevisionsForSign(ctx, signId),
    'designs:recompute-revision': ({ id }) => recomputeRevision(ctx, id),
    'designs:report-pdf': async ({ id }) => {
      const rev = getRevision(ctx, id);
      const project = getProject(ctx, rev.projectId);
      const pdf = await calcReportPdf(
        project,
        rev,
        signLabelWhenSeveral(ctx, rev.signId) ?? undefined,
      );
      const safe =
        project.name
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 60) || 'project';
      // revisions are numbered per sign: with several signs the file names the sign too
      const mark = markWhenSeveral(ctx, rev.signId)
        ?.replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '');
      return {
        fileName: `${safe}${mark ? `-${mark}` : ''}-calc-rev${rev.number}.pdf`,
        base64: pdf.toString('base64'),
        bytes: pdf.length,
      };
    },
  };
}
