// Public API of the sign design engine (pure: no I/O, no clock, no randomness). See README.md.
export {
  ENGINE_VERSION,
  EngineInputError,
  computeDesign,
  computeDesignParsed,
  parseInput,
} from './design';
export { combinationFloor, evaluateCombination } from './combination';
export { canonicalJson, sha256Hex } from './canonical-json';
export { ALL_SECTIONS, candidateSections, findSection } from './poles/catalog';
export { formatCalcSheet } from './calc-sheet';
