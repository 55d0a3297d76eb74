package io.trainflow.plugin.cli;

import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.connect.HcmPorts;
import io.trainflow.plugin.sample.SampleSystems;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The server's configuration (application.yml, the environment, {@code --trainflow.…=…} and
 * {@code --spring.datasource.…=…} arguments) read by a CLI command without starting the server: no
 * web server, no engine, and the database opened only when the chosen HCM keeps state in it.
 */
final class OfflineServerConfiguration {

    /** Only configuration binding. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrainflowProperties.class)
    static class ConfigurationOnly {}

    private final TrainflowProperties properties;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;

    OfflineServerConfiguration(List<String> springArgs) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConfigurationOnly.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            properties = context.getBean(TrainflowProperties.class);
            Environment env = context.getEnvironment();
            dbUrl = env.getProperty("spring.datasource.url");
            dbUser = env.getProperty("spring.datasource.username");
            dbPassword = env.getProperty("spring.datasource.password");
        }
    }

    /** The LMS and HCM as the server would open them, on the server's database. */
    Connections connections(Function<String, String> env) {
        return Connections.open(
                properties.connections(), SampleSystems::fromClasspath, env, this::database, Clock.systemUTC());
    }

    /** The HCM alone (hcm-consent): a command about one connector needs only that connector's settings. */
    HcmPorts.Opened hcm(Function<String, String> env) {
        return HcmPorts.open(
                properties.connections(), SampleSystems::fromClasspath, env, this::database, Clock.systemUTC());
    }

    /** The server's database (spring.datasource.*), one connection per use: nothing to close. */
    DataSource database() {
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new IllegalStateException("spring.datasource.url (TRAINFLOW_DB_URL) is not set");
        }
        return DataSourceBuilder.create()
                .type(SimpleDriverDataSource.class)
                .url(dbUrl)
                .username(dbUser)
                .password(dbPassword)
                .build();
    }
}
