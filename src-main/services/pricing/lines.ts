import type {
  DesignFacts,
  LineGroup,
  LineOverride,
  ManualLine,
  PriceCategory,
  PriceItem,
  QuoteLine,
  QuoteSettings,
} from '../../../src-shared/quotes';
import { effectiveIncrement, effectivePer, UNIT_LABELS } from '../../../src-shared/quotes';
import { fixQty, lineAmount, percentOf, roundUpTo } from './money';
import { fixed, formatMoney, formatPercentBp } from '../../../src-shared/format';

/**
 * The quote line generator (README.md "Quote lines"), shared by priceQuote (one design) and
 * priceJob (a sign schedule): every line is qty × unit price rounded once to the cent.
 */

export interface BookIndex {
  byCategory: Map<PriceCategory, PriceItem[]>;
  byCode: Map<string, PriceItem>;
}
const indexCache = new WeakMap<readonly PriceItem[], BookIndex>();

export function indexBook(items: readonly PriceItem[]): BookIndex {
  let idx = indexCache.get(items);
  if (!idx) {
    idx = { byCategory: new Map(), byCode: new Map() };
    for (const it of items) {
      const list = idx.byCategory.get(it.category) ?? [];
      list.push(it);
      idx.byCategory.set(it.category, list);
      idx.byCode.set(it.code, it);
    }
    indexCache.set(items, idx);
  }
  return idx;
}

const GROUP_OF: Record<PriceCategory, LineGroup> = {
  steel: 'materials',
  finish: 'materials',
  fabrication: 'materials',
  concrete: 'materials',
  drilling: 'equipment',
  cabinet: 'materials',
  face: 'materials',
  illumination: 'materials',
  electrical: 'materials',
  labor: 'labor',
  equipment: 'equipment',
  fee: 'fees',
  travel: 'fees',
  adjustment: 'fees',
};
const TAXABLE_GROUP: Record<LineGroup, boolean> = {
  materials: true,
  labor: false,
  equipment: false,
  fees: false,
};

const n3 = (v: number) => String(fixQty(v));
/** 6.6 -> "6.60", 3.248 -> "3.248": two decimals at least, three when they matter. */
const n2 = (v: number) => fixed(v, 3).replace(/0$/, '');
const SHORT_UNIT: Partial<Record<PriceItem['unit'], string>> = { hour: 'h', yd3: 'yd³' };

/**
 * What the linear quantity model counts: poles, concrete yd³ (all footings) and cabinet ft², and
 * the sign top the fee conditions read. For a job's once-per-job items these are the job's sums
 * (and its tallest top); for one sign, the sign's own.
 */
export interface Measure {
  poles: number;
  yd3: number;
  ft2: number;
  topFt: number;
}

export function measureOf(f: DesignFacts): Measure {
  return {
    poles: f.poleCount,
    yd3: f.poleCount * f.concreteYd3PerFooting,
    ft2: f.cabinetAreaFt2,
    topFt: f.topHeightFt,
  };
}

/** The linear quantity model: fixed + perPole·poles + perYd3·concrete + perFt2·sign area. */
export function formulaQty(it: PriceItem, f: DesignFacts): { qty: number; basis: string } {
  return measureQty(it, measureOf(f));
}

function measureQty(it: PriceItem, m: Measure): { qty: number; basis: string } {
  const qty = it.fixed + it.perPole * m.poles + it.perYd3 * m.yd3 + it.perFt2 * m.ft2;
  const parts: string[] = [];
  if (it.fixed) parts.push(n3(it.fixed));
  if (it.perPole) parts.push(`${n3(it.perPole)} × ${m.poles} pole`);
  if (it.perYd3) parts.push(`${n3(it.perYd3)} × ${n3(m.yd3)} yd³`);
  if (it.perFt2) parts.push(`${n3(it.perFt2)} × ${n3(m.ft2)} ft²`);
  return { qty, basis: parts.join(' + ') || '0' };
}

function feeApplies(match: string, topFt: number, include: readonly string[], code: string) {
  const m = match.replace(/\s+/g, '');
  if (m === '') return true;
  if (m === 'optional') return include.includes(code);
  const r = /^top(<=|<|>=|>)(\d+(?:\.\d+)?)$/.exec(m);
  if (!r) return false;
  const v = Number(r[2]);
  return r[1] === '<='
    ? topFt <= v
    : r[1] === '<'
      ? topFt < v
      : r[1] === '>='
        ? topFt >= v
        : topFt > v;
}

