import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../../services/context';
import {
  addSign,
  duplicateSign,
  listSigns,
  removeSign,
  reorderSigns,
  restoreSign,
  updateSign,
} from '../../services/signs';

type SignHandlers = Pick<
  Handlers,
  | 'signs:list'
  | 'signs:add'
  | 'signs:update'
  | 'signs:duplicate'
  | 'signs:reorder'
  | 'signs:remove'
  | 'signs:restore'
>;

export function signHandlers(ctx: ServiceContext): SignHandlers {
  return {
    'signs:list': ({ projectId, trash }) => listSigns(ctx, projectId, { trash }),
    'signs:add': ({ projectId, ...fields }) => addSign(ctx, projectId, fields),
    'signs:update': ({ signId, patch }) => updateSign(ctx, signId, patch),
    'signs:duplicate': ({ signId }) => duplicateSign(ctx, signId),
    'signs:reorder': ({ projectId, ids }) => reorderSigns(ctx, projectId, ids),
    'signs:remove': ({ signId }) => removeSign(ctx, signId),
    'signs:restore': ({ signId }) => restoreSign(ctx, signId),
  };
}
