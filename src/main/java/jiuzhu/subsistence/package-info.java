/**
 * The subsistence allowance (最低生活保障, 低保), process {@code subsistence-allowance}: the Spring beans its model binds
 * by name (service-task delegates, timer expressions, task listeners), as fixed in {@code dibao-contract.md}. Each
 * delegate reads its variables, calls a service and writes the result; the rules live in the DMN decisions
 * ({@code subsistence-eligibility}, {@code county-escalation}) or in plain classes here without Camunda types
 * ({@link jiuzhu.subsistence.HouseholdFigures}, {@link jiuzhu.subsistence.DecisionRule},
 * {@link jiuzhu.subsistence.ReviewIntervals}), and the case itself stays in the case, household and ledger tables.
 */
package jiuzhu.subsistence;
