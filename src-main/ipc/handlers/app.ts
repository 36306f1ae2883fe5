import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../../services/context';
import type { LoadedPolicy } from '../../services/policy';
import { sqliteChannelStore, UpdateController } from '../../services/updates';
import { createWorkState, type WorkState } from '../../services/work-state';

type AppHandlers = Pick<
  Handlers,
  | 'app:about'
  | 'app:set-dirty'
  | 'app:open-logs-folder'
  | 'policy:get'
  | 'updates:status'
  | 'updates:check'
  | 'updates:set-channel'
  | 'updates:restart'
>;

export interface AppHandlerDeps {
  host: 'electron' | 'browser' | 'memory';
  appVersion: string;
  engineVersion: string;
  policy: LoadedPolicy;
  logsDir: string;
  /** the Electron host passes one wired to electron-updater; others get "unsupported" */
  updates?: UpdateController;
  workState?: WorkState;
  /** shell.openPath in Electron (resolves '' on success, else an error string) */
  openPath?: (p: string) => Promise<string>;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void;
}

const RUNTIME_KEYS = ['electron', 'chrome', 'node', 'v8'] as const;

/**
 * App-level commands for every host (docs/STYLE.md 4: thin, the rules live in services). Browser and
 * memory hosts call it with no updater and get "not available in this mode" answers.
 */
export function appHandlers(ctx: ServiceContext, deps: AppHandlerDeps): AppHandlers {
  const work = deps.workState ?? createWorkState(ctx.sqlite);
  const updates =
    deps.updates ??
    new UpdateController({
      port: null,
      policy: deps.policy,
      channelStore: sqliteChannelStore(ctx.sqlite, ctx.now),
      workAtRisk: work.atRisk,
      emitState: (s) => ctx.events.emit('updates:state', s),
      emitProgress: (p) => ctx.events.emit('updates:progress', p),
      now: ctx.now,
      log: deps.log,
    });
  const { policy, locked, file, problems } = deps.policy;

  return {
    'app:about': () => ({
      version: deps.appVersion,
      engineVersion: deps.engineVersion,
      host: deps.host,
      runtime: Object.fromEntries(
        RUNTIME_KEYS.flatMap((k) =>
          process.versions[k] ? [[k, String(process.versions[k])]] : [],
        ),
      ),
      updateState: updates.state,
    }),
    'app:set-dirty': ({ dirty }) => {
      work.setDirty(dirty);
      return { dirty };
    },
    'app:open-logs-folder': async () => {
      if (deps.openPath) {
        const err = await deps.openPath(deps.logsDir);
        if (err) deps.log?.('warn', `could not open the logs folder: ${err}`);
      }
      return { path: deps.logsDir };
    },
    'policy:get': () => ({
      effective: {
        updatesEnabled: policy.updatesEnabled ?? true,
        updateChannel: updates.effectiveConfig.channel,
        updateFeedUrl: policy.updateFeedUrl ?? null,
        syncServer: policy.syncServer ?? null,
      },
      locked,
      policyFile: file,
      problems,
    }),
    'updates:status': () => updates.state,
    'updates:check': () => updates.check(true),
    'updates:set-channel': ({ channel }) => updates.setChannel(channel),
    'updates:restart': () => updates.restart(),
  };
}
