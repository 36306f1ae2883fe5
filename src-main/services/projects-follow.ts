import { AppError } from '../../src-shared/errors';
import { STATUS_LABELS, type Project, type ProjectStatus } from '../../src-shared/projects';
import {
  PROJECT_STATUS_FOR_QUOTE,
  pathText,
  statusPath,
  type ProjectMove,
  type QuoteStatus,
} from '../../src-shared/quotes';
import type { ServiceContext } from './context';
import { getProject, transitionProject } from './projects';

/**
 * Walks the shortest path of allowed transitions to `to`, each step recorded like a manual one,
 * all or none (one transaction). Used when a quote's status asks for a project status that the
 * state machine does not reach in one step and the estimator said yes.
 */
export function moveProjectTo(
  ctx: ServiceContext,
  id: string,
  to: ProjectStatus,
): { project: Project; eventId: string | null } {
  return ctx.sqlite
    .transaction(() => {
      const from = getProject(ctx, id).status;
      const path = statusPath(from, to);
      if (path === null)
        throw new AppError(
          'ILLEGAL_STATE',
          `A ${STATUS_LABELS[from]} project cannot reach ${STATUS_LABELS[to]}.`,
        );
      let last: { project: Project; eventId: string | null } = {
        project: getProject(ctx, id),
        eventId: null,
      };
      for (const step of path) last = transitionProject(ctx, id, step);
      return last;
    })
    .immediate();
}

/**
 * The project status a quote status asks for (sent -> Submitted, accepted -> Accepted): moved at
 * once when the state machine allows it directly, else described with the path to ask about.
 * Returns null when the quote status has no project meaning (draft, declined, expired).
 */
export function followQuoteStatus(
  ctx: ServiceContext,
  projectId: string,
  quoteStatus: QuoteStatus,
): ProjectMove | null {
  const to = PROJECT_STATUS_FOR_QUOTE[quoteStatus];
  if (!to) return null;
  const p = getProject(ctx, projectId);
  const base = { projectId, from: p.status, to, moved: false, path: [], eventId: null };
  if (p.deletedAt) return { ...base, message: 'The project is in the trash; its status stays.' };
  if (p.status === to) return { ...base, message: `The project is already ${STATUS_LABELS[to]}.` };
  const path = statusPath(p.status, to);
  if (path === null)
    return {
      ...base,
      message: `The project stays ${STATUS_LABELS[p.status]}: a ${STATUS_LABELS[p.status]} project cannot move to ${STATUS_LABELS[to]}.`,
    };
  if (path.length === 1) {
    const r = transitionProject(ctx, projectId, to);
    return {
      ...base,
      moved: true,
      eventId: r.eventId,
      message: `Project moved from ${STATUS_LABELS[p.status]} to ${STATUS_LABELS[to]}.`,
    };
  }
  return {
    ...base,
    path,
    message: `The project is ${STATUS_LABELS[p.status]}; ${STATUS_LABELS[to]} is reached through ${pathText(p.status, path)}.`,
  };
}
