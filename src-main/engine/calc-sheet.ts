import { mapFloor } from '../../src-shared/engine/map-floors';
import type { SignDesignResult } from '../../src-shared/engine/output';
import { fixed } from '../../src-shared/format';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padL = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const SHARING: Record<string, string> = {
  single: 'one pole takes the whole sign force, the torque as torsion',
  'rigid-diaphragm': 'rigid diaphragm: V_i = F/n + T x_i / sum x^2, no pole torsion',
  stiffness: 'by stiffness (relies on a designed torsionally rigid pole-to-cabinet connection)',
};

/** A readable calc sheet (plain text) built from the same result the UI and reports use. */
export function formatCalcSheet(r: SignDesignResult): string {
  const L: string[] = [];
  const s = r.summary;
  L.push(`Signwright sign design calc sheet  (engine ${r.engineVersion})`);
  L.push(`Input hash ${r.inputHash}`);
  L.push('');
  const std = r.wind.standard === 'ASCE7-16' ? 'ASCE7-16' : 'ASCE7-22';
  const cat = r.wind.riskCategory as 'I' | 'II' | 'III' | 'IV';
  const map = mapFloor(std, cat);
  L.push(
    `Standard ${s.standard}, ${r.wind.windSpeedMph} mph, exposure ${r.wind.exposure}, risk category ${r.wind.riskCategory}`,
  );
  L.push(
    `  V is read from the map of risk category ${cat} (${map.figure}; lowest contiguous-US contour ${map.floorMph} mph); no importance factor`,
  );
  L.push(
    `Sign ${r.wind.averageWidthFt} ft wide x ${r.wind.signHeightFt} ft high, top at ${r.wind.topHeightFt} ft, As ${s.signAreaFt2} ft2`,
  );
  const p = r.poles;
  L.push(
    `Poles: ${p.poleCount}${p.poleCount > 1 ? ` at ${p.spacingFt} ft centre to centre` : ''}; ${SHARING[p.sharing ?? 'single']}`,
  );
  L.push('');
  L.push('STEPS');
  for (const st of r.steps) {
    const v = `${st.value}${st.unit ? ' ' + st.unit : ''}`;
    L.push(`  ${pad(st.label, 52)} ${pad(v, 18)} ${st.formula}  [${st.codeRef}]`);
  }
  L.push('');
  L.push('CHECKS');
  for (const c of r.checks) {
    const u = c.unit ? ' ' + c.unit : '';
    L.push(
      `  ${pad(c.label, 44)} ${pad(`${c.demand}${u} / ${c.capacity}${u}`, 28)} ratio ${pad(fixed(c.ratio, 3), 7)} ${c.passes ? 'OK' : 'FAILS'}  [${c.codeRef}]`,
    );
  }
  const sec = p.section;
  if (sec) {
    L.push('');
    L.push(`SECTION PROPERTIES USED (${sec.designation})`);
    L.push(
      `  ${sec.shape === 'round' ? 'D' : 'B'} ${sec.sizeIn} in, t design ${sec.tDesignIn} in, A ${sec.areaIn2} in2, I ${sec.iIn4} in4, S ${sec.sIn3} in3, Z ${sec.zIn3} in3, J ${sec.jIn4} in4, C ${sec.cIn3} in3, Fy ${sec.fyKsi} ksi, E ${sec.eKsi} ksi`,
    );
    L.push(`  hole needed ${sec.minHoleIn} in (IBC 2021 1807.3.3 item 1)`);
  }
  if (p.shares?.length) {
    L.push('');
    L.push(
      `POLE SHARES (governing case ${r.wind.governingCase}, offset toward pole ${p.poleCount}; wind from the other side mirrors them)`,
    );
    L.push(
      `  ${pad('pole', 6)}${padL('x (ft)', 9)}${padL('F sign (lb)', 13)}${padL('V ASD (lb)', 12)}${padL('M ASD (kip-ft)', 16)}${padL('T ASD (kip-ft)', 16)}`,
    );
    for (const sh of p.shares) {
      L.push(
        `  ${pad(String(sh.pole), 6)}${padL(String(sh.xFt), 9)}${padL(String(sh.signForceLb), 13)}${padL(String(sh.shearLb), 12)}${padL(String(sh.momentKipFt), 16)}${padL(String(sh.torsionKipFt), 16)}`,
      );
    }
    if (p.poleCount > 1)
      L.push('  every pole and footing is sized for the critical pole (equal poles)');
  }
  L.push('');
  L.push('POLE');
  L.push(
    `  ${s.pole.designation} (${s.pole.family}, ${s.pole.weightPlf} lb/ft): governing ${s.pole.governingCheck} ${s.pole.governingRatio}${s.pole.passes ? '' : '  -- DOES NOT PASS'}`,
  );
  const lighter = r.poles.options
    .slice(0, 5)
    .map((o) => `${o.designation} ${o.passes ? 'ok' : o.governingCheck + ' ' + o.governingRatio}`);
  L.push(`  lightest options: ${lighter.join('; ')}`);
  L.push('');
  L.push('FOUNDATION');
  const f = s.foundation;
  L.push(
    `  ${f.diameterFt} ft dia x ${f.depthFt} ft deep, ${f.concreteYd3} yd3 concrete (P ${f.lateralLoadLb} lb at ${f.loadHeightFt} ft, S1 ${f.s1Psf} psf)`,
  );
  L.push(
    r.foundation.loadNote
      ? `  ${r.foundation.loadNote}`
      : `  P = the groundline shear of ${s.pole.designation} (${s.groundlineShearLb} lb)`,
  );
  L.push(
    `  diameter -> depth: ${r.foundation.diameterTable.map((t) => `${t.diameterFt} ft: ${t.depthFt} ft`).join(', ')}`,
  );
  if (r.readings?.length) {
    L.push('');
    L.push('READINGS A REVIEWER MUST ACCEPT');
    for (const rd of r.readings) L.push(`  - ${rd.title}: ${rd.text}`);
  }
  if (r.warnings.length) {
    L.push('');
    L.push('WARNINGS');
    for (const w of r.warnings) L.push(`  - ${w.message}`);
  }
  return L.join('\n') + '\n';
}
