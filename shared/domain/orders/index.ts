/**
 * Orders (issue 10, item 4): statuses, shipments, completeness and timeliness, per-account repeat
 * orders, and the order a won deal becomes. Pure functions; "today" is always the caller's local day.
 */
export * from './status';
export * from './shipments';
export * from './metrics';
export * from './from-deal';
