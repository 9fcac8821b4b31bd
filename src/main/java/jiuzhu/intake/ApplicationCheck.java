package jiuzhu.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jiuzhu.household.HouseholdRecords.NewMember;
import jiuzhu.household.HouseholdRecords.Relation;
import jiuzhu.household.HouseholdRecords.Residence;
import jiuzhu.household.InvalidResidentIdException;
import jiuzhu.household.ResidentIdNumber;

/**
 * Checks an application's own content (no database): required fields, ID numbers with their check character,
 * one applicant, no person twice, amounts not negative, text without markup or control characters. Every problem is
 * collected; error messages carry masked ID numbers only.
 */
final class ApplicationCheck {

    static final int MAX_MEMBERS = 20;
    static final long MAX_FEN = 100_000_000_00L;
    /** Markup and control characters have no place in a name or address and could reach a form or a notice. */
    private static final Pattern UNSAFE_TEXT = Pattern.compile("[<>\\p{Cntrl}]");

    record Checked(Residence residence, List<NewMember> members, boolean nearRelative, String nearRelativeNote) {
    }

    private ApplicationCheck() {
    }

    static Checked check(ApplicationForm form, InputProblems problems) {
        if (form.type() == null) {
            problems.add("type", "REQUIRED", "缺少救助类型", "type is required");
        } else if (!"SUBSISTENCE_ALLOWANCE".equals(form.type())) {
            problems.add("type", "TYPE_NOT_SUPPORTED", "暂不受理该救助类型：" + safe(form.type()),
                    "assistance type not supported yet: " + safe(form.type()));
        }
        if (form.servicePointCode() == null || !form.servicePointCode().matches("\\d{6}|\\d{9}|\\d{12}")) {
            problems.add("servicePointCode", "INVALID", "受理服务点代码应为6、9或12位数字", "servicePointCode must be a 6, 9 or 12 digit code");
        }
        Residence residence = null;
        if (form.household() == null) {
            problems.add("household", "REQUIRED", "缺少家庭信息", "household is required");
        } else {
            var h = form.household();
            if (h.registrationCode() == null || !h.registrationCode().matches("\\d{9}|\\d{12}")) {
                problems.add("household.registrationCode", "INVALID", "户籍所在地应为9位乡镇或12位村（社区）代码",
                        "registrationCode must be a 9-digit township or 12-digit village code");
            }
            residence = enumOf(Residence.class, h.residence(), "household.residence", problems);
            text(h.address(), "household.address", 200, false, problems);
            if (h.ownsNonEssentialVehicle() == null) {
                problems.add("household.ownsNonEssentialVehicle", "REQUIRED", "请说明是否拥有非生活必需车辆",
                        "ownsNonEssentialVehicle is required");
            }
        }
        List<NewMember> members = members(form.members(), problems);
        boolean nearRelative = false;
        String note = null;
        if (form.nearRelative() == null || form.nearRelative().declared() == null) {
            problems.add("nearRelative.declared", "REQUIRED", "必须声明是否为经办人员或村委会成员的近亲属",
                    "the near-relative declaration is required");
        } else {
            nearRelative = form.nearRelative().declared();
            note = form.nearRelative().note();
            text(note, "nearRelative.note", 500, false, problems);
            if (nearRelative && (note == null || note.isBlank())) {
                problems.add("nearRelative.note", "REQUIRED", "声明近亲属关系时须说明与谁、何种关系",
                        "a near-relative declaration must say with whom and how");
            }
        }
        return new Checked(residence, members, nearRelative, note);
    }

    private static List<NewMember> members(List<ApplicationForm.MemberForm> forms, InputProblems problems) {
        List<NewMember> members = new ArrayList<>();
        if (forms == null || forms.isEmpty()) {
            problems.add("members", "REQUIRED", "至少填写一名家庭成员", "at least one member is required");
            return members;
        }
        if (forms.size() > MAX_MEMBERS) {
            problems.add("members", "TOO_MANY", "家庭成员不超过" + MAX_MEMBERS + "人", "at most " + MAX_MEMBERS + " members");
            return members;
        }
        Set<String> seen = new HashSet<>();
        int applicants = 0;
        for (int i = 0; i < forms.size(); i++) {
            String at = "members[" + i + "]";
            var m = forms.get(i);
            if (m == null) {
                problems.add(at, "REQUIRED", "成员信息为空", "member is empty");
                continue;
            }
            text(m.name(), at + ".name", 50, true, problems);
            ResidentIdNumber id = null;
            try {
                id = ResidentIdNumber.parse(m.idNumber());
                if (!seen.add(id.value())) {
                    problems.add(at + ".idNumber", "DUPLICATE", "同一人重复填写：" + id.masked(), "the same person twice: " + id.masked());
                }
            } catch (InvalidResidentIdException e) {
                problems.addBilingual(at + ".idNumber", "INVALID", e.getMessage());
            }
            Relation relation = enumOf(Relation.class, m.relation(), at + ".relation", problems);
            if (relation == Relation.APPLICANT) {
                applicants++;
            }
            amount(m.monthlyIncomeFen(), at + ".monthlyIncomeFen", problems);
            amount(m.financialAssetsFen(), at + ".financialAssetsFen", problems);
            if (id != null && relation != null && m.name() != null && m.monthlyIncomeFen() != null
                    && m.financialAssetsFen() != null && m.monthlyIncomeFen() >= 0 && m.financialAssetsFen() >= 0) {
                members.add(new NewMember(m.name().strip(), id, relation, m.canWork(), m.monthlyIncomeFen(), m.financialAssetsFen()));
            }
        }
        if (applicants != 1) {
            problems.add("members", "APPLICANT", "须有且仅有一名申请人（relation = APPLICANT）",
                    "exactly one member must be the APPLICANT, found " + applicants);
        }
        return members;
    }

    private static void amount(Long fen, String field, InputProblems problems) {
        if (fen == null) {
            problems.add(field, "REQUIRED", "金额必填（单位：分）", "amount in fen is required");
        } else if (fen < 0 || fen > MAX_FEN) {
            problems.add(field, "OUT_OF_RANGE", "金额应在0至" + MAX_FEN + "分之间", "amount must be 0.." + MAX_FEN + " fen");
        }
    }

    private static void text(String value, String field, int max, boolean required, InputProblems problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "REQUIRED", "必填", "required");
            }
            return;
        }
        if (value.length() > max) {
            problems.add(field, "TOO_LONG", "不超过" + max + "个字符", "at most " + max + " characters");
        } else if (UNSAFE_TEXT.matcher(value).find()) {
            problems.add(field, "UNSAFE_TEXT", "不能包含 < > 或控制字符", "must not contain < > or control characters");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, InputProblems problems) {
        if (value == null) {
            problems.add(field, "REQUIRED", "必填", "required");
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(field, "INVALID", "取值无效：" + safe(value), "not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static String safe(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return UNSAFE_TEXT.matcher(cut).replaceAll("?");
    }
}
