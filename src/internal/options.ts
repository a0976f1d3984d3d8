// The kit's one check of option objects: a misspelt key (`lable`, `trustedOrigin`) would otherwise
// be ignored silently, so every factory refuses keys it does not know, at start-up, in one style:
// `form(): unknown option "lable"; allowed: label, type, …`.

/**
 * Throws a TypeError naming `caller` when `given` is not an options object or has a key outside
 * `known`. `where` prefixes nested keys (`'limits.'`); `undefined` passes (no options given).
 */
export function checkKeys(
  caller: string,
  given: unknown,
  known: readonly string[],
  where = ''
): void {
  if (given === undefined) {
    return
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new TypeError(
      `${caller}: ${where === '' ? 'options' : `"${where.slice(0, -1)}"`} must be an object.`
    )
  }
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      throw new TypeError(
        `${caller}: unknown option "${where}${key}"; allowed: ${known.join(', ')}.`
      )
    }
  }
}
