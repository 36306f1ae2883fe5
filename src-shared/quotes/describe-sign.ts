/**
 * The plain description of the sign a customer quote prints, built from the design and the quote
 * settings: "Double-faced illuminated aluminum cabinet 10 ft x 6 ft on one HSS8.625x0.322 pole,
 * 20 ft overall, drilled footing 3 ft diameter x 7.5 ft deep." Pure: every sign kind, 1 to 4
 * poles, 1 to 6 cabinets, gaps, and designations typed with odd characters.
 */

export interface SignDescriptionInput {
  kind: 'pole' | 'monument';
  clearanceFt: number;
  cabinets: readonly { widthFt: number; heightFt: number }[];
  gapsFt: readonly number[];
  poleCount: number;
  /** the priced pole section (the closest one when none passes) */
  designation: string;
  /** grade to the top of the sign */
  overallFt: number;
  footing: { diameterFt: number; depthFt: number };
  faceSides: number;
  illuminated: boolean;
  /** cabinet material when the price book names one ("aluminum"), else omitted */
  material?: string;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
const count = (n: number) => WORDS[n] ?? String(n);

/** 10 -> "10", 2.5 -> "2.5", 2.3333 -> "2.33"; never NaN or exponent notation. */
export function ftText(v: number): string {
  if (!Number.isFinite(v)) return '?';
  return String(Math.round(v * 100) / 100);
}

/** Printable, single-line text: control characters dropped, whitespace collapsed. */
export function plainText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const size = (c: { widthFt: number; heightFt: number }) =>
  `${ftText(c.widthFt)} ft x ${ftText(c.heightFt)} ft`;

function cabinetsText(d: SignDescriptionInput, lead: string): string {
  const cabs = d.cabinets;
  const noun = d.kind === 'monument' ? 'monument cabinet' : 'cabinet';
  if (cabs.length <= 1) return `${lead} ${noun} ${cabs[0] ? size(cabs[0]) : ''}`.trim();
  const same = cabs.every((c) => c.widthFt === cabs[0].widthFt && c.heightFt === cabs[0].heightFt);
  const gaps = d.gapsFt.filter((g) => g > 0);
  const gapText = gaps.length
    ? `, stacked with ${gaps.length === 1 ? `a ${ftText(gaps[0])} ft gap` : `gaps of ${gaps.map(ftText).join(', ')} ft`}`
    : ', stacked';
  const sizes = same
    ? `each ${size(cabs[0])}`
    : // bottom to top, as the design lists them
      `${cabs.map(size).join(', ')} from the bottom up`;
  return `${capitalize(count(cabs.length))} ${lead.toLowerCase()} ${noun}s, ${sizes}${gapText}`;
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function describeSign(d: SignDescriptionInput): string {
  const faces = d.faceSides >= 2 ? 'Double-faced' : 'Single-faced';
  const lit = d.illuminated ? 'illuminated' : 'non-illuminated';
  const material = d.material ? plainText(d.material).toLowerCase() : '';
  const lead = [faces, lit, material].filter(Boolean).join(' ');
  const n = Math.max(1, Math.round(d.poleCount));
  const designation = plainText(d.designation) || 'steel';
  const support = d.kind === 'monument' ? (n === 1 ? 'post' : 'posts') : n === 1 ? 'pole' : 'poles';
  const where =
    d.kind === 'monument' || d.clearanceFt <= 0
      ? `at grade on ${count(n)} ${designation} ${support}`
      : `on ${count(n)} ${designation} ${support}`;
  const footing = `drilled footing${n > 1 ? 's' : ''} ${ftText(d.footing.diameterFt)} ft diameter x ${ftText(d.footing.depthFt)} ft deep`;
  const cabinets = cabinetsText(d, lead) + (d.cabinets.length > 1 ? ',' : '');
  return plainText(`${cabinets} ${where}, ${ftText(d.overallFt)} ft overall, ${footing}.`);
}
