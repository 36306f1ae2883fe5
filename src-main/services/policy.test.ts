import { describe, expect, it, vi } from 'vitest';
import { loadPolicy, policyFilePath } from './policy';

const enoent = () => {
  throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
};
const fileWith = (text: string) => () => text;

describe('policyFilePath', () => {
  it('uses the machine-wide location of each OS', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\PD' })).toBe(
      'D:\\PD\\Signwright\\policy.json',
    );
    expect(policyFilePath('win32', {})).toBe('C:\\ProgramData\\Signwright\\policy.json');
    expect(policyFilePath('darwin', {})).toBe(
      '/Library/Application Support/Signwright/policy.json',
    );
    expect(policyFilePath('linux', {})).toBe('/etc/signwright/policy.json');
  });
});

describe('loadPolicy', () => {
  it('missing file and no env -> no policy, nothing locked, no problems', () => {
    const log = vi.fn();
    const r = loadPolicy({ platform: 'linux', env: {}, readFile: enoent, log });
    expect(r.policy).toEqual({});
    expect(Object.values(r.locked).every((v) => v === false)).toBe(true);
    expect(r.problems).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });

  it('reads the file and locks the keys it sets', () => {
    const r = loadPolicy({
      platform: 'linux',
      env: {},
      readFile: fileWith(
        '\uFEFF{"updatesEnabled": false, "updateChannel": "beta", "updateFeedUrl": "https://mirror.example.com/sw", "syncServer": "https://sync.example.com"}',
      ),
    });
    expect(r.policy).toEqual({
      updatesEnabled: false,
      updateChannel: 'beta',
      updateFeedUrl: 'https://mirror.example.com/sw',
      syncServer: 'https://sync.example.com',
    });
    expect(r.locked).toEqual({
      updatesEnabled: true,
      updateChannel: true,
      updateFeedUrl: true,
      syncServer: true,
    });
    expect(r.problems).toEqual([]);
  });

  it('malformed JSON -> a clear log line naming the file, safe defaults', () => {
    const log = vi.fn();
    const r = loadPolicy({
      platform: 'linux',
      env: {},
      readFile: fileWith('{"updatesEnabled": fals'),
      log,
    });
    expect(r.policy).toEqual({});
    expect(r.locked.updatesEnabled).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/\/etc\/signwright\/policy\.json is not valid JSON/);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('is not valid JSON'));
  });

  it('a JSON array or string is refused as a whole', () => {
    const r = loadPolicy({ platform: 'linux', env: {}, readFile: fileWith('[1,2]') });
    expect(r.policy).toEqual({});
    expect(r.problems[0]).toMatch(/must hold a JSON object/);
  });

  it('wrong types -> that key is ignored (safe default), the others still apply', () => {
    const r = loadPolicy({
      platform: 'linux',
      env: {},
      readFile: fileWith(
        '{"updatesEnabled": "no", "updateChannel": "nightly", "updateFeedUrl": "ftp://x", "syncServer": "https://ok.example.com"}',
      ),
    });
    expect(r.policy).toEqual({ syncServer: 'https://ok.example.com' });
    expect(r.locked).toMatchObject({
      updatesEnabled: false,
      updateChannel: false,
      syncServer: true,
    });
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join('\n')).toMatch(/"updatesEnabled" must be true or false \(got "no"\)/);
    expect(r.problems.join('\n')).toMatch(/"updateChannel" must be one of: stable, beta/);
    expect(r.problems.join('\n')).toMatch(/"updateFeedUrl" must be an http\(s\) URL/);
  });

  it('unknown keys are ignored and logged', () => {
    const log = vi.fn();
    const r = loadPolicy({
      platform: 'linux',
      env: {},
      readFile: fileWith('{"autoUpdate": false, "updatesEnabled": true}'),
      log,
    });
    expect(r.policy).toEqual({ updatesEnabled: true });
    expect(r.problems).toEqual([expect.stringMatching(/unknown key "autoUpdate" ignored/)]);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('unknown key "autoUpdate"'));
  });

  it('an unreadable file (permissions) is reported, not fatal', () => {
    const r = loadPolicy({
      platform: 'linux',
      env: {},
      readFile: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
    });
    expect(r.policy).toEqual({});
    expect(r.problems[0]).toMatch(/could not read .*EACCES/);
  });

  it('environment variables win over the file', () => {
    const r = loadPolicy({
      platform: 'win32',
      env: {
        SIGNWRIGHT_UPDATES_DISABLED: '1',
        SIGNWRIGHT_UPDATE_CHANNEL: 'Stable',
        SIGNWRIGHT_UPDATE_FEED_URL: 'https://env-mirror.example.com',
        SIGNWRIGHT_SYNC_SERVER: 'https://env-sync.example.com',
      },
      readFile: fileWith(
        '{"updatesEnabled": true, "updateChannel": "beta", "updateFeedUrl": "https://file.example.com"}',
      ),
    });
    expect(r.policy).toEqual({
      updatesEnabled: false,
      updateChannel: 'stable',
      updateFeedUrl: 'https://env-mirror.example.com',
      syncServer: 'https://env-sync.example.com',
    });
    expect(r.sources).toEqual({
      updatesEnabled: 'env',
      updateChannel: 'env',
      updateFeedUrl: 'env',
      syncServer: 'env',
    });
  });

  it('SIGNWRIGHT_UPDATES_DISABLED=0 enables; a bad env value is reported and ignored', () => {
    expect(
      loadPolicy({
        platform: 'linux',
        env: { SIGNWRIGHT_UPDATES_DISABLED: 'false' },
        readFile: enoent,
      }).policy,
    ).toEqual({ updatesEnabled: true });
    const r = loadPolicy({
      platform: 'linux',
      env: { SIGNWRIGHT_UPDATES_DISABLED: 'maybe', SIGNWRIGHT_UPDATE_CHANNEL: '' },
      readFile: fileWith('{"updatesEnabled": false}'),
    });
    expect(r.policy).toEqual({ updatesEnabled: false }); // the file value stands
    expect(r.sources.updatesEnabled).toBe('file');
    expect(r.problems[0]).toMatch(
      /SIGNWRIGHT_UPDATES_DISABLED must be 1\/true\/yes or 0\/false\/no/,
    );
  });

  it('SIGNWRIGHT_POLICY_FILE points at another file', () => {
    const readFile = vi.fn(fileWith('{}'));
    const r = loadPolicy({
      platform: 'linux',
      env: { SIGNWRIGHT_POLICY_FILE: '/tmp/p.json' },
      readFile,
    });
    expect(readFile).toHaveBeenCalledWith('/tmp/p.json');
    expect(r.file).toBe('/tmp/p.json');
  });
});
