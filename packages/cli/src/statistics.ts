import type { GateStatistics } from '@mlci/core';

/**
 * The statistical tests behind "no significant regression" gates. Wired to packages/core's stats
 * module once it lands; until then such gates report that they cannot be evaluated.
 */
export const statistics: GateStatistics | undefined = undefined;
