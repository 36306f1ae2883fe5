// Aluminum 6061-T6 round tube catalog (OD x wall, inches), common extruded sign-pole sizes from
// ASTM B221 / Aluminum Association standard tube dimensions. Properties are computed from the
// nominal dimensions (extruded tube: design wall = nominal wall, no 0.93 factor). Limited to
// Rb/t <= 16 so the ADM local-buckling limit states do not govern (see engine README).

export const ALUMINUM_TUBES: readonly (readonly [odIn: number, tIn: number])[] = [
  [3, 0.125],
  [3, 0.25],
  [4, 0.125],
  [4, 0.25],
  [5, 0.1875],
  [5, 0.25],
  [6, 0.1875],
  [6, 0.25],
  [6, 0.375],
  [8, 0.25],
  [8, 0.375],
  [10, 0.375],
  [10, 0.5],
];
