/** A whole number of milliseconds between `min` and `max`. */
export function between(random: () => number, min: number, max: number): number {
  return Math.round(min + random() * (max - min));
}
