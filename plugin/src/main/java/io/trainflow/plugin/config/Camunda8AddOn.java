package io.trainflow.plugin.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * The Camunda 8 adapter and its client are an add-on beside the server jar ({@code target/addons/camunda8}), not
 * inside it. {@code trainflow.engine=camunda8} without the add-on on {@code loader.path} stops the start here,
 * before any bean, naming the add-on and how to add it, instead of a class-not-found deep in the context.
 * The adapter is named as a string: this class is loaded with or without it.
 */
public class Camunda8AddOn implements EnvironmentPostProcessor {

    static final String ADAPTER = "io.trainflow.engine.camunda.Camunda8Engine";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment.getProperty("trainflow.engine"), application.getClassLoader());
    }

    static void check(String engine, ClassLoader classLoader) {
        if (engine != null && "camunda8".equals(engine.strip()) && !ClassUtils.isPresent(ADAPTER, classLoader)) {
            throw new Missing();
        }
    }

    /** {@code trainflow.engine=camunda8} and the add-on is not on the class path. */
    public static final class Missing extends IllegalStateException {
        Missing() {
            super(
                    "trainflow.engine=camunda8 needs the Camunda 8 add-on (the folder addons/camunda8 beside trainflow.jar,"
                            + " built by the plugin module into plugin/target/addons/camunda8), and it is not on loader.path");
        }
    }

    /** Spring Boot's start-up report for {@link Missing}: what is wrong and the command that fixes it. */
    public static final class MissingAnalyzer extends AbstractFailureAnalyzer<Missing> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Start the server with bin/trainflow-server (it adds the add-on when TRAINFLOW_ENGINE=camunda8), or"
                            + " add it yourself: java -Dloader.path=plugin/target/addons/camunda8 -jar"
                            + " plugin/target/trainflow.jar (or LOADER_PATH=...). Without a Camunda 8 cluster, unset"
                            + " TRAINFLOW_ENGINE to run the embedded engine.",
                    cause);
        }
    }
}
