package jiuzhu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cockpit speaks Simplified Chinese by default: our locales/zh.json must cover every key of the English
 * file shipped in the Camunda 7.24 webjar (a missing key shows its raw name in the UI), keep the
 * {{placeholders}} of each message, and scripts/config.js must make 'zh' the fallback locale.
 */
class CockpitLocaleTest {

    private static final String COCKPIT = "META-INF/resources/webjars/camunda/app/cockpit/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?\\}\\}");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    private static Map<String, JsonNode> en;
    private static Map<String, JsonNode> zh;

    @BeforeAll
    static void readLocales() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        en = leaves(mapper.readTree(resource(COCKPIT + "locales/en.json")));
        zh = leaves(mapper.readTree(resource(COCKPIT + "locales/zh.json")));
    }

    @Test
    void zhHasExactlyTheKeyPathsOfTheWebjarEnglishFile() {
        assertThat(en).hasSizeGreaterThan(2000);
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    }

    @Test
    void everyValueIsANonBlankStringWhereEnglishHasAString() {
        List<String> problems = new ArrayList<>();
        en.forEach((path, enValue) -> {
            JsonNode zhValue = zh.get(path);
            if (zhValue == null) {
                return; // reported by the key path test
            }
            if (enValue.isTextual()) {
                if (!zhValue.isTextual() || zhValue.asText().isBlank()) {
                    problems.add(path);
                }
            } else if (!enValue.equals(zhValue)) {
                // non-text leaves (dateLocales.week.dow/doy) are numbers and stay as they are
                problems.add(path);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void placeholdersAreKeptPerKey() {
        List<String> problems = new ArrayList<>();
        en.forEach((path, enValue) -> {
            JsonNode zhValue = zh.get(path);
            if (enValue.isTextual() && zhValue != null
                    && !placeholders(enValue.asText()).equals(placeholders(zhValue.asText()))) {
                problems.add(path + ": " + enValue.asText() + " -> " + zhValue.asText());
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void atLeastNinetyPercentOfTheValuesAreChinese() {
        long strings = zh.values().stream().filter(JsonNode::isTextual).count();
        long chinese = zh.values().stream()
                .filter(JsonNode::isTextual)
                .filter(v -> CJK.matcher(v.asText()).find())
                .count();
        assertThat((double) chinese / strings).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void configMakesChineseTheFallbackLocale() throws IOException {
        URL config = Thread.currentThread().getContextClassLoader().getResource(COCKPIT + "scripts/config.js");
        assertThat(config).isNotNull();
        // the first config.js on the classpath is the one the webapp serves: ours, not the webjar's
        assertThat(config.getProtocol()).isEqualTo("file");
        String js;
        try (InputStream in = config.openStream()) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String active = js.replaceAll("(?m)^\\s*//.*$", "");
        assertThat(active).containsPattern("locales\\s*:\\s*\\{");
        assertThat(active).containsPattern("availableLocales\\s*:\\s*\\[\\s*'zh'\\s*,\\s*'en'\\s*\\]");
        assertThat(active).containsPattern("fallbackLocale\\s*:\\s*'zh'");
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }

    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> result = new TreeMap<>();
        collect(root, "", result);
        return result;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> result) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path + "/" + field.getKey(), result);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", result);
            }
        } else {
            result.put(path, node);
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
