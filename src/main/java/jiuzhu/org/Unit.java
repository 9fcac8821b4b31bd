package jiuzhu.org;

/**
 * One administrative unit. Its Camunda group id is the level's prefix and the division code
 * ({@code t371402001}), which passes Camunda's default id whitelist.
 */
public record Unit(String code, UnitLevel level, String name, String parentCode, boolean demo) {

    public String groupId() {
        return groupIdOf(level, code);
    }

    /** The group of a township's head (负责人), {@code h371402001}. */
    public static String headGroupOf(String townshipCode) {
        return "h" + townshipCode;
    }

    public static String groupIdOf(UnitLevel level, String code) {
        return level.groupPrefix() + code;
    }
}
