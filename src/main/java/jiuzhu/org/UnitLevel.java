package jiuzhu.org;

/** The four administrative levels, each with the length of its division code and the prefix of its group id. */
public enum UnitLevel {
    CITY(6, "m", "市"),
    COUNTY(6, "c", "县（市、区）"),
    TOWNSHIP(9, "t", "乡镇（街道）"),
    VILLAGE(12, "v", "村（社区）");

    private final int codeLength;
    private final String groupPrefix;
    private final String chineseName;

    UnitLevel(int codeLength, String groupPrefix, String chineseName) {
        this.codeLength = codeLength;
        this.groupPrefix = groupPrefix;
        this.chineseName = chineseName;
    }

    public int codeLength() {
        return codeLength;
    }

    public String groupPrefix() {
        return groupPrefix;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The level directly above, or null for the city. */
    public UnitLevel parent() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
