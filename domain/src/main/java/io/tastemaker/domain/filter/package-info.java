/**
 * Recommendation filters (Personalize's filters, reference §1.16): CreateFilter, DescribeFilter,
 * ListFilters, DeleteFilter ({@link io.tastemaker.domain.filter.FilterService}), and their use at
 * request time ({@link io.tastemaker.domain.filter.FilterRuntime}).
 *
 * <p>Invariants: a filter's expression parsed and checked against its dataset group's schemas when
 * it was created, with the engine's message (column included) as an InvalidInputException
 * otherwise; a dataset group has at most 30 filters using at most 20 distinct fields together
 * (LimitExceededException); names are unique per account; filters are ACTIVE when CreateFilter
 * returns; deleting a dataset group deletes its filters in the same transaction (Personalize asks
 * only for datasets, solutions and event trackers to go first). At request time the filter row is
 * read every time (a deleted filter stops at once), interactions and user attributes are read from
 * the database every time; item attributes, checked expressions, catalog indexes and compiled
 * filters are kept in memory as {@link io.tastemaker.domain.filter.FilterRuntime} says.
 *
 * <p>Out of scope for now: UserID filters at request time (they are created and checked, for batch
 * segments later), promotions' filters, tags, and quotas other than the two above.
 */
package io.tastemaker.domain.filter;
