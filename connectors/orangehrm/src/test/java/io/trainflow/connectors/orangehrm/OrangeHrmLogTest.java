package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.orangehrm.auth.OAuthTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Everything logged while refreshing, retrying and failing: no secret, token or personal value. */
class OrangeHrmLogTest extends OrangeHrmWireMockBase {

    final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(captured);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
    }

    @Test
    void logsCarryNoSecretTokenOrPersonalValue() {
        String access53 = OrangeHrmAuthTest.ACCESS_53;
        String refresh53 = OrangeHrmAuthTest.REFRESH_53;
        connector.close();
        seedTokens(new OAuthTokens(access53, refresh53, Instant.now().plusSeconds(1800)));
        // 401 -> refresh (rotation) -> retry; a 503 burst; a refused field; a timeout-free error path
        wm.stubFor(get(urlPathEqualTo(API + "/pim/employees/3/skills"))
                .withHeader("Authorization", equalTo("Bearer " + access53))
                .willReturn(answer("58-oauth-bearer-invalid-token")));
        wm.stubFor(post(urlPathEqualTo(ROOT + "/oauth2/token")).willReturn(answer("56-oauth-token-refresh")));
        String access56 = OrangeHrmAuthTest.ACCESS_56;
        wm.stubFor(get(urlPathEqualTo(API + "/pim/employees/3/skills"))
                .withHeader("Authorization", equalTo("Bearer " + access56))
                .willReturn(answer("27-list-employee-skills")));
        wm.stubFor(post(urlPathEqualTo(API + "/pim/employees/3/skills")).willReturn(answer("written/invalid-skill")));
        wm.stubFor(get(urlPathEqualTo(API + "/pim/employees/3/licenses")).willReturn(serviceUnavailable()));
        connector = start(config(baseUrl()));
        OrangeHrmHcm h = connector.hcm();

        assertThat(h.skills("3")).hasSize(2);
        catchThrowable(() ->
                h.saveSkill("3", new EmployeeSkill("3", "Incident Management", 2, "proficiency=2/5; private note")));
        catchThrowable(() -> h.recordTraining(
                "3",
                new TrainingRecord(
                        null, "Workplace First Aid Training", "COURSE-FA-42", LocalDate.parse("2026-09-12"), null)));
        connector.check();

        String logs = captured.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertThat(captured.list).isNotEmpty(); // the retries were logged, so there was something to leak
        assertThat(logs).contains("503").contains("HTTP 401");
        assertThat(logs)
                .doesNotContain(
                        CLIENT_SECRET,
                        access53,
                        refresh53,
                        access56,
                        OrangeHrmAuthTest.REFRESH_56,
                        "Linus",
                        "Torvalds",
                        "Grace",
                        "Hopper",
                        "private note",
                        "proficiency=");
    }
}
