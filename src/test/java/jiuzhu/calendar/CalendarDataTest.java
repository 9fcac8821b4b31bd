package jiuzhu.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The year files are edited by hand, so every rule of the parser gets a file that breaks just that rule,
 * and the error must say what is wrong in both languages.
 */
class CalendarDataTest {

    private static final String SOURCE_NAME = "test-2026.yaml";

    private static final String VALID = """
            # a comment, as administrators will write them
            year: 2026
            source: "测试通知"
            holidays:
              - name: 元旦
                from: 2026-01-01
                to: 2026-01-03
              - name: 春节
                from: 2026-02-15
                to: 2026-02-23
            makeUpWorkdays:
              - date: 2026-01-04
                for: 元旦
              - date: 2026-02-14
                for: 春节
            """;

    @Test
    void aValidFileIsRead() {
        CalendarYear year = parse(VALID);

        assertThat(year.year()).isEqualTo(2026);
        assertThat(year.source()).isEqualTo("测试通知");
        assertThat(year.holidays()).containsExactly(
                new Holiday("元旦", d("2026-01-01"), d("2026-01-03")),
                new Holiday("春节", d("2026-02-15"), d("2026-02-23")));
        assertThat(year.makeUpWorkdays()).containsExactly(d("2026-01-04"), d("2026-02-14"));
    }

    @Test
    void missingYearIsRejected() {
        assertRejected(change("year: 2026\n", ""), "年份", "missing field 'year'");
    }

    @Test
    void missingSourceIsRejected() {
        assertRejected(change("source: \"测试通知\"\n", ""), "来源", "missing field 'source'");
    }

    @Test
    void blankSourceIsRejected() {
        assertRejected(change("source: \"测试通知\"", "source: \"  \""), "来源", "missing field 'source'");
    }

    @Test
    void aHolidayOutsideTheFilesYearIsRejected() {
        assertRejected(change("from: 2026-02-15", "from: 2025-02-15"), "超出本年", "outside the year 2026");
    }

    @Test
    void aHolidayEndingBeforeItStartsIsRejected() {
        assertRejected(change("from: 2026-02-15", "from: 2026-02-24"), "晚于结束日期", "after its end");
    }

    @Test
    void overlappingHolidaysAreRejected() {
        String yaml = change("makeUpWorkdays:", """
                  - name: 重叠的假期
                    from: 2026-02-23
                    to: 2026-02-25
                makeUpWorkdays:""");
        assertRejected(yaml, "重叠", "overlap");
    }

    @Test
    void aMakeUpDayThatIsNotAWeekendDayIsRejected() {
        assertRejected(change("date: 2026-02-14", "date: 2026-02-13"), "不是周六或周日", "not a Saturday or Sunday");
    }

    @Test
    void aMakeUpDayInsideAHolidayIsRejected() {
        assertRejected(change("date: 2026-02-14", "date: 2026-02-21"), "之内", "inside holiday");
    }

    @Test
    void aMakeUpDayOutsideTheFilesYearIsRejected() {
        assertRejected(change("date: 2026-01-04", "date: 2025-12-27"), "超出本年", "outside the year 2026");
    }

    @Test
    void aDateListedTwiceIsRejected() {
        assertRejected(change("date: 2026-02-14", "date: 2026-01-04"), "重复", "duplicate");
    }

    @Test
    void anUnknownFieldIsRejected() {
        assertRejected(change("year: 2026", "year: 2026\nnote: 备注"), "未知字段「note」", "unknown field 'note'");
    }

    @Test
    void aMisspeltFieldInsideAnEntryIsRejected() {
        assertRejected(change("date: 2026-02-14", "day: 2026-02-14"), "未知字段「day」", "unknown field 'day'");
    }

    @Test
    void aFieldGivenTwiceIsRejected() {
        assertRejected(change("year: 2026", "year: 2026\nyear: 2025"), "两次", "Duplicate field 'year'");
    }

    @Test
    void anImpossibleDateIsRejected() {
        assertRejected(change("to: 2026-02-23", "to: 2026-02-30"), "不是有效的", "not a valid YYYY-MM-DD date");
    }

