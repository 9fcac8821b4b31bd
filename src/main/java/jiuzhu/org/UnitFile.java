package jiuzhu.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the registry file (CSV: {@code code,level,name,parent,demo}, {@code #} comments) and checks that it
 * describes one tree: a single city, every parent present and one level up, every code extending its parent's.
 * A file with any error is refused whole, so a half-read registry can never replace a good one.
 */
final class UnitFile {

    private static final String HEADER = "code,level,name,parent,demo";

    private UnitFile() {
    }

    static List<Unit> read(InputStream in, String source) {
        List<String> errors = new ArrayList<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (number == 1 && trimmed.startsWith("\uFEFF")) {
                    trimmed = trimmed.substring(1);
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!trimmed.equals(HEADER)) {
                        errors.add("第" + number + "行：表头应为 / header must be \"" + HEADER + "\"");
                    }
                    headerSeen = true;
                    continue;
                }
                Unit unit = parseLine(trimmed, number, errors);
                if (unit == null) {
                    continue;
                }
                if (units.putIfAbsent(unit.code(), unit) != null) {
                    errors.add("第" + number + "行：代码重复 / duplicate code " + unit.code());
                } else {
                    lineOf.put(unit.code(), number);
                }
            }
        } catch (IOException e) {
            throw new OrgDataException(source, List.of("无法读取 / cannot read: " + e.getMessage()));
        }
        checkTree(units, lineOf, errors);
        if (!errors.isEmpty()) {
            throw new OrgDataException(source, errors);
        }
        return List.copyOf(units.values());
    }

    private static Unit parseLine(String line, int number, List<String> errors) {
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            errors.add("第" + number + "行：应有5列，实有" + f.length + "列 / expected 5 columns, found " + f.length);
            return null;
        }
        String code = f[0].strip();
        String levelText = f[1].strip();
        String name = f[2].strip();
        String parent = f[3].strip();
        String demo = f[4].strip();
        UnitLevel level;
        try {
            level = UnitLevel.valueOf(levelText);
        } catch (IllegalArgumentException e) {
            errors.add("第" + number + "行：未知层级 / unknown level \"" + levelText + "\" (CITY, COUNTY, TOWNSHIP, VILLAGE)");
            return null;
        }
        if (!code.matches("\\d{" + level.codeLength() + "}")) {
            errors.add("第" + number + "行：" + level.chineseName() + "代码应为" + level.codeLength() + "位数字 / "
                    + level + " code must be " + level.codeLength() + " digits: \"" + code + "\"");
            return null;
        }
        if (name.isEmpty() || name.length() > 100) {
            errors.add("第" + number + "行：名称为空或过长 / name empty or longer than 100 characters");
            return null;
        }
        if (!demo.equals("true") && !demo.equals("false")) {
            errors.add("第" + number + "行：demo 应为 true 或 false / demo must be true or false");
            return null;
        }
        return new Unit(code, level, name, parent.isEmpty() ? null : parent, Boolean.parseBoolean(demo));
    }

    private static void checkTree(Map<String, Unit> units, Map<String, Integer> lineOf, List<String> errors) {
        long cities = units.values().stream().filter(u -> u.level() == UnitLevel.CITY).count();
        if (cities != 1) {
            errors.add("应有且仅有一个市级单位，实有" + cities + " / exactly one CITY expected, found " + cities);
        }
        for (Unit unit : units.values()) {
            int number = lineOf.get(unit.code());
            if (unit.level() == UnitLevel.CITY) {
                if (unit.parentCode() != null) {
                    errors.add("第" + number + "行：市级单位不应有上级 / the CITY has no parent");
                }
                continue;
            }
            Unit parent = unit.parentCode() == null ? null : units.get(unit.parentCode());
            if (parent == null) {
                errors.add("第" + number + "行：上级单位不存在 / parent not found: " + unit.parentCode());
            } else if (parent.level() != unit.level().parent()) {
                errors.add("第" + number + "行：上级应为" + unit.level().parent() + " / parent of a " + unit.level()
                        + " must be a " + unit.level().parent() + ", found " + parent.level());
            } else if (!unit.code().startsWith(prefixOf(parent))) {
                errors.add("第" + number + "行：代码 " + unit.code() + " 不属于上级 " + parent.code()
                        + " / code does not extend its parent's code");
            } else if (parent.demo() && !unit.demo()) {
                errors.add("第" + number + "行：示例单位下不能有正式单位 / a real unit cannot sit under a demo unit");
            }
        }
    }

    /** A county's code shares the city's first four digits; below that a code extends its parent's whole code. */
    private static String prefixOf(Unit parent) {
        return parent.level() == UnitLevel.CITY ? parent.code().substring(0, 4) : parent.code();
    }
}
