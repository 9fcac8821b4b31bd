/**
 * County exception review (县级例外审核): in Dezhou the township decides assistance cases and the county only
 * the exceptions (乡镇审批是常态、县级审批是例外: near-relative cases, upheld objections, complaints, amounts above
 * the township's limit, case-by-case deliberation). Every assistance process reaches the county the same way, through
 * a call activity to {@code processes/county-exception-review.bpmn}, so that the county has one queue, one form and
 * one record of who decided what and when, whatever the programme. This module holds that process's contract
 * ({@link jiuzhu.escalation.CountyReview}, {@link jiuzhu.escalation.CountyDecision}) and the small beans its model
 * binds by name; the rule that sends a case to the county lives in {@code county-escalation.dmn}.
 */
package jiuzhu.escalation;
