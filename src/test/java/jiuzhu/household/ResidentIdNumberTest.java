package jiuzhu.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import jiuzhu.household.InvalidResidentIdException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    /**
     * ISO 7064 MOD 11-2 the iterative way (p = (p + digit) × 2 mod 11, check = (12 − p) mod 11), not the
     * weight table the production code uses, so a wrong weight there cannot also be wrong here.
     */
    static char independentCheckCharacter(String first17) {
        int p = 0;
        for (char c : first17.toCharArray()) {
            p = ((p + (c - '0')) * 2) % 11;
        }
        int check = (12 - p) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    static String withCheckCharacter(String first17) {
        return first17 + independentCheckCharacter(first17);
    }

    static String withWrongCheckCharacter(String first17) {
        char right = independentCheckCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    @Test
    void theIndependentRoutineAgreesWithAHandComputedExample() {
        // 371402 19800101 001: weighted sum by hand
        // 3·7 + 7·9 + 1·10 + 4·5 + 0·8 + 2·4 + 1·2 + 9·1 + 8·6 + 0·3 + 0·7 + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
        // = 21 + 63 + 10 + 20 + 0 + 8 + 2 + 9 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 197; 197 mod 11 = 10 → '2'
        assertThat(independentCheckCharacter("37140219800101001")).isEqualTo('2');
        // the GB 11643 sample number 11010519491231002X ends in X
        assertThat(independentCheckCharacter("11010519491231002")).isEqualTo('X');
    }

    @ParameterizedTest
    @CsvSource({
            // first 17 characters, division, birth date
            "37140219800101001, 371402, 1980-01-01",
            "11010519491231002, 110105, 1949-12-31",
            "37148220000229123, 371482, 2000-02-29",
            "37142719590630456, 371427, 1959-06-30",
            "37142220161115007, 371422, 2016-11-15",
            "44030420230101999, 440304, 2023-01-01",
    })
    void parsesValidNumbers(String first17, String division, LocalDate birth) {
        String number = withCheckCharacter(first17);

        ResidentIdNumber id = ResidentIdNumber.parse(number);

        assertThat(id.value()).isEqualTo(number);
        assertThat(id.divisionCode()).isEqualTo(division);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.masked()).isEqualTo(number.substring(0, 4) + "**********" + number.substring(14));
    }

    @Test
    void trimsAndUpperCasesATrailingX() {
        ResidentIdNumber id = ResidentIdNumber.parse("  11010519491231002x\t");

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id).isEqualTo(ResidentIdNumber.parse("11010519491231002X"));
        assertThat(id.masked()).isEqualTo("1101**********002X");
    }

    @Test
    void everyCheckCharacterValueIsReachable() {
        // vary the sequence number until each of 0–9 and X has been produced and accepted
        java.util.Set<Character> seen = new java.util.TreeSet<>();
        for (int seq = 0; seq < 200 && seen.size() < 11; seq++) {
            String number = withCheckCharacter("37140219800101" + String.format("%03d", seq));
            seen.add(ResidentIdNumber.parse(number).value().charAt(17));
        }
        assertThat(seen).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @ParameterizedTest
    @ValueSource(strings = {"37140219800101001", "11010519491231002", "37148220000229123", "37142719590630456"})
    void rejectsAWrongCheckCharacter(String first17) {
        String number = withWrongCheckCharacter(first17);

        InvalidResidentIdException e = catchThrowableOfType(InvalidResidentIdException.class,
                () -> ResidentIdNumber.parse(number));

        assertThat(e.problem()).isEqualTo(Problem.CHECK_CHARACTER);
        assertThat(e.getMessage()).contains("校验位", "check character")
                .contains(number.substring(0, 4) + "**********" + number.substring(14))
                .doesNotContain(number);
    }

    @ParameterizedTest
    @CsvSource({
            "'37140219800101002', 17",
            "'3714021980010100211', 19",
            "'371402198001010', 15",
            "'1234', 4",
            "'371402800101002', 15", // the old 15-digit format is not accepted
    })
    void rejectsAWrongLength(String number, int length) {
        InvalidResidentIdException e = catchThrowableOfType(InvalidResidentIdException.class,
                () -> ResidentIdNumber.parse(number));

        assertThat(e.problem()).isEqualTo(Problem.LENGTH);
        assertThat(e.getMessage()).contains("18位", "18 characters", String.valueOf(length))
                .doesNotContain(number);
    }

    @ParameterizedTest
    @CsvSource({
            "'3714021980O101001X', 11", // letter O for zero
            "'37140219800101A012', 15",
            "'371402 9800101001X', 7",
            "'３７14021980010100 2', 1", // full-width digits are not ASCII digits
    })
    void rejectsLettersAndOtherCharacters(String number, int position) {
        InvalidResidentIdException e = catchThrowableOfType(InvalidResidentIdException.class,
                () -> ResidentIdNumber.parse(number));

        assertThat(e.problem()).isEqualTo(Problem.CHARACTER);
        assertThat(e.getMessage()).contains("第" + position + "位", "character " + position)
                .doesNotContain(number);
    }

    @Test
    void rejectsALetterOtherThanXAtTheEnd() {
        InvalidResidentIdException e = catchThrowableOfType(InvalidResidentIdException.class,
                () -> ResidentIdNumber.parse("37140219800101001Y"));

        assertThat(e.problem()).isEqualTo(Problem.CHARACTER);
        assertThat(e.getMessage()).contains("第18位", "18th character");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "37140219800230001", // 30 February
            "37140219810229001", // 29 February in a year that is not a leap year
            "37140219000229001", // 1900 was not a leap year either
            "37140219801301001", // month 13
            "37140219800100001", // day 0
            "37140219800431001", // 31 April
            "37140218991231001", // before 1900
    })
    void rejectsImpossibleBirthDates(String first17) {
        String number = withCheckCharacter(first17); // a right check character, so the date is what fails

        InvalidResidentIdException e = catchThrowableOfType(InvalidResidentIdException.class,
                () -> ResidentIdNumber.parse(number));

        assertThat(e.problem()).isEqualTo(Problem.BIRTH_DATE);
        assertThat(e.getMessage()).contains("出生日期", "birth date").doesNotContain(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsMissingInput(String raw) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw))
                .isInstanceOf(InvalidResidentIdException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("为空").hasMessageContaining("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"37140219800101001", "11010519491231002", "37148220000229123", "44030420230101999"})
    void toStringNeverPrintsTheWholeNumber(String first17) {
        String number = withCheckCharacter(first17);
        ResidentIdNumber id = ResidentIdNumber.parse(number);

        assertThat(id.toString()).isEqualTo(id.masked()).doesNotContain(number)
                .doesNotContain(number.substring(4, 14));
        assertThat(String.valueOf(id)).doesNotContain(number);
        assertThat("applicant " + id).isEqualTo("applicant " + number.substring(0, 4) + "**********"
                + number.substring(14));
        assertThat(java.util.List.of(id).toString()).doesNotContain(number);
    }

    @ParameterizedTest
    @CsvSource({
            // birth,     on,          age
            "1980-01-01, 1980-01-01,  0",
            "1980-01-01, 2039-12-31, 59",
            "1980-01-01, 2040-01-01, 60",
            "2000-02-29, 2001-02-28,  0",
            "2000-02-29, 2001-03-01,  1",
            "2000-02-29, 2004-02-29,  4",
            "2010-06-15, 2026-06-14, 15",
            "2010-06-15, 2026-06-15, 16",
    })
    void ageOnCountsCompletedYears(LocalDate birth, LocalDate on, int age) {
        String first17 = "371402" + birth.toString().replace("-", "") + "001";
        ResidentIdNumber id = ResidentIdNumber.parse(withCheckCharacter(first17));

        assertThat(id.ageOn(on)).isEqualTo(age);
    }

    @Test
    void ageOnRejectsADateBeforeBirth() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheckCharacter("37140219800101001"));

        assertThatThrownBy(() -> id.ageOn(LocalDate.of(1979, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(id.value());
    }
}
