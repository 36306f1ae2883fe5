import fs from 'node:fs';
import path from 'node:path';
import { UPDATE_CHANNELS, type UpdateChannel } from '../../src-shared/ipc/contracts/app';

/**
 * Machine-wide IT policy (RELEASING.md, "IT policy"). Pure Node, no electron: read once at
 * startup by every host. Precedence: environment variable > policy file > user setting >
 * built-in default. A key set by the file or the environment is "locked": the UI shows it
 * read-only and the user's own choice is ignored.
 */
export interface Policy {
  /** false = never check for updates */
  updatesEnabled?: boolean;
  /** pins the update channel */
  updateChannel?: UpdateChannel;
  /** replaces the feed URL baked in at build time (an internal mirror) */
  updateFeedUrl?: string;
  /** default sync server for new installs */
  syncServer?: string;
}

export type PolicyKey = keyof Required<Policy>;
export const POLICY_KEY_LIST: PolicyKey[] = [
  'updatesEnabled',
  'updateChannel',
  'updateFeedUrl',
  'syncServer',
];

export const POLICY_ENV = {
  updatesEnabled: 'SIGNWRIGHT_UPDATES_DISABLED',
  updateChannel: 'SIGNWRIGHT_UPDATE_CHANNEL',
  updateFeedUrl: 'SIGNWRIGHT_UPDATE_FEED_URL',
  syncServer: 'SIGNWRIGHT_SYNC_SERVER',
} as const satisfies Record<PolicyKey, string>;

/** An explicit path for the policy file (tests, portable installs). */
export const POLICY_FILE_ENV = 'SIGNWRIGHT_POLICY_FILE';

export interface LoadedPolicy {
  policy: Policy;
  locked: Record<PolicyKey, boolean>;
  /** where each locked key came from */
  sources: Partial<Record<PolicyKey, 'file' | 'env'>>;
  file: string;
  /** one plain sentence per problem; each was also logged */
  problems: string[];
}

export interface LoadPolicyOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** fs.readFileSync(p, 'utf8'); throw with code ENOENT when the file does not exist */
  readFile: (file: string) => string;
  log?: (level: 'info' | 'warn', msg: string) => void;
}

/** The per-OS machine-wide location (only admins can write there). */
export function policyFilePath(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string {
  if (env[POLICY_FILE_ENV]) return env[POLICY_FILE_ENV]!;
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Signwright', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Signwright/policy.json';
  return '/etc/signwright/policy.json';
}

type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };

function parseUrl(v: unknown): Parsed<string> {
  if (typeof v !== 'string') return { ok: false, why: 'must be a URL string' };
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') {
      return { ok: false, why: 'must be an http(s) URL' };
    }
    return { ok: true, value: v };
  } catch {
    return { ok: false, why: 'is not a valid URL' };
  }
}

const fromFile: { [K in PolicyKey]: (v: unknown) => Parsed<Required<Policy>[K]> } = {
  updatesEnabled: (v) =>
    typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, why: 'must be true or false' },
  updateChannel: (v) =>
    typeof v === 'string' && (UPDATE_CHANNELS as readonly string[]).includes(v)
      ? { ok: true, value: v as UpdateChannel }
      : { ok: false, why: `must be one of: ${UPDATE_CHANNELS.join(', ')}` },
  updateFeedUrl: parseUrl,
  syncServer: parseUrl,
};

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

const fromEnv: { [K in PolicyKey]: (v: string) => Parsed<Required<Policy>[K]> } = {
  // the variable says "disabled", so its truth inverts updatesEnabled
  updatesEnabled: (v) => {
    const s = v.trim().toLowerCase();
    if (TRUE.includes(s)) return { ok: true, value: false };
    if (FALSE.includes(s)) return { ok: true, value: true };
    return { ok: false, why: 'must be 1/true/yes or 0/false/no' };
  },
  updateChannel: (v) => fromFile.updateChannel(v.trim().toLowerCase()),
  updateFeedUrl: (v) => parseUrl(v.trim()),
  syncServer: (v) => parseUrl(v.trim()),
};

/**
 * Reads the policy file and the environment. Never throws: a missing file means "no policy";
 * a broken file or a wrong value is logged in plain words and that key falls back to the safe
 * default (not locked), so a typo by IT never stops the app from starting.
 */
export function loadPolicy(opts: LoadPolicyOptions): LoadedPolicy {
  const file = policyFilePath(opts.platform, opts.env);
  const problems: string[] = [];
  const problem = (msg: string) => {
    problems.push(msg);
    opts.log?.('warn', `policy: ${msg}`);
  };
  const policy: Policy = {};
  const sources: LoadedPolicy['sources'] = {};
  const set = <K extends PolicyKey>(key: K, value: Required<Policy>[K], src: 'file' | 'env') => {
    policy[key] = value;
    sources[key] = src;
  };

  let raw: string | undefined;
  try {
    raw = opts.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      problem(`could not read ${file} (${code ?? (err as Error).message}); using defaults.`);
    }
  }
  if (raw !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(raw.replace(/^\uFEFF/, '')); // Notepad writes a BOM
    } catch (err) {
      problem(`${file} is not valid JSON (${(err as Error).message}); ignoring the whole file.`);
    }
    if (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json))) {
      problem(`${file} must hold a JSON object like {"updatesEnabled": false}; ignoring it.`);
    } else if (json) {
      for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
        if (!(POLICY_KEY_LIST as string[]).includes(key)) {
          problem(`${file}: unknown key "${key}" ignored (known: ${POLICY_KEY_LIST.join(', ')}).`);
          continue;
        }
        const k = key as PolicyKey;
        const parsed = fromFile[k](value);
        if (parsed.ok) set(k, parsed.value as never, 'file');
        else problem(`${file}: "${key}" ${parsed.why} (got ${JSON.stringify(value)}); ignored.`);
      }
    }
  }

  for (const k of POLICY_KEY_LIST) {
    const name = POLICY_ENV[k];
    const value = opts.env[name];
    if (value === undefined || value.trim() === '') continue;
    const parsed = fromEnv[k](value);
    if (parsed.ok) set(k, parsed.value as never, 'env');
    else problem(`environment ${name} ${parsed.why} (got "${value}"); ignored.`);
  }

  const locked = Object.fromEntries(
    POLICY_KEY_LIST.map((k) => [k, sources[k] !== undefined]),
  ) as Record<PolicyKey, boolean>;
  if (Object.keys(sources).length > 0) {
    opts.log?.(
      'info',
      `policy: in effect ${JSON.stringify(policy)} from ${JSON.stringify(sources)}`,
    );
  }
  return { policy, locked, sources, file, problems };
}

/** loadPolicy for the real machine (all hosts call this once at startup). */
export function loadSystemPolicy(log?: LoadPolicyOptions['log']): LoadedPolicy {
  return loadPolicy({
    platform: process.platform,
    env: process.env,
    readFile: (f) => fs.readFileSync(f, 'utf8'),
    log,
  });
}
