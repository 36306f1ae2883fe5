import {
  PROJECT_STATUSES,
  STATUS_LABELS,
  TRANSITIONS,
  canTransition,
  type ProjectStatus,
} from '../../src-shared/projects';
import type { RecordProblem } from './record-checks';

/**
 * The server holds the project state machine (src-shared/projects.ts TRANSITIONS): a plain push
 * may keep a project's status or take one step the machine allows from the status the server has;
 * 'submitted' is reached only through POST /v1/projects/:id/submit (once, audited, idempotent), and
 * `submittedAt` / `submittedBy` belong to the server: an upsert keeps the stored values.
 */

export const SERVER_OWNED_FIELDS = ['submittedAt', 'submittedBy'] as const;
/** What a project may be created as: draft, or estimating (one step taken before the first sync). */
const INITIAL: readonly ProjectStatus[] = ['draft', 'estimating'];

const isStatus = (v: unknown): v is ProjectStatus =>
  typeof v === 'string' && (PROJECT_STATUSES as readonly string[]).includes(v);

const label = (s: ProjectStatus) => STATUS_LABELS[s];

function nextMoves(from: ProjectStatus): string {
  const allowed = TRANSITIONS[from].map(label);
  return allowed.length
    ? `from ${label(from)} it can move to ${allowed.join(' or ')}`
    : `${label(from)} is final`;
}

/** The status the server has for a stored project (older records may lack one: draft). */
export function storedStatus(data: Record<string, unknown> | null): ProjectStatus | null {
  if (!data) return null;
  return isStatus(data.status) ? data.status : 'draft';
}

/**
 * Judges a project upsert against the stored copy (`stored` is null for a create; a tombstone's
 * data for a restore). Returns the data to store, or the reason it is refused.
 */
export function judgeProjectUpsert(
  stored: Record<string, unknown> | null,
  data: Record<string, unknown>,
): { data: Record<string, unknown> } | { problem: RecordProblem } {
  const from = storedStatus(stored);
  const to = data.status === undefined ? (from ?? 'draft') : data.status;
  if (!isStatus(to)) {
    return {
      problem: {
        code: 'INVALID_STATUS',
        message: `status must be one of ${PROJECT_STATUSES.join(', ')}.`,
        field: 'status',
      },
    };
  }
  if (to === 'submitted' && from !== 'submitted') {
    return {
      problem: {
        code: 'SUBMIT_REQUIRED',
        message: 'A project is submitted through POST /v1/projects/:id/submit, not by an edit.',
        field: 'status',
      },
    };
  }
  if (from === null && !INITIAL.includes(to)) {
    return {
      problem: {
        code: 'INVALID_TRANSITION',
        message: `A new project starts as ${INITIAL.map(label).join(' or ')}, not ${label(to)}.`,
        field: 'status',
      },
    };
  }
  if (from !== null && from !== to && !canTransition(from, to)) {
    const why =
      from === 'submitted'
        ? 'a submitted project cannot be un-submitted'
        : `${label(from)} cannot move to ${label(to)}`;
    return {
      problem: {
        code: 'INVALID_TRANSITION',
        message: `The server has this project as ${label(from)}: ${why}; ${nextMoves(from)}.`,
        field: 'status',
      },
    };
  }
  const out: Record<string, unknown> = { ...data, status: to };
  for (const f of SERVER_OWNED_FIELDS) {
    const kept = stored?.[f];
    const sent = data[f];
    if (sent !== undefined && sent !== null && sent !== kept) {
      return {
        problem: {
          code: 'SERVER_OWNED_FIELD',
          message: `${f} is set by the server when the project is submitted; it cannot be changed by an edit.`,
          field: f,
        },
      };
    }
    if (kept === undefined) delete out[f];
    else out[f] = kept;
  }
  return { data: out };
}
