import type { Revision } from '../../../src-shared/designs';
import type { CombinationResult, SignDesignInput } from '../../../src-shared/engine';
import type { DesignFacts } from '../../../src-shared/quotes';

/** Sum of cabinet face areas (width × height), one side: what cabinets and faces are priced by. */
export function cabinetAreaFt2(input: SignDesignInput): number {
  return input.sign.cabinets.reduce((s, c) => s + c.widthFt * c.heightFt, 0);
}

/** What a quote needs from a saved design revision (its stored result, as shown then). */
export function factsFromRevision(rev: Revision): DesignFacts {
  const s = rev.result.summary;
  return {
    designRevisionId: rev.id,
    designRevisionNumber: rev.number,
    designation: s.pole.designation,
    family: s.pole.family,
    weightPlf: s.pole.weightPlf,
    passes: s.pole.passes,
    poleCount: rev.input.supports.poleCount,
    topHeightFt: rev.result.wind.topHeightFt,
    diameterFt: s.foundation.diameterFt,
    depthFt: s.foundation.depthFt,
    concreteYd3PerFooting: s.foundation.concreteYd3,
    cabinetAreaFt2: cabinetAreaFt2(rev.input),
  };
}

/** The same facts for another (section, diameter) pair of that design. */
export function factsFromCombination(base: DesignFacts, c: CombinationResult): DesignFacts {
  return {
    ...base,
    designation: c.designation,
    family: c.family,
    weightPlf: c.weightPlf,
    passes: c.passes,
    diameterFt: c.diameterFt,
    depthFt: c.depthFt,
    concreteYd3PerFooting: c.concreteYd3,
  };
}
