package jiuzhu.intake;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jiuzhu.household.HouseholdRecords;
import jiuzhu.intake.CaseRecords.CaseFile;
import jiuzhu.intake.CaseRecords.CaseSummary;
import jiuzhu.org.OrgRegistry;
import jiuzhu.org.UnitLevel;
import jiuzhu.security.CaseAccess;
import jiuzhu.system.ApiException;

/**
 * Jiuzhu's case API: file an application, list a township's cases (its staff and the units above it; anyone else
 * gets 403), read a case (its unit and the units above it only; anyone else gets 404, and every read is audited),
 * raise an objection during publicity, ask the county for an extension.
 */
@RestController
class CaseController {

    record FiledView(String caseNumber, CaseStatus status, String townshipCode, String townshipName, String processInstanceId) {
    }

    record MemberView(String name, String idNumber, HouseholdRecords.Relation relation, Boolean canWork,
            long monthlyIncomeFen, long financialAssetsFen) {
    }

    record CaseView(String caseNumber, String assistanceType, CaseStatus status, String townshipCode, String villageCode,
            String filedAtUnit, String filedBy, Instant filedAt, HouseholdRecords.Residence residence, String address,
            boolean ownsNonEssentialVehicle, List<MemberView> members, boolean nearRelative, String decision,
            String decisionReasons, Instant decidedAt) {
    }

    record Statement(String text) {
    }

    /** What a service point may follow of a case it filed for another unit: where it stands, no personal data. */
    record StatusView(String caseNumber, String assistanceType, CaseStatus status, String townshipCode, Instant filedAt,
            String decision, Instant decidedAt) {
    }

    /** One page of a township's cases: where each stands, no household, no names, no ID numbers. */
    record CasePage(String township, int page, int size, long total, List<CaseSummary> cases) {
    }

    static final int MAX_STATEMENT = 2000;
    static final int MAX_PAGE_SIZE = 200;

