import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Code comments cite the design files (docs/ARCHITECTURE.md, docs/STYLE.md, ...): each cited
// file must be in the repository, and no comment may cite one by a bare name that is not.
const root = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory())
      return e.name === 'node_modules' || e.name === 'drizzle' ? [] : sources(rel);
    return /\.(ts|tsx|mjs|css)$/.test(e.name) ? [rel] : [];
  });
}

describe('design files cited in the code', () => {
  const files = ['src-shared', 'src-main', 'src-renderer', 'src-server', 'test', 'scripts'].flatMap(
    sources,
  );

  it('exist in the repository', () => {
    const cited = new Set<string>();
    for (const f of files) {
      for (const m of fs
        .readFileSync(path.join(root, f), 'utf8')
        .matchAll(/\bdocs\/([\w-]+\.md)\b/g)) {
        cited.add(`docs/${m[1]}`);
      }
    }
    expect(cited.size).toBeGreaterThanOrEqual(4);
    for (const doc of cited) expect(fs.existsSync(path.join(root, doc)), doc).toBe(true);
  });

  it('are cited by their path (docs/...), never by a bare name', () => {
    const bare = files.filter((f) =>
      /(?<![/\w])(ARCHITECTURE|ENGINE|STYLE|UX)\.md/.test(
        fs.readFileSync(path.join(root, f), 'utf8'),
      ),
    );
    expect(bare.filter((f) => f !== 'test/app/docs-citations.test.ts')).toEqual([]);
  });
});
