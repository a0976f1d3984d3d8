// Where the soak's armed kills land: a worker armed with a point SIGKILLs itself the next time
// it passes it. Each phase has a point before its write and one after.

/** The points of each phase of a task's life in a worker. */
export const KILL_POINTS = {
  claim: ['before-claim', 'after-claim'],
  handler: ['handler-start', 'handler-effect'],
  settle: ['before-complete', 'after-complete'],
} as const

export type KillPoint = (typeof KILL_POINTS)[keyof typeof KILL_POINTS][number]
