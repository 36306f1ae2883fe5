import type { SignDesignResult } from '../../src-shared/engine/output';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** A readable calc sheet (plain text) built from the same result the UI and reports use. */
export function formatCalcSheet(r: SignDesignResult): string {
  const L: string[] = [];
  const s = r.summary;
  L.push(`Signwright sign design calc sheet  (engine ${r.engineVersion})`);
  L.push(`Input hash ${r.inputHash}`);
  L.push('');
  L.push(
    `Standard ${s.standard}, ${r.wind.windSpeedMph} mph, exposure ${r.wind.exposure}, risk category ${r.wind.riskCategory}`,
  );
  L.push(
    `Sign ${r.wind.averageWidthFt} ft wide x ${r.wind.signHeightFt} ft high, top at ${r.wind.topHeightFt} ft, As ${s.signAreaFt2} ft2`,
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
      `  ${pad(c.label, 44)} ${pad(`${c.demand}${u} / ${c.capacity}${u}`, 28)} ratio ${pad(c.ratio.toFixed(3), 7)} ${c.passes ? 'OK' : 'FAILS'}  [${c.codeRef}]`,
    );
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
    `  diameter -> depth: ${r.foundation.diameterTable.map((t) => `${t.diameterFt} ft: ${t.depthFt} ft`).join(', ')}`,
  );
  if (r.warnings.length) {
    L.push('');
    L.push('WARNINGS');
    for (const w of r.warnings) L.push(`  - ${w.message}`);
  }
  return L.join('\n') + '\n';
}
