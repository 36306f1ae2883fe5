import { z } from 'zod';
import { PROJECT_STATUSES, STATUS_LABELS, TRANSITIONS, type ProjectStatus } from '../projects';
import type { QuoteStatus } from './quote';

/**
 * A quote's status moves its project to the matching status: a quote sent means the bid is
 * submitted, an accepted quote an accepted project. Where the project's state machine has no
 * direct edge, the answer carries the path and the UI asks before walking it.
 */
export const PROJECT_STATUS_FOR_QUOTE: Partial<Record<QuoteStatus, ProjectStatus>> = {
  sent: 'submitted',
  accepted: 'accepted',
};

/** Shortest path of allowed transitions from -> to (empty when equal; null when unreachable). */
export function statusPath(from: ProjectStatus, to: ProjectStatus): ProjectStatus[] | null {
  if (from === to) return [];
  const prev = new Map<ProjectStatus, ProjectStatus>();
  const queue: ProjectStatus[] = [from];
  while (queue.length) {
    const s = queue.shift()!;
    for (const n of TRANSITIONS[s]) {
      if (n === from || prev.has(n)) continue;
      prev.set(n, s);
      if (n === to) {
        const path: ProjectStatus[] = [to];
        let c = s;
        while (c !== from) {
          path.unshift(c);
          c = prev.get(c)!;
        }
        return path;
      }
      queue.push(n);
    }
  }
  return null;
}

const statusEnum = z.enum(PROJECT_STATUSES);
export const projectMoveSchema = z.object({
  projectId: z.string(),
  from: statusEnum,
  /** the status the quote asks for */
  to: statusEnum,
  /** true: the project is now `to` */
  moved: z.boolean(),
  /** the transitions still to walk when the move needs the estimator's yes (else empty) */
  path: z.array(statusEnum),
  /** what happened or what is asked, in plain words */
  message: z.string(),
  /** the audit event of the move (for Undo through the toast) */
  eventId: z.string().nullable(),
});
export type ProjectMove = z.infer<typeof projectMoveSchema>;

export function pathText(from: ProjectStatus, path: readonly ProjectStatus[]): string {
  return [from, ...path].map((s) => STATUS_LABELS[s]).join(' → ');
}
