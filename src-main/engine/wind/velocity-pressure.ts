import {
  KE_EXPONENT_PER_FT,
  KZ_CONSTANTS,
  KZ_MIN_HEIGHT_FT,
  QZ_CONSTANT,
  type Edition,
  type ExposureCat,
} from '../data/wind-tables';

/** ASCE 7 Table 26.10-1 (power law, edition constants): Kz at height z, z taken >= 15 ft. */
export function velocityPressureExposureCoefficient(
  edition: Edition,
  exposure: ExposureCat,
  zFt: number,
): number {
  const c = KZ_CONSTANTS[edition][exposure];
  const z = Math.min(Math.max(zFt, KZ_MIN_HEIGHT_FT), c.zgFt);
  return c.k * Math.pow(z / c.zgFt, 2 / c.alpha);
}

/** ASCE 7-16/7-22 Table 26.9-1 note: Ke = e^(-0.0000362 zg); 1.0 at or below sea level. */
export function groundElevationFactor(groundElevationFt: number): number {
  return Math.exp(-KE_EXPONENT_PER_FT * Math.max(groundElevationFt, 0));
}

/**
 * Velocity pressure, Eq. 26.10-1 (psf). ASCE 7-16: qz = 0.00256 Kz Kzt Kd Ke V^2. ASCE 7-22:
 * qz = 0.00256 Kz Kzt Ke V^2 (Kd moves to the force equation). `kd` is ignored for 7-22.
 */
export function velocityPressure(
  edition: Edition,
  kz: number,
  kzt: number,
  kd: number,
  ke: number,
  vMph: number,
): number {
  const kdHere = edition === 'ASCE7-16' ? kd : 1;
  return QZ_CONSTANT * kz * kzt * kdHere * ke * vMph * vMph;
}

/** Kd in the force equation: 7-22 Eq. 29.3-1 F = qh Kd G Cf As; 7-16 has Kd in qz (factor 1). */
export function forceEquationKd(edition: Edition, kd: number): number {
  return edition === 'ASCE7-22' ? kd : 1;
}
