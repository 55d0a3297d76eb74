package io.trainflow.plugin.notifications;

import io.trainflow.plugin.cluster.ClusterLock;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import io.trainflow.workflows.notify.tasks.Outbox;
import io.trainflow.workflows.notify.tasks.OutboxTaskNotifier;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Task notifications (README, Notifications): the outbox the engine writes in the task's transaction, and the
 * dispatcher that sends it as Moodle messages and e-mails linking to the task page, on a fixed delay.
 */
@Configuration
public class NotificationsConfiguration {

    private NotificationDispatcher dispatcher;
    private ClusterLock cluster;

    @Value("${trainflow.notifications.enabled:true}")
    private boolean enabled;

    @Bean
    Outbox notificationOutbox(DataSource dataSource) {
        return new Outbox(dataSource);
    }

    @Bean
    TaskNotifier taskNotifier(
            Outbox outbox,
            Directory directory,
            EngineClock clock,
            @Value("${trainflow.notifications.enabled:true}") boolean on) {
        return on ? new OutboxTaskNotifier(directory, clock) : TaskNotifier.NONE;
    }

    /** E-mail only when an SMTP host is configured; the password only from the environment. */
    @Bean
    MailChannel mailChannel(
            @Value("${trainflow.mail.host:}") String host,
            @Value("${trainflow.mail.port:587}") int port,
            @Value("${trainflow.mail.username:}") String username,
            @Value("${trainflow.mail.from:trainflow@localhost}") String from,
            @Value("${trainflow.mail.starttls:true}") String starttls) {
        return host == null || host.isBlank()
                ? MailChannel.off()
                : MailChannel.smtp(host, port, username, System.getenv("TRAINFLOW_MAIL_PASSWORD"), from, starttls);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(
            Outbox outbox,
            DataSource dataSource,
            TaskNotifier notifier,
            TrainflowEngine engine,
            Directory directory,
            TrainflowPorts ports,
            MailChannel mail,
            Environment environment,
            @Value("${trainflow.notifications.templates-dir:notifications}") String folder,
            @Value("${trainflow.notifications.locale:en}") String locale,
            @Value("${trainflow.notifications.digest-threshold:10}") int threshold,
            @Value("${trainflow.notifications.digest-time:07:00}") String digestTime,
            @Value("${trainflow.notifications.digest-zone:UTC}") String zone,
            @Value("${trainflow.public-url:}") String publicUrl,
            ClusterLock cluster,
            OpenTasks openTasks) {
        this.cluster = cluster;
        dispatcher = new NotificationDispatcher(
                outbox,
                dataSource,
                notifier,
                openTasks,
                ports.lms(),
                ports.hcm(),
                mail,
                new NotificationTemplates(Path.of(folder), locale),
                engine.clock(),
                new NotificationDispatcher.Settings(threshold, LocalTime.parse(digestTime), ZoneId.of(zone)),
                () -> publicUrl != null && !publicUrl.isBlank()
                        ? publicUrl
                        : "http://localhost:"
                                + environment.getProperty(
                                        "local.server.port", environment.getProperty("server.port", "8080")));
        return dispatcher;
    }

    @Scheduled(fixedDelayString = "${trainflow.notifications.interval:PT30S}", initialDelayString = "PT5S")
    void dispatch() {
        if (dispatcher != null) {
            // one node of a cluster sends at a time: two would both send a row they read as pending
            cluster.runExclusively("notifications", Duration.ZERO, Duration.ofMinutes(10), () -> {
                if (enabled) {
                    dispatcher.runOnce();
                } else {
                    dispatcher.takeInNewTasks(); // an external engine's new tasks are still routed, nobody told
                }
                return null;
            });
        }
    }
}
