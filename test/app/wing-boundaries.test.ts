import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The wing boundaries (docs/ARCHITECTURE.md) are held by the lint: this plants the violations a
 * change could bring and checks the repository's own eslint.config.js refuses each one, naming the
 * rule, while the allowed imports pass. Type-aware parsing is switched off here (the planted files
 * are not in any tsconfig); the boundary and cycle rules do not need types.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('wing boundaries: planted violations are refused by the lint', () => {
  it('the renderer cannot import the main process or the server, only the shared contract', async () => {
    expect(
      await ruleIds(
        'src-renderer/features/planted/Planted.tsx',
        "import { computeDesign } from '../../../src-main/engine';\nexport const x = computeDesign;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'src-renderer/features/planted/Planted.tsx',
        "import { createServer } from '../../../src-server/app';\nexport const x = createServer;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'src-renderer/features/planted/Planted.tsx',
        "import { formatMoney } from '../../../src-shared/format';\nexport const x = formatMoney;\n",
      ),
    ).not.toContain('no-restricted-imports');
  });

  it('src-shared stays pure: no Node module and no other wing', async () => {
    for (const spec of ['node:fs', 'fs', '../src-main/engine', '../src-renderer/app/router']) {
      expect(
        await ruleIds(
          'src-shared/planted.ts',
          `import * as m from '${spec}';\nexport const x = m;\n`,
        ),
        spec,
      ).toContain('no-restricted-imports');
    }
  });

  it('the server shares only src-shared with the app', async () => {
    expect(
      await ruleIds(
        'src-server/services/planted.ts',
        "import { computeDesign } from '../../src-main/engine';\nexport const x = computeDesign;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'src-main/services/planted.ts',
        "import { createServer } from '../../src-server/app';\nexport const x = createServer;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('only src-main/app imports electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await ruleIds('src-main/services/planted.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src-main/app/planted.ts', code)).not.toContain('no-restricted-imports');
  });

  const dir = path.join(ROOT, 'src-shared', `.planted-cycle-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an import circle is refused (import-x/no-cycle)', async () => {
    // two real files (the cycle rule resolves imports on disk), removed after the test
    fs.mkdirSync(dir, { recursive: true });
    const a = "import { b } from './b';\nexport const a = (): number => b() + 1;\n";
    const b = "import { a } from './a';\nexport const b = (): number => (a() > 0 ? 0 : 1);\n";
    fs.writeFileSync(path.join(dir, 'a.ts'), a);
    fs.writeFileSync(path.join(dir, 'b.ts'), b);
    const rel = path.relative(ROOT, path.join(dir, 'a.ts'));
    expect(await ruleIds(rel, a)).toContain('import-x/no-cycle');
    // the same file without the circle passes the rule
    expect(await ruleIds(rel, 'export const a = (): number => 1;\n')).not.toContain(
      'import-x/no-cycle',
    );
  });
});
