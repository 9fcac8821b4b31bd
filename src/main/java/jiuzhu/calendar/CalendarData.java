package jiuzhu.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the yearly calendar files ({@code calendar/YYYY.yaml}, format described in
 * {@code src/main/resources/calendar/README.md}).
 *
 * <p>The files are edited by administrators, not developers, so parsing is strict (unknown fields, duplicate
 * keys, non-ISO dates are errors rather than being ignored) and reports every problem it finds at once. A
 * silently ignored typo would otherwise shift statutory deadlines without anybody noticing.
 *
 * <p>Rules checked: {@code year} and {@code source} present; at least one holiday; every holiday has a name
 * and a non-empty range ({@code from <= to}) inside the file's year; holiday ranges do not overlap; every
 * make-up working day is a Saturday or Sunday of the file's year, not inside a holiday and not listed twice;
 * a make-up day's {@code for}, when given, names a holiday of the same file.
 *
 * <p>The shipped years are found through {@code calendar/index.txt} rather than by scanning the class path,
 * because class-path directories cannot be listed reliably inside a Spring Boot fat jar, and a year that is
 * silently skipped would look exactly like an unannounced year.
 */
public final class CalendarData {

    /** Folder on the class path that holds the shipped year files and {@code index.txt}. */
    static final String DEFAULT_FOLDER = "calendar/";

    // A year file is a few kilobytes; anything this large is the wrong file, not a calendar.
    private static final int MAX_FILE_BYTES = 1 << 20;

    private static final Pattern YEAR_FILE_NAME = Pattern.compile("(\\d{4})\\.yaml");

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CalendarData() {
    }

    // Dates are read as text so that a malformed date gets our bilingual message with the offending value,
    // instead of a Jackson stack of type-conversion details.
    record YearFile(Integer year, String source, List<HolidayEntry> holidays, List<MakeUpEntry> makeUpWorkdays) {
    }

    record HolidayEntry(String name, String from, String to) {
    }

    record MakeUpEntry(String date, @JsonProperty("for") String forHoliday) {
    }

    /**
     * Parses and validates one year file. The stream is read to the end but not closed.
     *
     * @param sourceName names the data in error messages, typically the file name
     * @throws CalendarDataException listing every problem found
     */
    public static CalendarYear parse(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        String text = readUtf8(in, sourceName);
        YearFile file = readYaml(text, sourceName);
        return toCalendarYear(file, sourceName);
    }

    /**
     * Loads every year listed in {@code calendar/index.txt} on the class path, sorted by year.
     *
     * @throws CalendarDataException if the index is missing or lists a file that is missing, misnamed or invalid
     */
    public static List<CalendarYear> loadClasspathDefaults() {
        return loadClasspath(CalendarData.class.getClassLoader(), DEFAULT_FOLDER);
    }

