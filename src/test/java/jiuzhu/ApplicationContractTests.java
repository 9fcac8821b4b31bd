package jiuzhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import jiuzhu.system.DeploymentRulesTests;
import jiuzhu.system.FeelExpressionCacheTest;

/**
 * What the whole application promises on any database: every model and form deployed, Jiuzhu's schema migrated,
 * the registry and demo staff in place, and one login for the APIs and the webapps, with everything else refused.
 * Subclasses run it on H2 and on a real PostgreSQL. Their engines keep the name "default", which the webapps
 * address, so each subclass closes its context when done: two live engines of one name cannot coexist in a JVM.
 */
abstract class ApplicationContractTests {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    WebClient api;

    @BeforeEach
    void client() {
        api = WebClient.api(port);
    }

    @Test
    void everyModelAndFormInTheRepositoryIsDeployed() throws IOException {
        Set<String> files = new TreeSet<>();
        files.addAll(filesIn("processes", ".bpmn", ".dmn"));
        files.addAll(filesIn("forms", ".form"));
        Set<String> deployed = repositoryService.createDeploymentQuery().list().stream()
                .map(Deployment::getId)
                .flatMap(id -> repositoryService.getDeploymentResourceNames(id).stream())
                .map(name -> name.replace('\\', '/'))
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(deployed).containsAll(files.stream().map(f -> f.substring(f.indexOf('/') + 1)).toList());
        assertThat(files).as("the repository ships models").isNotEmpty();
    }

    @Test
    void decisionsRunOnTheFeelEngineThatParsesEachTextOnce() {
        var decisions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
        var result = engine.getDecisionService().evaluateDecisionTableByKey("county-escalation")
                .variables(Variables.createVariables().putValue("assistanceType", "temporary-relief")
                        .putValue("nearRelative", false).putValue("objectionUpheld", false).putValue("complaint", false)
                        .putValue("caseByCase", false).putValue("amountFen", 300001))
                .evaluate();

        assertThat(result.getFirstResult().getEntryMap()).containsValue("RELIEF_ABOVE_TOWNSHIP_LIMIT");
        assertThat(FeelExpressionCacheTest.textsKeptBy(decisions.getFeelEngine())).isPositive();
    }