    private final Intake intake;
    private final CaseRecords cases;
    private final HouseholdRecords households;
    private final OrgRegistry org;
    private final CaseAccess access;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseController(Intake intake, CaseRecords cases, HouseholdRecords households, OrgRegistry org, CaseAccess access,
            RuntimeService runtime, JdbcTemplate jdbc, Clock clock) {
        this.intake = intake;
        this.cases = cases;
        this.households = households;
        this.org = org;
        this.access = access;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/api/applications")
    ResponseEntity<FiledView> file(@RequestBody ApplicationForm form, Authentication user,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._-]{8,64}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID", "Idempotency-Key 应为8至64个字母、数字或 ._-",
                    "Idempotency-Key must be 8..64 letters, digits or ._-");
        }
        Intake.Filed filed = intake.file(form, user.getName(), org.unitsOf(user.getName()), access.isAdmin(user), idempotencyKey);
        FiledView view = new FiledView(filed.caseNumber(), filed.status(), filed.townshipCode(), filed.townshipName(),
                filed.processInstanceId());
        return filed.replayed() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/cases/" + filed.caseNumber())).body(view);
    }

    @GetMapping("/api/cases/{caseNumber}")
    CaseView read(@PathVariable String caseNumber, Authentication user) {
        CaseFile file = visible(caseNumber, user);
        jdbc.update("insert into jz_access_audit (at, user_id, case_number, endpoint) values (?, ?, ?, ?)",
                Timestamp.from(clock.instant()), user.getName(), caseNumber, "GET /api/cases/{caseNumber}");
        var household = households.find(file.householdId()).orElseThrow();
        // Full ID numbers for the responsible township's staff only; units above it see them masked.
        boolean responsible = isCaseTownship(user, file);
        List<MemberView> members = households.members(file.householdId()).stream()
                .map(m -> new MemberView(m.name(), responsible ? households.idNumberOf(m.id()) : m.maskedId(), m.relation(), m.canWork(),
                        m.monthlyIncomeFen(), m.financialAssetsFen()))
                .toList();
        return new CaseView(file.caseNumber(), file.assistanceType(), file.status(), file.townshipCode(), file.villageCode(),
                file.filedAtUnit(), file.filedBy(), file.filedAt(), household.residence(), household.address(),
                household.ownsNonEssentialVehicle(), members, file.nearRelative(), file.decision(), file.decisionReasons(),
                file.decidedAt());
    }

    /**
     * A township's cases, newest first, for the township's staff and the units above it (the rule of reading a case).
     * Asking for a township outside one's units is refused (403), never answered with an empty list. The list holds
     * no personal data, so, like {@code /status}, it is not written to {@code jz_access_audit}; reading a case's file is.
     */
    @GetMapping("/api/cases")
    CasePage list(@RequestParam(required = false) String township, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Authentication user) {
        if (township != null && !township.matches("\\d{9}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "TOWNSHIP_INVALID", "township 应为9位乡镇（街道）代码",
                    "township must be a 9-digit township code");
        }
        CaseStatus wanted = caseStatus(status);
        if (page < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PAGE_INVALID", "page 应为0或正整数", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "SIZE_INVALID", "size 应在1至" + MAX_PAGE_SIZE + "之间",
                    "size must be 1.." + MAX_PAGE_SIZE);
        }
        String code = township != null ? township : ownTownship(user);
        if (org.find(code).filter(u -> u.level() == UnitLevel.TOWNSHIP).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_TOWNSHIP", "未知的乡镇（街道）代码 " + code,
                    "unknown township code " + code);
        }
        if (!access.maySee(user, code)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "TOWNSHIP_NOT_YOURS", "只能查看本单位或下辖乡镇（街道）的案件",
                    "you may list only the cases of townships within your units");
        }
        return new CasePage(code, page, size, cases.countOfTownship(code, wanted),
                cases.pageOfTownship(code, wanted, (long) page * size, size));
    }

    /** Without {@code township}: the user's own township, when they belong to exactly one. */
    private String ownTownship(Authentication user) {
        List<String> townships = org.unitsOf(user.getName()).stream().filter(u -> u.level() == UnitLevel.TOWNSHIP)
                .map(u -> u.code()).toList();
        if (townships.size() != 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "TOWNSHIP_REQUIRED", "请用参数 township 指定乡镇（街道）代码",
                    "parameter township is required unless you belong to exactly one township");
        }
        return townships.get(0);
    }

    private static CaseStatus caseStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
            throw new ApiException(HttpStatus.BAD_REQUEST, "STATUS_INVALID", "status 应为以下之一：" + allowed,
                    "status must be one of " + allowed);
        }
    }

    /** For the case's units and for the service point that filed it (a village assistant following an application). */
    @GetMapping("/api/cases/{caseNumber}/status")
    StatusView status(@PathVariable String caseNumber, Authentication user) {
        CaseFile file = cases.find(caseNumber)
                .filter(c -> access.maySee(user, c.townshipCode()) || c.filedBy().equals(user.getName())
                        || filedAtAVillageOf(user, c.filedAtUnit()))
                .orElseThrow(() -> ApiException.notFound("案件 " + caseNumber, "case " + caseNumber));
        return new StatusView(file.caseNumber(), file.assistanceType(), file.status(), file.townshipCode(), file.filedAt(),
                file.decision(), file.decidedAt());
    }

    @PostMapping("/api/cases/{caseNumber}/objections")
    ResponseEntity<Void> objection(@PathVariable String caseNumber, @RequestBody Statement statement, Authentication user) {
        requireTownship(visible(caseNumber, user), user);
        correlate(caseNumber, "ObjectionRaised", Map.of("objectionText", statementText(statement), "objectionRaisedBy", user.getName()),
                "NOT_IN_PUBLICITY", "案件不在公示期，不能提出异议", "the case is not in its publicity period");
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/cases/{caseNumber}/extension-requests")
    ResponseEntity<Void> extension(@PathVariable String caseNumber, @RequestBody Statement statement, Authentication user) {
        requireTownship(visible(caseNumber, user), user);
        correlate(caseNumber, "ExtensionRequested", Map.of("extensionRequestReason", statementText(statement),
                "extensionRequestedBy", user.getName()),
                "NOT_IN_PROCEDURE", "案件不在审核办理中，不能申请延期", "the case is not being processed");
        return ResponseEntity.accepted().build();
    }

    /** Acting on a case is for the township that works it; the units above read it (the manager only reads). */
    private void requireTownship(CaseFile file, Authentication user) {
        if (!isCaseTownship(user, file)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_THE_CASES_TOWNSHIP", "只有案件所属乡镇（街道）可以办理此事项",
                    "only the case's township may do this");
        }
    }

    /** Whether the user works in the township responsible for the case (not merely in a unit above it). */
    private boolean isCaseTownship(Authentication user, CaseFile file) {
        return org.unitsOf(user.getName()).stream().anyMatch(u -> u.code().equals(file.townshipCode()));
    }

    /** A village's service point follows what it filed, whoever of its staff filed it. */
    private boolean filedAtAVillageOf(Authentication user, String filedAtUnit) {
        return org.find(filedAtUnit).filter(u -> u.level() == UnitLevel.VILLAGE).isPresent() && access.maySee(user, filedAtUnit);
    }

    private CaseFile visible(String caseNumber, Authentication user) {
        return cases.find(caseNumber).filter(c -> access.maySee(user, c.townshipCode()))
                .orElseThrow(() -> ApiException.notFound("案件 " + caseNumber, "case " + caseNumber));
    }

    private void correlate(String caseNumber, String message, Map<String, Object> variables, String code, String zh, String en) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).setVariables(variables).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict(code, zh, en);
        }
    }

    private static String statementText(Statement statement) {
        if (statement == null || statement.text() == null || statement.text().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "TEXT_REQUIRED", "请填写内容", "text is required");
        }
        if (statement.text().length() > MAX_STATEMENT || statement.text().matches("(?s).*[<>\\p{Cntrl}&&[^\\n\\r\\t]].*")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "TEXT_INVALID", "内容过长或含有 < > 等字符",
                    "text too long or contains < > or control characters");
        }
        return statement.text().strip();
    }
}