    @Test
    void aDateInAnotherFormatIsRejected() {
        assertRejected(change("to: 2026-02-23", "to: 2026/2/23"), "不是有效的", "not a valid YYYY-MM-DD date");
    }

    @Test
    void aMissingDateIsRejected() {
        assertRejected(change("    to: 2026-01-03\n", ""), "缺少日期", "missing date 'to'");
    }

    @Test
    void aFileWithoutHolidaysIsRejected() {
        String yaml = """
                year: 2026
                source: "测试通知"
                holidays: []
                """;
        assertRejected(yaml, "没有列出任何节假日", "no holidays listed");
    }

    @Test
    void aHolidayWithoutNameIsRejected() {
        assertRejected(change("  - name: 春节\n    from:", "  - from:"), "缺少名称", "has no name");
    }

    @Test
    void aMakeUpDayForAnUnknownHolidayIsRejected() {
        assertRejected(change("for: 春节", "for: 春节假期"), "不是本文件中的节假日名称", "not the name of a holiday");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertRejected("", "为空", "empty");
        assertRejected("# only a comment\n", "为空", "empty");
    }

    @Test
    void aFileThatIsNotYamlIsRejected() {
        assertRejected("year: [2026\n", "YAML 格式错误", "malformed YAML");
        assertRejected("- 2026-01-01\n- 2026-01-02\n", "顶层", "top level must be a mapping");
        assertRejected(change("year: 2026", "year: 二〇二六"), "字段 year 的值无效", "invalid value for field 'year'");
    }

    @Test
    void aSecondYamlDocumentIsRejected() {
        assertRejected(VALID + "---\n" + VALID, "多个文档", "more than one document");
    }