    @Test
    void flywayMigratedJiuzhusOwnSchemaAndTheRegistryIsLoaded() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from \"jz_schema_history\" where \"success\" = true and \"type\" = 'SQL'",
                Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from jz_unit where level = 'COUNTY' and active = true", Integer.class))
                .isEqualTo(11);
        assertThat(jdbc.queryForObject("select name from jz_unit where code = '371402'", String.class)).isEqualTo("德城区");
        assertThat(identityService.createGroupQuery().groupId("t371402001").count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().memberOfGroup("t371402001").list())
                .extracting(u -> u.getId()).containsExactlyInAnyOrder("clerk1", "head1");
        assertThat(identityService.createGroupQuery().groupType("HEAD").count()).as("one head group per township").isEqualTo(22);
        assertThat(identityService.createUserQuery().memberOfGroup("h371402001").list())
                .extracting(u -> u.getId()).containsExactly("head1");
    }

    @Test
    void demoUserCallsTheEngineRestApiAndJiuzhusApiWithBasicAuth() {
        HttpResponse<String> engine = api.get("/engine-rest/engine", "clerk1", "demo");
        assertThat(engine.statusCode()).isEqualTo(200);
        assertThat(engine.body()).contains("\"name\"");

        HttpResponse<String> me = api.get("/api/me", "clerk1", "demo");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"clerk1\"", "371402001", "新湖街道", "clerks");
    }

    @Test
    void theAdministratorSeesTheDeploymentsAndAClerkSeesNoneOfThem() {
        HttpResponse<String> admin = api.get("/engine-rest/deployment/count", "admin", "demo");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isNotEqualTo("{\"count\":0}");
        assertThat(api.get("/engine-rest/decision-definition?key=county-escalation", "owner", "demo").body())
                .contains("county-escalation");
        assertThat(api.get("/engine-rest/deployment/count", "clerk1", "demo").body()).isEqualTo("{\"count\":0}");
    }

    @Test
    void wrongPasswordAndMissingCredentialsAreRefusedWith401() {
        // Another user than the successful calls: Camunda delays a user's logins after a failed attempt.
        for (String path : List.of("/engine-rest/engine", "/engine-rest/task", "/api/me")) {
            HttpResponse<String> wrong = api.get(path, "county1", "wrong-password");
            assertThat(wrong.statusCode()).as("wrong password on " + path).isEqualTo(401);
            HttpResponse<String> none = api.get(path, null, null);
            assertThat(none.statusCode()).as("no credentials on " + path).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(none.body()).contains("AUTHENTICATION_REQUIRED", "需要有效的用户名和密码");
        }
        assertThat(api.get("/api/me", "nobody", "demo").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnauthenticatedBrowserIsSentToTheLoginPage() {
        HttpResponse<String> tasklist = WebClient.browser(port).browse("/camunda/app/tasklist/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void afterFormLoginTheWebappsKnowTheUserWithoutASecondLogin() {
        WebClient browser = WebClient.browser(port);
        HttpResponse<String> login = browser.formLogin("clerk1", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/"));

        HttpResponse<String> tasklist = browser.browse("/camunda/app/tasklist/");
        assertThat(tasklist.statusCode()).as("Camunda sends the user on to the default engine's Tasklist").isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/default/"));
        HttpResponse<String> page = browser.browse("/camunda/app/tasklist/default/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        HttpResponse<String> camundaUser = browser.browse("/camunda/api/admin/auth/user/default");
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"clerk1\"", "tasklist").doesNotContain("cockpit");
    }

    @Test
    void theLoginPageIsInChineseAndEnglish() {
        HttpResponse<String> page = WebClient.browser(port).browse("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("用户名 / User name", "密码 / Password", "登录 / Sign in").doesNotContain("<script");
        assertThat(WebClient.browser(port).browse("/login?error").body()).contains("用户名或密码错误", "Wrong user name or password");
    }

    @Test
    void pagesAndApisCarryTheirSecurityHeadersAndTheWebappsKeepCamundasOwnPolicy() {
        HttpResponse<String> login = WebClient.browser(port).browse("/login");
        assertThat(login.headers().allValues("Content-Security-Policy")).hasSize(1).first().asString()
                .contains("script-src 'none'", "frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));

        HttpResponse<String> me = api.get("/api/me", "clerk1", "demo");
        assertThat(me.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(me.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(me.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        WebClient browser = WebClient.browser(port);
        browser.formLogin("clerk1", "demo");
        HttpResponse<String> tasklist = browser.browse("/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).as("only Camunda's own policy").hasSize(1)
                .first().asString().contains("nonce-", "frame-ancestors 'none'");
    }

    @Test
    void theWebappsKeepCamundasCsrfProtection() {
        WebClient browser = WebClient.browser(port);
        browser.formLogin("clerk1", "demo");
        assertThat(browser.browse("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        // A forged cross-site request carries the session cookie but not Camunda's CSRF header.
        HttpResponse<String> forged = browser.send("POST", "/camunda/api/engine/engine/default/task/create", null, null,
                "application/json", "{\"name\":\"forged\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    }

    @Test
    void signingOutOfTheWebappEndsTheSession() {
        WebClient browser = WebClient.browser(port);
        browser.formLogin("manager", "demo");
        assertThat(browser.browse("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = browser.browse("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"manager\"", "cockpit").doesNotContain("tasklist");
        HttpResponse<String> logout = browser.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null, null, null);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.browse("/camunda/app/cockpit/").statusCode()).isEqualTo(302);
        assertThat(browser.browse("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void aFailedFormLoginStaysOnTheLoginPage() {
        WebClient browser = WebClient.browser(port);
        HttpResponse<String> login = browser.formLogin("assistant1", "not-the-password");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(browser.browse("/camunda/app/tasklist/").statusCode()).isEqualTo(302);
    }

    @Test
    void theHealthEndpointIsOpenAndNothingElseOfActuatorIsExposed() {
        assertThat(api.get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/health", null, null).statusCode()).as("open, UP or DOWN").isIn(200, 503);
        assertThat(api.get("/actuator/env", null, null).statusCode()).isEqualTo(401);
        WebClient admin = WebClient.browser(port);
        admin.formLogin("admin", "demo");
        assertThat(admin.browse("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics/jvm.memory.used", "manager", "demo").statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics", "clerk1", "demo").statusCode()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", null, null).statusCode()).isEqualTo(401);
        for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump")) {
            assertThat(admin.browse(endpoint).statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    void aProcessOwnerDeployingFromModelerIsToldWhichRuleABrokenModelBreaks() throws Exception {
        String boundary = "----jiuzhu" + System.nanoTime();
        String bpmn = DeploymentRulesTests.model("rule-rest", DeploymentRulesTests.TTL, DeploymentRulesTests.GOOD_SERVICE.replace("stopSlaClock", "missingBean"), DeploymentRulesTests.GOOD_USER, "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfrom-modeler\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"rule-rest.bpmn\"; filename=\"rule-rest.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"rule-test.form\"; filename=\"rule-test.form\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + DeploymentRulesTests.FORM + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("owner:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(r.body()).contains("Task_Work", "no bean named missingBean");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("rule-rest").count()).isZero();
    }

    static Set<String> filesIn(String folder, String... suffixes) throws IOException {
        Path root = Paths.get(folder);
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> p.toString().replace('\\', '/'))
                    .filter(p -> !p.contains("/node_modules/") && !p.contains("/element-templates/"))
                    .filter(p -> Stream.of(suffixes).anyMatch(p::endsWith))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
