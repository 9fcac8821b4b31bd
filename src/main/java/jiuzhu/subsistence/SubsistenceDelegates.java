package jiuzhu.subsistence;

import static jiuzhu.subsistence.SubsistenceVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jiuzhu.household.HouseholdVerification;
import jiuzhu.household.VerificationRecords;
import jiuzhu.household.VerificationResult;
import jiuzhu.intake.CaseRecords;

/**
 * The service-task delegates of {@code subsistence-allowance}, one bean per task, bound by name
 * ({@code camunda:delegateExpression="${assessEligibility}"}). The case number is the business key. Each reads its
 * variables, calls a service and writes the result; a missing or invalid input throws, so the job fails visibly.
 */
@Configuration(proxyBeanMethods = false)
class SubsistenceDelegates {

    @Bean
    JavaDelegate issueMissingMaterialsNotice(SubsistenceNotices notices) {
        return e -> notices.missingMaterials(e.getProcessBusinessKey(), (String) e.getVariable(MISSING_MATERIALS), actor(e));
    }

    @Bean
    JavaDelegate issueLapseNotice(SubsistenceNotices notices) {
        return e -> notices.lapse(e.getProcessBusinessKey(), actor(e));
    }

    @Bean
    JavaDelegate issueIntakeRefusal(SubsistenceNotices notices) {
        return e -> notices.intakeRefusal(e.getProcessBusinessKey(), (String) e.getVariable(INTAKE_REFUSAL_REASON), actor(e));
    }

    @Bean
    JavaDelegate verifyHouseholdEconomy(CaseRecords cases, HouseholdVerification verification, VerificationRecords records) {
        return e -> {
            CaseRecords.CaseFile file = SubsistenceCases.require(cases, e.getProcessBusinessKey());
            VerificationResult result = verification.verify(file.householdId(), file.caseNumber(), file.assistanceType());
            records.record(file.caseNumber(), result);
            e.setVariable(VERIFICATION_OUTCOME, result.outcome().name());
        };
    }

    @Bean
    JavaDelegate assessEligibility(EligibilityAssessment assessment) {
        return e -> {
            DecisionTables.Eligibility result = assessment.assess(e.getProcessBusinessKey());
            e.setVariable(ELIGIBLE, result.eligible());
            e.setVariable(ELIGIBILITY_REASON_CODE, result.reasonCode());
            e.setVariable(ELIGIBILITY_REASON, result.reason());
            e.setVariable(MONTHLY_AMOUNT_FEN, result.monthlyAmountFen());
        };
    }

    @Bean
    JavaDelegate startPublicity(Publicity publicity) {
        return e -> e.setVariable(PUBLICITY_ENDS_AT, Date.from(publicity.start(e.getProcessBusinessKey()).endsAt()));
    }

    @Bean
    JavaDelegate decideWhoDecides(DecisionTables tables) {
        return e -> {
            DecisionTables.Escalation result = tables.escalation((String) e.getVariable(ASSISTANCE_TYPE),
                    flag(e, NEAR_RELATIVE), flag(e, OBJECTION_UPHELD), flag(e, COMPLAINT), flag(e, CASE_BY_CASE),
                    amount(e, MONTHLY_AMOUNT_FEN));
            e.setVariable(NEEDS_COUNTY, result.needsCounty());
            e.setVariable(ESCALATION_REASON_CODE, result.reasonCode());
            e.setVariable(ESCALATION_REASON, result.reason());
        };
    }

    @Bean
    JavaDelegate recordSubsistenceDecision(Allowances allowances) {
        return e -> {
            DecisionRule.Outcome outcome = DecisionRule.decide(e.getProcessBusinessKey(), flag(e, ELIGIBLE),
                    text(e, ELIGIBILITY_REASON), flag(e, NEEDS_COUNTY), text(e, COUNTY_DECISION),
                    text(e, COUNTY_DECISION_REASONS), text(e, TOWNSHIP_DECISION), text(e, TOWNSHIP_DECISION_REASONS));
            String decidedBy = outcome.byCounty() ? text(e, COUNTY_DECIDED_BY) : text(e, TOWNSHIP_DECIDED_BY);
            if (outcome.byCounty() && decidedBy == null) {
                throw new IllegalStateException("县级决定缺少决定人 / county decision without decider (case "
                        + e.getProcessBusinessKey() + ")");
            }
            allowances.recordDecision(e.getProcessBusinessKey(), outcome, decidedBy != null ? decidedBy : actor(e));
            e.setVariable(DECISION, outcome.decision());
            e.setVariable(DECISION_REASONS, outcome.reasons());
        };
    }

    @Bean
    JavaDelegate grantAllowance(Allowances allowances) {
        return e -> {
            Long amount = amount(e, MONTHLY_AMOUNT_FEN);
            if (amount == null) {
                throw new IllegalStateException("缺少月保障金额 / no monthlyAmountFen (case " + e.getProcessBusinessKey() + ")");
            }
            Allowances.Granted granted = allowances.grant(e.getProcessBusinessKey(), amount, flag(e, MEMBER_CAN_WORK),
                    flag(e, IRREGULAR_INCOME), actor(e));
            e.setVariable(REVIEW_DUE, Date.from(granted.reviewDue()));
            e.setVariable(REVIEW_INTERVAL_MONTHS, (long) granted.grant().reviewIntervalMonths());
        };
    }

    @Bean
    JavaDelegate issueRefusalNotice(SubsistenceNotices notices) {
        return e -> notices.refusal(e.getProcessBusinessKey(), (String) e.getVariable(REFUSAL_NOTICE_TEXT),
                (String) e.getVariable(DECISION_REASONS), actor(e));
    }

    @Bean
    JavaDelegate recordNoticeOverdue(SubsistenceNotices notices) {
        return e -> notices.refusalOverdue(e.getProcessBusinessKey(), actor(e));
    }

    @Bean
    JavaDelegate applyReviewDecision(PeriodicReviews reviews) {
        return e -> reviews.apply(e.getProcessBusinessKey(), text(e, REVIEW_DECISION), amount(e, REVIEW_NEW_AMOUNT_FEN),
                text(e, REVIEW_DECISION_REASONS), text(e, BENEFICIARY_STATEMENT), actor(e));
    }

    @Bean
    JavaDelegate scheduleNextReview(Allowances allowances) {
        return e -> {
            if (!(e.getVariable(REVIEW_DUE) instanceof Date previous)) {
                throw new IllegalStateException("缺少上次核查日期 / no reviewDue (case " + e.getProcessBusinessKey() + ")");
            }
            Allowances.Granted next = allowances.scheduleNextReview(e.getProcessBusinessKey(), previous.toInstant(),
                    flag(e, MEMBER_CAN_WORK), flag(e, IRREGULAR_INCOME));
            e.setVariable(REVIEW_DUE, Date.from(next.reviewDue()));
            e.setVariable(REVIEW_INTERVAL_MONTHS, (long) next.grant().reviewIntervalMonths());
        };
    }

    static String actor(DelegateExecution e) {
        return SubsistenceCases.actor(e.getProcessEngineServices());
    }

    static Boolean flag(DelegateExecution e, String name) {
        Object value = e.getVariable(name);
        return value instanceof Boolean b ? b : null;
    }

    static String text(DelegateExecution e, String name) {
        return SubsistenceCases.text(e.getVariable(name));
    }

    /** Forms submit Long, FEEL gives Integer or Long: any whole number is accepted, anything else is none. */
    static Long amount(DelegateExecution e, String name) {
        Object value = e.getVariable(name);
        return value instanceof Number n ? n.longValue() : null;
    }
}
