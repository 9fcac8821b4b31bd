package jiuzhu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese translations of Camunda's Tasklist, Admin and Welcome apps (our
 * {@code META-INF/resources/webjars/camunda/app/<app>/locales/zh.json}) against the English originals in the
 * Camunda webjar on the classpath: the same keys, no blanks, the same placeholders and markup, and Chinese
 * text; and each app's {@code scripts/config.js} override makes Chinese the default while keeping the webjar's
 * own settings.
 */
class WebappLocaleTest {

    static final String APP = "META-INF/resources/webjars/camunda/app/";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Values that legitimately stay as in English: product names, comparison operators, code literals, formats. */
    static final Set<String> LATIN_ALLOWED = Set.of(
            "Camunda", "Optimize", "<", "<=", ">", ">=", "<null>", "<undefined>", "L", "HH:mm", "YYYY-MM-DD");

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** angular-translate interpolations, moment's %s/%d, HTML tags and entities. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]|<[^>]+>|&[a-z]+;");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void theChineseFileHasExactlyTheKeysOfTheWebjarsEnglishFile(String app) throws IOException {
        Map<String, JsonNode> en = flatten(english(app));
        Map<String, JsonNode> zh = flatten(chinese(app));

        Set<String> missing = new LinkedHashSet<>(en.keySet());
        missing.removeAll(zh.keySet());
        Set<String> extra = new LinkedHashSet<>(zh.keySet());
        extra.removeAll(en.keySet());
        assertThat(missing).as("keys of %s/en.json missing from zh.json", app).isEmpty();
        assertThat(extra).as("keys of %s/zh.json that en.json does not have", app).isEmpty();
        assertThat(en).as("%s/en.json is read from the webjar", app).hasSizeGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void everyValueIsOfTheEnglishTypeAndNotBlank(String app) throws IOException {
        Map<String, JsonNode> en = flatten(english(app));
        Map<String, JsonNode> zh = flatten(chinese(app));
        List<String> wrong = new ArrayList<>();
        en.forEach((path, enValue) -> {
            JsonNode zhValue = zh.get(path);
            if (zhValue == null) {
                return; // reported by the key test
            }
            if (zhValue.getNodeType() != enValue.getNodeType()) {
                wrong.add(path + ": " + zhValue.getNodeType() + " where English has " + enValue.getNodeType());
            } else if (enValue.isTextual() && zhValue.asText().isBlank() && !enValue.asText().isBlank()) {
                wrong.add(path + ": blank");
            } else if (enValue.isNumber() && !zhValue.equals(enValue)) {
                wrong.add(path + ": " + zhValue + " where English has " + enValue);
            }
        });
        assertThat(wrong).as("values of %s/zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void everyValueKeepsTheEnglishPlaceholdersAndMarkup(String app) throws IOException {
        Map<String, JsonNode> en = flatten(english(app));
        Map<String, JsonNode> zh = flatten(chinese(app));
        List<String> wrong = new ArrayList<>();
        en.forEach((path, enValue) -> {
            JsonNode zhValue = zh.get(path);
            if (zhValue == null || !enValue.isTextual()) {
                return;
            }
            List<String> expected = placeholders(enValue.asText());
            List<String> actual = placeholders(zhValue.asText());
            if (!expected.equals(actual)) {
                wrong.add(path + ": " + actual + " where English has " + expected);
            }
        });
        assertThat(wrong).as("placeholders in %s/zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void theValuesAreChinese(String app) throws IOException {
        Map<String, JsonNode> en = flatten(english(app));
        Map<String, JsonNode> zh = flatten(chinese(app));
        List<String> latin = new ArrayList<>();
        int texts = 0;
        int chinese = 0;
        for (Map.Entry<String, JsonNode> e : zh.entrySet()) {
            if (!e.getValue().isTextual()) {
                continue;
            }
            String value = e.getValue().asText();
            JsonNode enValue = en.get(e.getKey());
            if (value.isEmpty() && enValue != null && enValue.asText().isEmpty()) {
                continue; // empty in English too (NO_TASK_FORM)
            }
            texts++;
            if (CJK.matcher(value).find()) {
                chinese++;
            } else if (!LATIN_ALLOWED.contains(value)) {
                latin.add(e.getKey() + " = " + value);
            }
        }
        assertThat(latin).as("values of %s/zh.json without Chinese characters", app).isEmpty();
        assertThat(chinese).as("Chinese values of %s/zh.json out of %d", app, texts).isGreaterThan(texts * 95 / 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void theConfigMakesChineseTheDefaultAndKeepsTheWebjarsSettings(String app) throws IOException {
        String ours = read(ours(APP + app + "/scripts/config.js"));
        assertThat(ours).containsPattern("fallbackLocale:\\s*'zh'");
        assertThat(ours).containsPattern("availableLocales:\\s*\\[\\s*'zh',\\s*'en'\\s*]");

        // Every line of the webjar's own config that is not a comment is still there, in order
        // (Tasklist's keyboard shortcuts, the closing of the object).
        String original = read(fromWebjar(APP + app + "/scripts/config.js"));
        int from = 0;
        for (String line : original.split("\n")) {
            String code = line.strip();
            if (code.isEmpty() || code.startsWith("//") || code.startsWith("/*") || code.startsWith("*")) {
                continue;
            }
            int at = ours.indexOf(line, from);
            assertThat(at).as("line of the webjar's %s config.js: %s", app, line).isGreaterThanOrEqualTo(0);
            from = at + line.length();
        }
    }

    static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        Collections.sort(found);
        return found;
    }

    static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        return flat;
    }

    static void flatten(String path, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(path, node);
        }
    }

    JsonNode english(String app) throws IOException {
        try (InputStream in = fromWebjar(APP + app + "/locales/en.json").openStream()) {
            return JSON.readTree(in); // Jackson skips the byte order mark Camunda's files start with
        }
    }

    JsonNode chinese(String app) throws IOException {
        try (InputStream in = ours(APP + app + "/locales/zh.json").openStream()) {
            return JSON.readTree(in);
        }
    }

    /** The resource from Camunda's webjar (not a copy of ours that would shadow it). */
    URL fromWebjar(String name) throws IOException {
        for (URL url : Collections.list(getClass().getClassLoader().getResources(name))) {
            if (url.toString().contains("camunda-webapp-webjar")) {
                return url;
            }
        }
        throw new AssertionError("not in the Camunda webjar on the classpath: " + name);
    }

    /** Our resource, from this project's classes rather than from a jar. */
    URL ours(String name) throws IOException {
        for (URL url : Collections.list(getClass().getClassLoader().getResources(name))) {
            if ("file".equals(url.getProtocol())) {
                return url;
            }
        }
        throw new AssertionError("not among this project's resources: " + name);
    }

    static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
