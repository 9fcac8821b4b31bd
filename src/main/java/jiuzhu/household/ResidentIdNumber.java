package jiuzhu.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

import jiuzhu.household.InvalidResidentIdException.Problem;

/**
 * An 18-character PRC resident ID number (公民身份号码, GB 11643): a 6-digit division code, the birth
 * date as yyyyMMdd, a 3-digit sequence number and an ISO 7064 MOD 11-2 check character (0–9 or X).
 *
 * <p>{@link #toString()} and every error message show only the masked form ({@code 3714**********123X}),
 * so a log line or a stack trace cannot leak the number; {@link #value()} is the one way to get it whole.
 */
public final class ResidentIdNumber {

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int KEPT_AT_EACH_END = 4;
    /** Below this length keeping 4 + 4 characters would reveal most of what was typed. */
    private static final int SHORTEST_PARTLY_SHOWN = 15;
    private static final int EARLIEST_BIRTH_YEAR = 1900;

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses a number as typed: surrounding whitespace is ignored and a trailing lower-case {@code x}
     * is read as {@code X}.
     *
     * @throws InvalidResidentIdException if the length, a character, the check character or the birth
     *         date is wrong
     */
    public static ResidentIdNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidResidentIdException(Problem.MISSING,
                    "身份证号码为空 / the resident ID number is missing");
        }
        String text = raw.strip();
        if (text.endsWith("x")) {
            text = text.substring(0, text.length() - 1) + 'X';
        }
        String masked = mask(text);
        if (text.length() != LENGTH) {
            throw new InvalidResidentIdException(Problem.LENGTH, String.format(
                    "身份证号码应为18位，实际为%d位（%s） / a resident ID number has 18 characters, this one has %d (%s)",
                    text.length(), masked, text.length(), masked));
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                throw new InvalidResidentIdException(Problem.CHARACTER, String.format(
                        "身份证号码第%d位应为数字（%s） / character %d must be a digit (%s)",
                        i + 1, masked, i + 1, masked));
            }
        }
        char last = text.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            throw new InvalidResidentIdException(Problem.CHARACTER, String.format(
                    "身份证号码第18位应为数字或X（%s） / the 18th character must be a digit or X (%s)",
                    masked, masked));
        }
        if (last != checkCharacter(text)) {
            throw new InvalidResidentIdException(Problem.CHECK_CHARACTER, String.format(
                    "身份证号码校验位不符，可能有输入错误（%s） / the check character (ISO 7064 MOD 11-2) does not match,"
                            + " the number was probably mistyped (%s)",
                    masked, masked));
        }
        LocalDate birthDate = birthDate(text, masked);
        return new ResidentIdNumber(text, birthDate);
    }

    private static LocalDate birthDate(String text, String masked) {
        int year = Integer.parseInt(text.substring(6, 10));
        int month = Integer.parseInt(text.substring(10, 12));
        int day = Integer.parseInt(text.substring(12, 14));
        try {
            if (year < EARLIEST_BIRTH_YEAR) {
                throw new DateTimeException("year before " + EARLIEST_BIRTH_YEAR);
            }
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidResidentIdException(Problem.BIRTH_DATE, String.format(
                    "身份证号码中的出生日期不存在（第7–14位，%s） / the birth date in characters 7–14 is impossible (%s)",
                    masked, masked));
        }
    }

    private static char checkCharacter(String text) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (text.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String mask(String text) {
        if (text.length() < SHORTEST_PARTLY_SHOWN) {
            return "*".repeat(text.length());
        }
        return text.substring(0, KEPT_AT_EACH_END)
                + "*".repeat(text.length() - 2 * KEPT_AT_EACH_END)
                + text.substring(text.length() - KEPT_AT_EACH_END);
    }

    /** The full number. Store or compare it; never log it. */
    public String value() {
        return value;
    }

    /** The first 4 and last 4 characters with the 10 between them starred: {@code 3714**********123X}. */
    public String masked() {
        return mask(value);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The 6-digit division code of the place the number was issued (not necessarily where the person lives now). */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    /**
     * Age in completed years (周岁) on the given date; the age goes up on the birthday, and for someone
     * born on 29 February, on 1 March in years without one.
     *
     * @throws IllegalArgumentException if the date is before the birth date
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date " + date + " is before the birth date of " + masked());
        }
        return Period.between(birthDate, date).getYears();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form, so that logging the object never prints the number whole. */
    @Override
    public String toString() {
        return masked();
    }
}
