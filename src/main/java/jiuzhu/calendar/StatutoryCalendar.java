package jiuzhu.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar in force. Years come from the shipped files, then an optional folder, then the
 * database (uploaded by an administrator), a later source replacing a year of an earlier one. A reload builds a
 * new immutable {@link WorkingDayCalendar} and swaps it in; when it knows years it did not know before it says
 * so with {@link CalendarYearsAdded}, so that provisional deadlines are recomputed.
 */
@Service
public class StatutoryCalendar {

    private static final Logger log = LoggerFactory.getLogger(StatutoryCalendar.class);

    /** Published after a reload that made years known; listeners recompute what was computed without them. */
    public record CalendarYearsAdded(SortedSet<Integer> years, String actor) {
    }

    private final JdbcTemplate jdbc;
    private final CalendarProperties properties;
    private final ApplicationEventPublisher events;
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>();

    StatutoryCalendar(JdbcTemplate jdbc, CalendarProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        current.set(build());
        log.info("Working-day calendar loaded: years {}", current.get().knownYears());
    }

    public WorkingDayCalendar current() {
        return current.get();
    }

    /** Reads every source again; returns the years that became known. */
    public SortedSet<Integer> reload(String actor) {
        WorkingDayCalendar next = build();
        WorkingDayCalendar previous = current.getAndSet(next);
        SortedSet<Integer> added = new TreeSet<>(next.knownYears());
        added.removeAll(previous.knownYears());
        log.info("Working-day calendar reloaded by {}: years {}, newly known {}", actor, next.knownYears(), added);
        if (!added.isEmpty() || !next.years().equals(previous.years())) {
            events.publishEvent(new CalendarYearsAdded(added.isEmpty() ? next.knownYears() : added, actor));
        }
        return added;
    }

    /**
     * Stores an uploaded year after checking it as strictly as a shipped file, then reloads. A file whose
     * {@code year} differs from the year it is uploaded as is refused.
     */
    public SortedSet<Integer> store(int year, byte[] yaml, String actor) {
        CalendarYear parsed = CalendarData.parse(new ByteArrayInputStream(yaml), "upload " + year + ".yaml");
        if (parsed.year() != year) {
            throw new CalendarDataException("upload " + year + ".yaml", List.of("文件中的年份 " + parsed.year()
                    + " 与上传的年份 " + year + " 不一致 / the file is for " + parsed.year() + ", not " + year));
        }
        String content = new String(yaml, StandardCharsets.UTF_8);
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update jz_calendar_year set content = ?, sha256 = ?, uploaded_by = ?, uploaded_at = ?"
                + " where calendar_year = ?", content, sha256(yaml), actor, now, year);
        if (updated == 0) {
            jdbc.update("insert into jz_calendar_year (calendar_year, content, sha256, uploaded_by, uploaded_at)"
                    + " values (?, ?, ?, ?, ?)", year, content, sha256(yaml), actor, now);
        }
        return reload(actor);
    }

    private WorkingDayCalendar build() {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        CalendarData.loadClasspathDefaults().forEach(y -> years.put(y.year(), y));
        if (properties.directory() != null && !properties.directory().isBlank()) {
            readDirectory(Path.of(properties.directory())).forEach(y -> years.put(y.year(), y));
        }
        jdbc.query("select calendar_year, content from jz_calendar_year order by calendar_year", rs -> {
            byte[] content = rs.getString(2).getBytes(StandardCharsets.UTF_8);
            CalendarYear y = CalendarData.parse(new ByteArrayInputStream(content), "database " + rs.getInt(1));
            years.put(y.year(), y);
        });
        return new WorkingDayCalendar(years.values());
    }

    private static List<CalendarYear> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CalendarDataException(dir.toString(), List.of("日历目录不存在 / calendar directory does not exist"));
        }
        List<CalendarYear> years = new java.util.ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[0-9][0-9][0-9][0-9].yaml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    years.add(CalendarData.parse(in, file.toString()));
                }
            }
        } catch (IOException e) {
            throw new CalendarDataException(dir.toString(), List.of("无法读取 / cannot read: " + e.getMessage()), e);
        }
        return years;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
