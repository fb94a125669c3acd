import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { MonitorScope } from './monitor-scope.ts';

/** The wijken the report covers now: the chosen wijk, or every wijk of the chosen gebieden. */
export function scopeWijken(scope: MonitorScope): string[] {
  return scope.neighbourhood
    ? [scope.neighbourhood]
    : scope.neighbourhoods.filter((wijk) => scope.areas.includes(wijk.area)).map((wijk) => wijk.id);
}

/** A listing belongs to a part of the municipality when it is offered there or everywhere. */
export function listingInWijken(
  wijken: string[],
): (eb: ExpressionBuilder<Database, 'listings'>) => Expression<SqlBool> {
  return (eb) =>
    eb.or([
      eb('listings.citywide', '=', 1),
      ...(wijken.length > 0
        ? [
            eb(
              'listings.id',
              'in',
              eb
                .selectFrom('listing_neighbourhoods')
                .select('listing_id')
                .where('neighbourhood', 'in', wijken),
            ),
          ]
        : []),
    ]);
}
