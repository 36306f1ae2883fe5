import type { SignDesignInput, SignDesignResult } from '../engine';
import { fixedTrim, formatInteger } from '../format';

/**
 * The elevation drawing as plain geometry (feet, y up, grade at y = 0). The renderer turns it
 * into SVG and the calc report into PDF vector paths, so both always show the same drawing.
 */
export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      role: 'cabinet' | 'pole' | 'footing';
    }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; role: 'grade' | 'hatch' }
  | {
      kind: 'dim';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      text: string;
      side: 'left' | 'right' | 'above' | 'below';
    }
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number; text: string }
  | { kind: 'label'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' };

export interface Drawing {
  shapes: Shape[];
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

const ft = (v: number) => `${fixedTrim(v, 2)} ft`;

export function elevationDrawing(
  input: SignDesignInput,
  result?: SignDesignResult | null,
): Drawing {
  const shapes: Shape[] = [];
  const { sign, supports } = input;
  const clearance = sign.clearanceFt;
  const maxWidth = Math.max(...sign.cabinets.map((c) => c.widthFt));
  let y = clearance;
  sign.cabinets.forEach((c, i) => {
    shapes.push({
      kind: 'rect',
      x: -c.widthFt / 2,
      y,
      w: c.widthFt,
      h: c.heightFt,
      role: 'cabinet',
    });
    shapes.push({
      kind: 'dim',
      x1: c.widthFt / 2,
      y1: y,
      x2: c.widthFt / 2,
      y2: y + c.heightFt,
      text: ft(c.heightFt),
      side: 'right',
    });
    y += c.heightFt + (i < sign.gapsFt.length ? sign.gapsFt[i] : 0);
  });
  const top =
    y - (sign.gapsFt.length >= sign.cabinets.length ? sign.gapsFt[sign.cabinets.length - 1] : 0);
  shapes.push({
    kind: 'dim',
    x1: -maxWidth / 2,
    y1: top,
    x2: maxWidth / 2,
    y2: top,
    text: ft(maxWidth),
    side: 'above',
  });

  const n = supports.poleCount;
  // the spacing the engine used (the input's, else its default B / n)
  const spacing = result?.poles.spacingFt ?? supports.spacingFt ?? (n > 1 ? maxWidth / n : 0);
  const depth = result?.summary.foundation.depthFt ?? 0;
  const dia = result?.summary.foundation.diameterFt ?? input.foundation.diameterFt;
  // the selected section's own width when known (drawn no thinner than 0.25 ft to stay visible)
  const sizeIn = result?.poles.section?.sizeIn;
  const poleW = sizeIn ? Math.max(0.25, sizeIn / 12) : Math.max(0.35, Math.min(1.1, maxWidth / 14));
  const poleXs = Array.from({ length: n }, (_, i) => (i - (n - 1) / 2) * spacing);
  for (const x of poleXs) {
    if (depth > 0)
      shapes.push({ kind: 'rect', x: x - dia / 2, y: -depth, w: dia, h: depth, role: 'footing' });
    shapes.push({
      kind: 'rect',
      x: x - poleW / 2,
      y: depth > 0 ? -depth + 0.25 : 0,
      w: poleW,
      h: top - (depth > 0 ? -depth + 0.25 : 0),
      role: 'pole',
    });
  }
  if (n > 1) {
    // centre-to-centre pole spacing: in the clearance when there is room, else under the footings
    const inClearance = clearance >= 1.5;
    const yS = inClearance ? clearance * 0.3 : -(depth + 0.8);
    shapes.push({
      kind: 'dim',
      x1: poleXs[0],
      y1: yS,
      x2: poleXs[n - 1],
      y2: yS,
      text:
        n === 2 ? `spacing ${ft(spacing)}` : `${n - 1} x ${ft(spacing)} = ${ft((n - 1) * spacing)}`,
      side: inClearance ? 'above' : 'below',
    });
  }
  const span = Math.max(maxWidth, (n - 1) * spacing + dia) / 2 + 2;
  shapes.push({ kind: 'line', x1: -span, y1: 0, x2: span, y2: 0, role: 'grade' });
  for (let hx = -span; hx < span; hx += 0.8) {
    shapes.push({ kind: 'line', x1: hx, y1: 0, x2: hx - 0.5, y2: -0.5, role: 'hatch' });
  }
  const leftX = -span;
  if (clearance > 0) {
    shapes.push({
      kind: 'dim',
      x1: -maxWidth / 2 - 0.6,
      y1: 0,
      x2: -maxWidth / 2 - 0.6,
      y2: clearance,
      text: `clearance ${ft(clearance)}`,
      side: 'left',
    });
  }
  shapes.push({
    kind: 'dim',
    x1: leftX,
    y1: 0,
    x2: leftX,
    y2: top,
    text: `overall ${ft(top)}`,
    side: 'left',
  });
  if (depth > 0) {
    const fx = poleXs[poleXs.length - 1];
    shapes.push({
      kind: 'dim',
      x1: fx + dia / 2,
      y1: -depth,
      x2: fx + dia / 2,
      y2: 0,
      text: `depth ${ft(depth)}`,
      side: 'right',
    });
    shapes.push({
      kind: 'dim',
      x1: fx - dia / 2,
      y1: -depth,
      x2: fx + dia / 2,
      y2: -depth,
      text: `Ø ${ft(dia)}`,
      side: 'below',
    });
  }
  if (result) {
    const s = result.wind.signHeightFt;
    const yF = top - s / 2;
    const xTip = -maxWidth / 2 - 0.3;
    shapes.push({
      kind: 'arrow',
      x1: xTip - Math.max(3, maxWidth * 0.35),
      y1: yF,
      x2: xTip,
      y2: yF,
      text: `F = ${formatInteger(Math.round(result.summary.signForceLb))} lb`,
    });
    if (result.summary.pole.designation) {
      shapes.push({
        kind: 'label',
        x: poleXs[0] + poleW,
        y: clearance / 2,
        text: result.summary.pole.designation,
        anchor: 'start',
      });
    }
  }
  const minX = -span - 3;
  const maxX = span + 3;
  const below = n > 1 && clearance < 1.5 ? 3 : 2;
  return { shapes, bounds: { minX, maxX, minY: Math.min(-depth, 0) - below, maxY: top + 2 } };
}

/** World (ft, y up) -> screen (px, y down), keeping the aspect ratio, centred in the box. */
export function fitToBox(b: Drawing['bounds'], width: number, height: number, margin = 16) {
  const sx = (width - 2 * margin) / (b.maxX - b.minX);
  const sy = (height - 2 * margin) / (b.maxY - b.minY);
  const s = Math.min(sx, sy);
  const ox = margin + (width - 2 * margin - s * (b.maxX - b.minX)) / 2;
  const oy = margin + (height - 2 * margin - s * (b.maxY - b.minY)) / 2;
  return {
    scale: s,
    x: (x: number) => ox + (x - b.minX) * s,
    y: (y: number) => oy + (b.maxY - y) * s,
  };
}
