/** Display precision per docs/UX.md: psf 0.1, lb 1, kip-ft 0.01, ft 0.1, ratios 0.01, money cents. */
export const fmt = {
  psf: (v: number) => v.toFixed(1),
  lb: (v: number) => Math.round(v).toLocaleString('en-US'),
  kipFt: (v: number) => v.toFixed(2),
  ft: (v: number) => v.toFixed(1),
  ratio: (v: number) => v.toFixed(2),
  coef: (v: number) => v.toFixed(3),
  yd3: (v: number) => v.toFixed(2),
  money: (cents: number) =>
    (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),
};

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
