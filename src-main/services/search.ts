/**
 * User text -> an FTS5 MATCH expression. Each word becomes a quoted prefix term ("acm"*), so
 * quotes, operators and SQL-looking text are searched for literally, never parsed as syntax.
 * Returns null when nothing searchable is left.
 */
export function ftsMatchExpression(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[\s"'`()*:^{}[\],;+-]+/u)
    .map((w) => w.trim())
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 12);
  if (!words.length) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' AND ');
}