/**
 * Which items a run prices: `all` (a one-design quote, today's priceQuote), `sign` (one sign of a
 * job: the items charged per sign) or `job` (the job's once-per-job items, on the job's Measure).
 */
export type LineScope = 'all' | 'sign' | 'job';

export interface LineRun {
  /** the design (scopes `all` and `sign`); the job scope has no design of its own */
  facts: DesignFacts | null;
  measure: Measure;
  idx: BookIndex;
  settings: QuoteSettings;
  overrides: Record<string, LineOverride>;
  manualLines: readonly ManualLine[];
  scope: LineScope;
  /** the job's sign count with quantities (wording of a fee's basis: per sign, tallest sign) */
  signCount?: number;
}

/** The lines of one run, in quote order (by group, then as generated), and its warnings. */
export function generateLines(run: LineRun): { lines: QuoteLine[]; warnings: string[] } {
  const { facts, measure, idx, settings: s, overrides, scope } = run;
  const inScope = (it: PriceItem) => scope === 'all' || effectivePer(it) === scope;
  const cat = (c: PriceCategory) => {
    const list = idx.byCategory.get(c) ?? [];
    return scope === 'all' ? list : list.filter(inScope);
  };
  const warnings: string[] = [];
  const lines: QuoteLine[] = [];
  const amountByCategory = new Map<PriceCategory, number>();

  const push = (code: string, it: PriceItem, description: string, qty: number, basis: string) => {
    if (!(qty > 0)) return;
    const o = overrides[code];
    // the book's increment (crew hours to 0.25 h, concrete to 0.25 yd³), stated on the line; an
    // estimator's override quantity is taken as typed
    const inc = effectiveIncrement(it);
    const rounded = inc > 0 ? roundUpTo(qty, inc) : qty;
    if (o?.quantity === undefined && rounded !== fixQty(qty)) {
      const u = SHORT_UNIT[it.unit] ?? UNIT_LABELS[it.unit];
      basis = `${basis} = ${n2(qty)} ${u} -> ${fixed(rounded, 2)} ${u} (rounded up to ${n3(inc)} ${u})`;
    }
    const quantity = fixQty(o?.quantity ?? rounded);
    const unitPriceCents = o?.unitPriceCents ?? it.price;
    const line: QuoteLine = {
      code,
      group: GROUP_OF[it.category],
      description,
      basis,
      quantity,
      unit: UNIT_LABELS[it.unit],
      unitPriceCents,
      amountCents: lineAmount(quantity, unitPriceCents),
      taxable: TAXABLE_GROUP[GROUP_OF[it.category]],
      source: 'generated',
      overridden: !!o,
      overrideNote: o?.note ?? '',
    };
    lines.push(line);
    amountByCategory.set(it.category, (amountByCategory.get(it.category) ?? 0) + line.amountCents);
  };

  if (facts) {
    const f = facts;
    // Pole steel, including the embedded length: poles × (top height + depth) × weight.
    const lengthFt = f.topHeightFt + f.depthFt;
    const steel = cat('steel').find((it) => it.match === f.family);
    const steelLb = f.poleCount * lengthFt * f.weightPlf;
    const lenBasis = `${f.poleCount} pole × (${n3(f.topHeightFt)} ft + ${n3(f.depthFt)} ft embedded)`;
    if (!f.passes)
      warnings.push(
        `No pole section passes every check for this design; the quote prices the closest, ${f.designation}.`,
      );
    if (steel) {
      const byLb = steel.unit === 'lb';
      push(
        'pole-steel',
        steel,
        `${steel.name}: ${f.designation}`,
        byLb ? steelLb : f.poleCount * lengthFt,
        byLb ? `${lenBasis} × ${n3(f.weightPlf)} lb/ft` : lenBasis,
      );
    } else
      warnings.push(
        `The price book has no steel price for the ${f.family} family (category steel, Match ${f.family}); pole steel is not priced.`,
      );
    if (!f.family.startsWith('aluminum'))
      for (const it of cat('finish'))
        push(
          it.code,
          it,
          it.name,
          it.unit === 'lb' ? steelLb : f.poleCount * lengthFt,
          `${n3(steelLb)} lb of steel`,
        );
    for (const it of cat('fabrication')) {
      const base = amountByCategory.get(it.match as PriceCategory) ?? 0;
      const amt = percentOf(base, it.price);
      push(
        it.code,
        { ...it, price: amt },
        it.name,
        amt > 0 ? 1 : 0,
        `${formatPercentBp(it.price)} of ${formatMoney(base)} ${it.match}`,
      );
      if (lines.at(-1)?.code === it.code) lines.at(-1)!.unit = 'lot';
    }

    // Foundation: concrete with waste, drilling by diameter × depth × count.
    for (const it of cat('concrete'))
      push(
        it.code,
        it,
        it.name,
        f.poleCount * f.concreteYd3PerFooting,
        `${f.poleCount} footing × ${n3(f.concreteYd3PerFooting)} yd³ (incl. waste)`,
      );
    const drills = cat('drilling')
      .filter((it) => Number(it.match) >= f.diameterFt - 1e-9)
      .sort((a, b) => Number(a.match) - Number(b.match));
    if (drills[0]) {
      const d = drills[0];
      push(
        'drilling',
        d,
        `${d.name} (${n3(f.diameterFt)} ft pier)`,
        f.poleCount * f.depthFt,
        `${f.poleCount} hole × ${n3(f.depthFt)} ft deep`,
      );
    } else
      warnings.push(
        `The price book has no drilling price for a ${f.diameterFt} ft diameter or larger; drilling is not priced.`,
      );

    // Sign cabinet, faces, illumination.
    const cabinets = cat('cabinet');
    const cabinet = s.cabinetCode ? cabinets.find((c) => c.code === s.cabinetCode) : cabinets[0];
    if (s.cabinetCode && !cabinet)
      warnings.push(`The cabinet type ${s.cabinetCode} is not in this price book.`);
    const area = f.cabinetAreaFt2;
    if (cabinet)
      push(
        'cabinet',
        cabinet,
        cabinet.name,
        cabinet.unit === 'each' ? 1 : area,
        `${n3(area)} ft² of cabinet`,
      );
    for (const it of cat('face'))
      push(
        it.code,
        it,
        it.name,
        it.unit === 'each' ? s.faceSides : area * s.faceSides,
        `${n3(area)} ft² × ${s.faceSides} side${s.faceSides > 1 ? 's' : ''}`,
      );
    if (s.illuminated) {
      for (const it of cat('illumination'))
        push(it.code, it, it.name, it.unit === 'each' ? 1 : area, `${n3(area)} ft² of cabinet`);
      for (const it of cat('electrical')) {
        const q = formulaQty(it, f);
        push(it.code, it, it.name, q.qty > 0 ? q.qty : 1, q.qty > 0 ? q.basis : '1 per sign');
      }
    }
  }

  // Labor crews and equipment: the linear hours model.
  for (const c of ['labor', 'equipment'] as const)
    for (const it of cat(c)) {
      if (it.match === 'illuminated' && !s.illuminated) continue;
      const q = measureQty(it, measure);
      push(it.code, it, it.name, q.qty, q.basis);
    }

  // Fees and travel.
  const topLabel = scope === 'job' && (run.signCount ?? 1) > 1 ? 'tallest sign top' : 'sign top';
  for (const it of cat('fee'))
    if (feeApplies(it.match, measure.topFt, s.includeFees, it.code))
      push(
        it.code,
        it,
        it.name,
        1,
        it.match && it.match !== 'optional'
          ? `${topLabel} ${n3(measure.topFt)} ft`
          : scope === 'sign' && (run.signCount ?? 1) > 1
            ? 'per sign'
            : 'per project',
      );
  if (s.travelMiles > 0)
    for (const it of cat('travel')) {
      const trips = it.fixed || 1;
      push(
        it.code,
        it,
        it.name,
        s.travelMiles * trips,
        `${n3(s.travelMiles)} miles × ${n3(trips)} trip${trips === 1 ? '' : 's'}`,
      );
    }

  for (const code of Object.keys(overrides))
    if (!lines.some((l) => l.code === code))
      warnings.push(
        `The override of ${code} no longer matches a generated line; it is kept and applies if the line comes back.`,
      );

  for (const m of run.manualLines)
    lines.push({
      code: m.code,
      group: m.group,
      description: m.description,
      basis: 'manual line',
      quantity: fixQty(m.quantity),
      unit: m.unit,
      unitPriceCents: m.unitPriceCents,
      amountCents: lineAmount(m.quantity, m.unitPriceCents),
      taxable: m.taxable,
      source: 'manual',
      overridden: false,
      overrideNote: '',
    });

  const order: Record<LineGroup, number> = { materials: 0, labor: 1, equipment: 2, fees: 3 };
  const sorted = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => order[a.l.group] - order[b.l.group] || a.i - b.i)
    .map((x) => x.l);
  return { lines: sorted, warnings };
}
