package io.trainflow.plugin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application on a random port: its own in-memory H2, the repository's bpmn/ folder,
 * the sample organisation signing in with a test password, and the LMS/HCM syncs pushed out
 * of the way. Every test class extending this shares one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningTrainflow {

    static final String PASSWORD = "plugin-test-password";

    /** Writes one person may make per minute in the tests (the bad-input corpus spreads its cases over people). */
    static final int WRITES_PER_MINUTE = 100;

    private static final String DATABASE = "jdbc:h2:mem:plugin-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    /** The SMTP server the application's task notifications go to (a free port: other builds run beside). */
    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("trainflow.demo-password", () -> PASSWORD);
        registry.add("trainflow.bpmn-dir", () -> bpmnFolder().toString());
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
        // as behind a reverse proxy on loopback: sign-in tests stand for many addresses with X-Forwarded-For
        registry.add("server.forward-headers-strategy", () -> "native");
        // a first delay long enough that a slow machine cannot outwait it between two test calls
        registry.add("trainflow.sign-in.throttle.first-delay", () -> "PT20S");
        registry.add("trainflow.limits.writes-per-minute", () -> WRITES_PER_MINUTE);
        // task notifications by e-mail to the test's SMTP server, promptly; approvers who collect many tasks across
        // the tests still get one e-mail per task (the digest has its own test)
        registry.add("trainflow.mail.host", () -> "127.0.0.1");
        registry.add("trainflow.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("trainflow.mail.starttls", () -> "false");
        registry.add("trainflow.mail.from", () -> "trainflow@acme.example");
        registry.add("trainflow.notifications.interval", () -> "PT2S");
        registry.add("trainflow.notifications.digest-threshold", () -> 1000);
    }

    /** A person of the sample organisation, signed in. */
    Api as(String username) {
        return new Api(port, username, PASSWORD);
    }

    Api anonymous() {
        return new Api(port, null, null);
    }

    /** The repository's bpmn/ folder: above the working directory, beside the root pom.xml. */
    static Path bpmnFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bpmn"))) {
                return dir.resolve("bpmn");
            }
        }
        throw new IllegalStateException(
                "No folder with pom.xml and bpmn/ above " + Path.of("").toAbsolutePath());
    }
}
