package jiuzhu.org;

import java.util.List;

/** The registry file was refused; the message lists every problem found, in Chinese and English. */
public class OrgDataException extends RuntimeException {

    private final List<String> problems;

    OrgDataException(String source, List<String> problems) {
        super("组织机构数据有误，未导入 / organisation data refused, nothing imported: " + source + "\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
