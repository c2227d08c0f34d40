// Failures a domain function reports in Swedish, for runAction (src/server/action.ts)
// to show as they are. Kept free of Next.js imports so domain code and tests can use them.

/** A refusal the user can act on; `field` puts the message next to that form field. */
export class RefusedError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "RefusedError";
  }
}

/** The record changed since the form was opened (optimistic concurrency): nothing was saved. */
export class StaleRecordError extends Error {
  constructor(
    public readonly what: string,
    /** What the other person changed, as a Swedish sentence ("Anna Ek rättade Dnr och rubrik 6 dec. 2026 kl. 23:10."). */
    public readonly change?: string,
  ) {
    super(`stale: ${what}`);
    this.name = "StaleRecordError";
  }
}