    /** @param folder class-path folder ending in '/', holding {@code index.txt} and the year files */
    static List<CalendarYear> loadClasspath(ClassLoader loader, String folder) {
        String indexName = folder + "index.txt";
        List<String> fileNames = readIndex(loader, indexName);
        List<CalendarYear> years = new ArrayList<>();
        for (String fileName : fileNames) {
            String resource = folder + fileName;
            String sourceName = "classpath:" + resource;
            CalendarYear year;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new CalendarDataException("classpath:" + indexName, List.of(
                            "索引列出的文件 " + fileName + " 不存在 / file " + fileName
                                    + " is listed in the index but does not exist"));
                }
                year = parse(in, sourceName);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + sourceName, e);
            }
            Matcher m = YEAR_FILE_NAME.matcher(fileName);
            m.matches(); // readIndex accepted only names of this form
            int yearInName = Integer.parseInt(m.group(1));
            if (yearInName != year.year()) {
                throw new CalendarDataException(sourceName, List.of(
                        "文件名中的年份 " + yearInName + " 与 year: " + year.year() + " 不一致 / file name says "
                                + yearInName + " but the file says year: " + year.year()));
            }
            years.add(year);
        }
        years.sort(Comparator.comparingInt(CalendarYear::year));
        return List.copyOf(years);
    }

    private static List<String> readIndex(ClassLoader loader, String indexName) {
        String text;
        try (InputStream in = loader.getResourceAsStream(indexName)) {
            if (in == null) {
                throw new CalendarDataException("classpath:" + indexName, List.of(
                        "找不到日历索引文件 / the calendar index file is missing"));
            }
            text = readUtf8(in, "classpath:" + indexName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + indexName, e);
        }
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!YEAR_FILE_NAME.matcher(line).matches()) {
                problems.add("第 " + (i + 1) + " 行「" + line + "」不是 YYYY.yaml 形式的文件名 / line " + (i + 1)
                        + " '" + line + "' is not a file name of the form YYYY.yaml");
            } else if (!seen.add(line)) {
                problems.add("第 " + (i + 1) + " 行重复列出 " + line + " / line " + (i + 1) + " lists " + line
                        + " a second time (duplicate)");
            } else {
                names.add(line);
            }
        }
        if (names.isEmpty() && problems.isEmpty()) {
            // Without any year every deadline would be provisional; that is a packaging mistake, not a state.
            problems.add("索引中没有列出任何年份文件 / the index lists no year files");
        }
        if (!problems.isEmpty()) {
            throw new CalendarDataException("classpath:" + indexName, problems);
        }
        return names;
    }

    private static String readUtf8(InputStream in, String sourceName) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new CalendarDataException(sourceName, List.of(
                    "无法读取文件 / cannot read the file: " + e.getMessage()), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new CalendarDataException(sourceName, List.of(
                    "文件过大（超过 1 MB）/ file is too large (over 1 MB)"));
        }
        String text;
        try {
            // Strict decoding: a file saved as GBK by a Windows editor must fail loudly, not turn into mojibake.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CalendarDataException(sourceName, List.of(
                    "文件不是 UTF-8 编码（请以 UTF-8 保存）/ file is not UTF-8 encoded (save it as UTF-8)"), e);
        }
        // Windows editors like to prepend a byte-order mark; it is harmless, so accept it.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static YearFile readYaml(String text, String sourceName) {
        YearFile file;
        try {
            file = MAPPER.readValue(text, YearFile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new CalendarDataException(sourceName, List.of(
                    "未知字段「" + e.getPropertyName() + "」" + zhAt(e.getLocation()) + "，允许的字段：" + known
                            + " / unknown field '" + e.getPropertyName() + "'" + enAt(e.getLocation())
                            + "; allowed fields: " + known), e);
        } catch (MismatchedInputException e) {
            if (isEmptyDocument(e)) {
                throw emptyFile(sourceName);
            }
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("Trailing token")) {
                throw new CalendarDataException(sourceName, List.of(
                        "YAML 格式错误：文件中有多个文档（---）" + zhAt(e.getLocation())
                                + " / malformed YAML: more than one document ('---')" + enAt(e.getLocation())), e);
            }
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + (ref.getIndex() + 1) + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw new CalendarDataException(sourceName, List.of(
                        "YAML 格式错误：顶层应为 year、source、holidays、makeUpWorkdays 等字段" + zhAt(e.getLocation())
                                + " / malformed YAML: the top level must be a mapping of year, source, holidays, "
                                + "makeUpWorkdays" + enAt(e.getLocation())), e);
            }
            // Jackson's own wording names Java types, which means nothing to an administrator.
            throw new CalendarDataException(sourceName, List.of(
                    "YAML 格式错误：字段 " + field + " 的值无效" + zhAt(e.getLocation())
                            + " / malformed YAML: invalid value for field '" + field + "'" + enAt(e.getLocation())), e);
        } catch (JsonProcessingException e) {
            String original = e.getOriginalMessage();
            String zh = original != null && original.startsWith("Duplicate field")
                    ? "同一字段出现了两次" : "YAML 格式错误";
            throw new CalendarDataException(sourceName, List.of(
                    zh + zhAt(e.getLocation()) + " / malformed YAML" + enAt(e.getLocation()) + ": " + original), e);
        }
        if (file == null) {
            throw emptyFile(sourceName);
        }
        return file;
    }

    private static boolean isEmptyDocument(MismatchedInputException e) {
        String original = e.getOriginalMessage();
        return original != null && original.startsWith("No content to map");
    }

    private static CalendarDataException emptyFile(String sourceName) {
        return new CalendarDataException(sourceName, List.of("文件为空 / file is empty"));
    }

    private static String zhAt(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : "（第 " + location.getLineNr() + " 行）";
    }

    private static String enAt(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr();
    }

    private static CalendarYear toCalendarYear(YearFile file, String sourceName) {
        List<String> problems = new ArrayList<>();

        List<Holiday> holidays = new ArrayList<>();
        List<HolidayEntry> holidayEntries = file.holidays() == null ? List.of() : file.holidays();
        for (int i = 0; i < holidayEntries.size(); i++) {
            HolidayEntry entry = holidayEntries.get(i);
            Where where = new Where("holidays 第 " + (i + 1) + " 项", "holidays entry " + (i + 1));
            if (entry == null) {
                problems.add(where.zh() + "为空 / " + where.en() + " is empty");
                continue;
            }
            LocalDate from = date(entry.from(), "from", where, problems);
            LocalDate to = date(entry.to(), "to", where, problems);
            if (from != null && to != null) {
                holidays.add(new Holiday(entry.name() == null ? "" : entry.name().strip(), from, to));
            }
        }

        // With a holiday unreadable its name is unknown, and checking 'for' against the rest would only add noise.
        boolean allHolidaysRead = holidays.size() == holidayEntries.size();
        Set<String> holidayNames = holidays.stream().map(Holiday::name).collect(Collectors.toSet());
        List<LocalDate> makeUps = new ArrayList<>();
        List<MakeUpEntry> makeUpEntries = file.makeUpWorkdays() == null ? List.of() : file.makeUpWorkdays();
        for (int i = 0; i < makeUpEntries.size(); i++) {
            MakeUpEntry entry = makeUpEntries.get(i);
            Where where = new Where("makeUpWorkdays 第 " + (i + 1) + " 项", "makeUpWorkdays entry " + (i + 1));
            if (entry == null) {
                problems.add(where.zh() + "为空 / " + where.en() + " is empty");
                continue;
            }
            LocalDate date = date(entry.date(), "date", where, problems);
            if (date == null) {
                continue;
            }
            makeUps.add(date);
            String forHoliday = entry.forHoliday() == null ? null : entry.forHoliday().strip();
            if (forHoliday != null && allHolidaysRead && !holidayNames.contains(forHoliday)) {
                problems.add("调休上班日 " + date + " 的 for「" + forHoliday + "」不是本文件中的节假日名称，应为其中之一："
                        + new TreeSet<>(holidayNames) + " / make-up working day " + date + " is 'for' '" + forHoliday
                        + "', which is not the name of a holiday in this file");
            }
        }

        problems.addAll(CalendarYearRules.problems(file.year(), file.source(), holidays, makeUps));
        if (!problems.isEmpty()) {
            throw new CalendarDataException(sourceName, problems);
        }
        return new CalendarYear(file.year(), file.source().strip(), holidays, makeUps);
    }

    private record Where(String zh, String en) {
    }

    private static LocalDate date(String text, String field, Where where, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(where.zh() + "缺少日期 " + field + " / " + where.en() + ": missing date '" + field + "'");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(where.zh() + "的日期 " + field + "「" + text + "」不是有效的 YYYY-MM-DD 日期 / " + where.en()
                    + ": date '" + field + "' value '" + text + "' is not a valid YYYY-MM-DD date");
            return null;
        }
    }
}
