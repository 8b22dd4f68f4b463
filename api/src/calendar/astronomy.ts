/**
 * The two astronomical quantities a lunisolar calendar needs: the instants of
 * new moons and the Sun's apparent ecliptic longitude. Formulas follow
 * J. Meeus, "Astronomical Algorithms" (2nd ed.), ch. 25 (low-accuracy Sun)
 * and ch. 49 (lunar phases). Accuracy is about a minute for new moons and
 * 0.01° (≈ 15 min of time) for the Sun, far inside the one-day resolution the
 * calendar needs except for events within minutes of local midnight.
 */

const DEG = Math.PI / 180;
const UNIX_EPOCH_JD = 2440587.5;
const J2000_JD = 2451545.0;
const DAY_MS = 86_400_000;

const sinDeg = (degrees: number): number => Math.sin(degrees * DEG);

function normalizeDegrees(degrees: number): number {
  const r = degrees % 360;
  return r < 0 ? r + 360 : r;
}

export function julianDayFromMs(ms: number): number {
  return ms / DAY_MS + UNIX_EPOCH_JD;
}

export function msFromJulianDay(jd: number): number {
  return (jd - UNIX_EPOCH_JD) * DAY_MS;
}

/**
 * ΔT = TT − UT in seconds. Meeus' formulas yield Terrestrial Time; civil time
 * is UT, and the ~1 minute difference can move a new moon across midnight.
 * Polynomials after Espenak & Meeus (NASA eclipse canon) for 1900–2150, the
 * long-term parabola elsewhere.
 */
export function deltaTSeconds(decimalYear: number): number {
  const y = decimalYear;
  if (y >= 2050 && y < 2150) {
    const u = (y - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - y);
  }
  if (y >= 2005 && y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (y >= 1986 && y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y >= 1961 && y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y >= 1941 && y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y >= 1920 && y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y >= 1900 && y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  const u = (y - 1820) / 100;
  return -20 + 32 * u * u;
}

function decimalYearFromJd(jd: number): number {
  return 2000 + (jd - J2000_JD) / 365.25;
}

/** Converts a TT Julian Ephemeris Day to a UTC instant (ms). */
export function jdeToUtcMs(jde: number): number {
  const deltaT = deltaTSeconds(decimalYearFromJd(jde));
  return msFromJulianDay(jde) - deltaT * 1000;
}

/** Converts a UTC instant (ms) to a TT Julian Ephemeris Day. */
export function utcMsToJde(ms: number): number {
  const jd = julianDayFromMs(ms);
  return jd + deltaTSeconds(decimalYearFromJd(jd)) / 86_400;
}

// Periodic terms of the new-moon correction (Meeus table 49.A): [coefficient, power of E, multipliers of M, M', F, Ω].
const NEW_MOON_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Planetary perturbations (Meeus, "additional corrections"): [amplitude, A at k=0, rate per lunation, T² rate].
const PLANETARY_TERMS: readonly (readonly [number, number, number, number?])[] = [
  [0.000325, 299.77, 0.107408, -0.009173],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** Mean synodic month in days. */
export const SYNODIC_MONTH_DAYS = 29.530588861;

/**
 * Julian Ephemeris Day (TT) of new moon number `k`, counted from the new moon
 * of 2000-01-06 (k = 0); negative k reaches into the past.
 */
export function newMoonJde(k: number): number {
  if (!Number.isInteger(k)) throw new RangeError(`new moon index must be an integer, got ${k}`);
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const meanJde = 2451550.09766 + SYNODIC_MONTH_DAYS * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const sunAnomaly = 2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const moonAnomaly = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const latitudeArg = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const node = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  let correction = 0;
  for (const [coefficient, ePower, m, mPrime, f, omega] of NEW_MOON_TERMS) {
    const angle = m * sunAnomaly + mPrime * moonAnomaly + f * latitudeArg + omega * node;
    correction += coefficient * e ** ePower * sinDeg(angle);
  }
  for (const [amplitude, base, rate, quadratic = 0] of PLANETARY_TERMS) {
    correction += amplitude * sinDeg(base + rate * k + quadratic * t2);
  }
  return meanJde + correction;
}

/** UTC instant (epoch ms) of new moon number `k`. */
export function newMoonUtcMs(k: number): number {
  return jdeToUtcMs(newMoonJde(k));
}

/** The index k of the last new moon at or before the given UTC instant. */
export function newMoonIndexAtOrBefore(ms: number): number {
  let k = Math.floor((utcMsToJde(ms) - 2451550.09766) / SYNODIC_MONTH_DAYS);
  // The mean-phase estimate can be off by one either way; true phases wobble ~±14 h.
  while (newMoonUtcMs(k) > ms) k -= 1;
  while (newMoonUtcMs(k + 1) <= ms) k += 1;
  return k;
}

/** Apparent geocentric ecliptic longitude of the Sun, degrees in [0, 360). */
export function sunApparentLongitude(ms: number): number {
  const t = (utcMsToJde(ms) - J2000_JD) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(meanAnomaly) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly) +
    0.000289 * sinDeg(3 * meanAnomaly);
  const node = 125.04 - 1934.136 * t;
  // Aberration (−0.00569°) and nutation in longitude turn true into apparent longitude.
  return normalizeDegrees(meanLongitude + center - 0.00569 - 0.00478 * sinDeg(node));
}
