/**
 * The one definition of "overdue" (and so of what scrutiny chases): an open action past its due date, as of the
 * date in parameter `$n`. Every view builds on these, so a new status changes only this file. The text stays
 * `status = 'open' AND due_on < $n::date`, which the partial indexes on open actions answer.
 */
export const overdueSql = (asOfParam: string, alias = 'a'): string => `${alias}.status = 'open' AND ${alias}.due_on < ${asOfParam}::date`;

/** Days an overdue action is past its due date; only meaningful where `overdueSql` holds. */
export const daysPastDueSql = (asOfParam: string, alias = 'a'): string => `${asOfParam}::date - ${alias}.due_on`;

/** Days overdue as of the date in parameter `$n`; 0 for an action that is not overdue. */
export const daysOverdueSql = (asOfParam: string, alias = 'a'): string =>
  `CASE WHEN ${overdueSql(asOfParam, alias)} THEN ${daysPastDueSql(asOfParam, alias)} ELSE 0 END`;

/** The same rule for an action as it stood at an earlier instant, folded in memory rather than read from a table. */
export const isOverdueOn = (action: { readonly status: string; readonly dueOn: string | null }, asOf: string): boolean =>
  action.status === 'open' && action.dueOn !== null && action.dueOn < asOf;
