import type { SignDesignInput } from './input';

/**
 * The basic wind speed V comes from the map of the chosen risk category (ASCE 7 26.5.1): each
 * category has its own map (mean recurrence 300 / 700 / 1,700 / 3,000 years for I / II / III / IV),
 * there is no importance factor any more. These are the lowest contours of each map over the
 * contiguous United States; an entered V below it is most likely a speed read from another
 * category's map, an allowable-stress (Vasd) speed or an older edition's, so the engine warns
 * (informational: special wind regions and site studies may justify a lower value).
 *
 * SOURCE AND CONFIDENCE: ASCE 7-16 Figs. 26.5-1A (I), 26.5-1B (II), 26.5-1C (III), 26.5-1D (IV)
 * and ASCE 7-22 Figs. 26.5-1A to 26.5-1D (same categories). The printed maps were not available to
 * this project; the values are the lowest contour labels as transcribed from the 7-16 maps, and the
 * 7-22 floors are taken equal to them pending a check against the printed 7-22 figures (the 7-22
 * non-hurricane speeds were re-derived). Confirm with the ASCE Hazard Tool for the site.
 */
export interface MapFloor {
  floorMph: number;
  figure: string;
}

type Edition = SignDesignInput['standard'];
type Category = SignDesignInput['site']['riskCategory'];

export const MAP_FLOORS: Record<Edition, Record<Category, MapFloor>> = {
  'ASCE7-16': {
    I: { floorMph: 90, figure: 'ASCE 7-16 Fig. 26.5-1A' },
    II: { floorMph: 95, figure: 'ASCE 7-16 Fig. 26.5-1B' },
    III: { floorMph: 100, figure: 'ASCE 7-16 Fig. 26.5-1C' },
    IV: { floorMph: 105, figure: 'ASCE 7-16 Fig. 26.5-1D' },
  },
  'ASCE7-22': {
    I: { floorMph: 90, figure: 'ASCE 7-22 Fig. 26.5-1A' },
    II: { floorMph: 95, figure: 'ASCE 7-22 Fig. 26.5-1B' },
    III: { floorMph: 100, figure: 'ASCE 7-22 Fig. 26.5-1C' },
    IV: { floorMph: 105, figure: 'ASCE 7-22 Fig. 26.5-1D' },
  },
};

/** The map a risk category's V comes from, and that map's lowest contiguous-US contour. */
export function mapFloor(standard: Edition, riskCategory: Category): MapFloor {
  return MAP_FLOORS[standard][riskCategory];
}
