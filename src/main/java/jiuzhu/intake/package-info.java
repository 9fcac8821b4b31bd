/**
 * Intake: an application filed at any service point is validated, checked against open cases of the same people,
 * given a case number, routed to the township of the household's registration and started as a process instance,
 * all in one transaction, so that a refused application leaves no case, no instance and no partial rows.
 */
package jiuzhu.intake;