    @Test
    void aFileSavedAsGbkIsRejected() {
        byte[] gbk = VALID.getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CalendarData.parse(new ByteArrayInputStream(gbk), SOURCE_NAME))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("不是 UTF-8 编码").hasMessageContaining("not UTF-8 encoded");
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        assertThat(parse("\uFEFF" + VALID)).isEqualTo(parse(VALID));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = change("from: 2026-02-15", "from: 2026-02-24").replace("date: 2026-02-14", "date: 2026-02-13");
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(CalendarDataException.class, e -> {
                    assertThat(e.sourceName()).isEqualTo(SOURCE_NAME);
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0)).contains("晚于结束日期").contains("after its end");
                    assertThat(e.problems().get(1)).contains("不是周六或周日").contains("not a Saturday or Sunday");
                });
    }

    @Test
    void aYearBuiltInCodeObeysTheSameRules() {
        assertThatThrownBy(() -> new CalendarYear(2026, "测试", List.of(
                new Holiday("春节", d("2026-02-23"), d("2026-02-15"))), List.of()))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("晚于结束日期").hasMessageContaining("after its end");
    }

    @Test
    void theOrderOfEntriesDoesNotMatter() {
        CalendarYear a = new CalendarYear(2026, "测试", List.of(
                new Holiday("元旦", d("2026-01-01"), d("2026-01-03")),
                new Holiday("春节", d("2026-02-15"), d("2026-02-23"))), List.of(d("2026-01-04"), d("2026-02-14")));
        CalendarYear b = new CalendarYear(2026, "测试", List.of(
                new Holiday("春节", d("2026-02-15"), d("2026-02-23")),
                new Holiday("元旦", d("2026-01-01"), d("2026-01-03"))), List.of(d("2026-02-14"), d("2026-01-04")));
        assertThat(a).isEqualTo(b);
        assertThat(a.holidays().get(0).name()).isEqualTo("元旦");
    }

    // --- the shipped files

    @Test
    void theShippedYearsAreLoadedFromTheIndex() {
        List<CalendarYear> years = CalendarData.loadClasspathDefaults();

        assertThat(years).extracting(CalendarYear::year).containsExactly(2025, 2026);
        assertThat(years).extracting(CalendarYear::source).containsExactly(
                "国务院办公厅关于2025年部分节假日安排的通知", "国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(years.get(0).holidays()).hasSize(6);
        assertThat(years.get(0).makeUpWorkdays()).hasSize(5);
        assertThat(years.get(1).holidays()).hasSize(7);
        assertThat(years.get(1).makeUpWorkdays()).hasSize(6);
    }

    @Test
    void everyYearFileInTheSourceTreeIsListedInTheIndex() throws IOException {
        // A file that is added but not listed would be silently ignored and its year treated as unknown.
        Path folder = Path.of("src/main/resources/calendar");
        List<String> yamlFiles;
        try (Stream<Path> files = Files.list(folder)) {
            yamlFiles = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .sorted().toList();
        }
        List<String> listed = Files.readAllLines(folder.resolve("index.txt"), UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        assertThat(listed).isEqualTo(yamlFiles);
    }

    // --- the index

    @Test
    void aMissingIndexIsRejected() {
        assertThatThrownBy(() -> CalendarData.loadClasspath(resources(Map.of()), "cal/"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("cal/index.txt").hasMessageContaining("索引").hasMessageContaining("missing");
    }

    @Test
    void anIndexListingNothingIsRejected() {
        ClassLoader loader = resources(Map.of("cal/index.txt", "# no years yet\n"));
        assertThatThrownBy(() -> CalendarData.loadClasspath(loader, "cal/"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("没有列出任何年份").hasMessageContaining("lists no year files");
    }

    @Test
    void anIndexListingAMissingFileIsRejected() {
        ClassLoader loader = resources(Map.of("cal/index.txt", "2026.yaml\n2030.yaml\n", "cal/2026.yaml", VALID));
        assertThatThrownBy(() -> CalendarData.loadClasspath(loader, "cal/"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("2030.yaml").hasMessageContaining("不存在").hasMessageContaining("does not exist");
    }

    @Test
    void aFileWhoseNameContradictsItsYearIsRejected() {
        ClassLoader loader = resources(Map.of("cal/index.txt", "2027.yaml\n", "cal/2027.yaml", VALID));
        assertThatThrownBy(() -> CalendarData.loadClasspath(loader, "cal/"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("cal/2027.yaml").hasMessageContaining("不一致")
                .hasMessageContaining("file name says 2027 but the file says year: 2026");
    }

    @Test
    void anIndexLineThatIsNotAYearFileIsRejected() {
        ClassLoader loader = resources(Map.of("cal/index.txt", "2026.yaml\n2026.yml\n", "cal/2026.yaml", VALID));
        assertThatThrownBy(() -> CalendarData.loadClasspath(loader, "cal/"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("第 2 行").hasMessageContaining("line 2").hasMessageContaining("YYYY.yaml");
    }

    @Test
    void anIndexListingAFileTwiceIsRejected() {
        ClassLoader loader = resources(Map.of("cal/index.txt", "2026.yaml\n2026.yaml\n", "cal/2026.yaml", VALID));
        assertThatThrownBy(() -> CalendarData.loadClasspath(loader, "cal/"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("重复").hasMessageContaining("duplicate");
    }

    @Test
    void theIndexMayHaveCommentsBlankLinesAndWindowsLineEnds() {
        ClassLoader loader = resources(Map.of(
                "cal/index.txt", "\uFEFF# years\r\n\r\n  2026.yaml  \r\n", "cal/2026.yaml", VALID));
        assertThat(CalendarData.loadClasspath(loader, "cal/")).extracting(CalendarYear::year).containsExactly(2026);
    }

    private static void assertRejected(String yaml, String chineseKeyword, String englishKeyword) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining(SOURCE_NAME)
                .hasMessageContaining(chineseKeyword)
                .hasMessageContaining(englishKeyword);
    }

    /** VALID with one piece replaced; fails loudly if the piece is not there, so no test passes vacuously. */
    private static String change(String original, String replacement) {
        assertThat(VALID).contains(original);
        return VALID.replace(original, replacement);
    }

    private static CalendarYear parse(String yaml) {
        return CalendarData.parse(new ByteArrayInputStream(yaml.getBytes(UTF_8)), SOURCE_NAME);
    }

    private static ClassLoader resources(Map<String, String> files) {
        return new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String text = files.get(name);
                return text == null ? null : new ByteArrayInputStream(text.getBytes(UTF_8));
            }
        };
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
