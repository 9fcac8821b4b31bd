package jiuzhu.security;

/**
 * The role groups. Staff belong to one of these and to their unit's group; ids stay within Camunda's default
 * id whitelist ({@code [a-zA-Z0-9]+|camunda-admin}).
 */
public enum RoleGroup {
    CLERKS("clerks", "乡镇（街道）经办人员"),
    HEADS("heads", "乡镇（街道）负责人"),
    COUNTY_OFFICERS("countyofficers", "县级审核人员"),
    ASSISTANTS("assistants", "村级协理员"),
    MANAGERS("managers", "管理人员（只读）"),
    OWNERS("owners", "流程负责人"),
    ADMINS("camunda-admin", "系统管理员");

    public static final String GROUP_TYPE = "ROLE";

    private final String groupId;
    private final String chineseName;

    RoleGroup(String groupId, String chineseName) {
        this.groupId = groupId;
        this.chineseName = chineseName;
    }

    public String groupId() {
        return groupId;
    }

    public String chineseName() {
        return chineseName;
    }
}
