import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../../services/context';
import { verifyAuditChain } from '../../services/audit';
import { getProfile, setProfile } from '../../services/profile';
import {
  createProject,
  getProject,
  listProjects,
  setArchived,
  setDeleted,
  transitionProject,
  undoTransition,
  updateProject,
} from '../../services/projects';
import { appendAudit } from '../../services/audit';
import { moveProjectTo } from '../../services/projects-follow';
import { duplicateProjectAsTemplate } from '../../services/project-template';
import { projectActivity } from '../../services/project-activity';

type ProjectHandlers = Pick<
  Handlers,
  | 'profile:get'
  | 'profile:set'
  | 'projects:list'
  | 'projects:get'
  | 'projects:create'
  | 'projects:duplicate-template'
  | 'projects:update'
  | 'projects:transition'
  | 'projects:undo-transition'
  | 'projects:move-to'
  | 'projects:archive'
  | 'projects:unarchive'
  | 'projects:delete'
  | 'projects:restore'
  | 'projects:activity'
  | 'audit:verify'
>;

/** Thin handlers (docs/STYLE.md 4): each maps a command to a service call. */
export function projectHandlers(ctx: ServiceContext): ProjectHandlers {
  return {
    'profile:get': () => getProfile(ctx.db),
    'profile:set': (p) =>
      ctx.sqlite.transaction(() => {
        const before = getProfile(ctx.db);
        const at = ctx.now();
        setProfile(ctx.db, p, at);
        appendAudit(ctx.sqlite, {
          actor: p.name,
          at,
          action: before ? 'profile.updated' : 'profile.created',
          entity: 'profile',
          entityId: 'local',
          before,
          after: p,
        });
        ctx.events.emit('profile:changed', {});
        return p;
      })(),
    'projects:list': (q) => listProjects(ctx, q),
    'projects:get': ({ id }) => getProject(ctx, id),
    'projects:create': (fields) => createProject(ctx, fields),
    'projects:duplicate-template': ({ id, fields }) => duplicateProjectAsTemplate(ctx, id, fields),
    'projects:update': ({ id, patch, expectedVersion }) =>
      updateProject(ctx, id, patch, expectedVersion),
    'projects:transition': ({ id, to }) => transitionProject(ctx, id, to).project,
    'projects:undo-transition': ({ id, eventId }) => undoTransition(ctx, id, eventId),
    'projects:move-to': ({ id, to }) => moveProjectTo(ctx, id, to),
    'projects:archive': ({ id }) => setArchived(ctx, id, true),
    'projects:unarchive': ({ id }) => setArchived(ctx, id, false),
    'projects:delete': ({ id }) => setDeleted(ctx, id, true),
    'projects:restore': ({ id }) => setDeleted(ctx, id, false),
    'projects:activity': ({ id }) => projectActivity(ctx.sqlite, id),
    'audit:verify': () => verifyAuditChain(ctx.sqlite),
  };
}
