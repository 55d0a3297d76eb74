package io.trainflow.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The server jar holds no Camunda 8 client: {@code trainflow.engine=camunda8} without the add-on stops the start
 * before any bean, naming the add-on and how to put it on {@code loader.path}; with the add-on (here: the test class
 * path) or on the embedded engine nothing is in the way.
 */
class Camunda8AddOnTest {

    /** A class loader that sees everything but the adapter, as the server jar alone does. */
    private static final ClassLoader WITHOUT_ADD_ON = new ClassLoader(Camunda8AddOnTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.trainflow.engine.camunda.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    };

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void camunda8WithoutTheAddOnStopsTheStartNamingIt() {
        SpringApplication app = new SpringApplication(new DefaultResourceLoader(WITHOUT_ADD_ON), Nothing.class);
        app.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--trainflow.engine=camunda8"))
                .isInstanceOf(Camunda8AddOn.Missing.class)
                .hasMessageContaining("trainflow.engine=camunda8 needs the Camunda 8 add-on")
                .hasMessageContaining("plugin/target/addons/camunda8")
                .hasMessageContaining("loader.path");
    }

    @Test
    void theStartUpReportSaysHowToAddIt() {
        FailureAnalysis analysis = new Camunda8AddOn.MissingAnalyzer().analyze(new Camunda8AddOn.Missing());

        assertThat(analysis.getDescription()).contains("Camunda 8 add-on");
        assertThat(analysis.getAction())
                .contains("bin/trainflow-server")
                .contains("-Dloader.path=plugin/target/addons/camunda8")
                .contains("unset TRAINFLOW_ENGINE");
    }

    @Test
    void theEmbeddedEngineNeedsNoAddOn() {
        assertThatCode(() -> Camunda8AddOn.check(null, WITHOUT_ADD_ON)).doesNotThrowAnyException();
        assertThatCode(() -> Camunda8AddOn.check("flowable", WITHOUT_ADD_ON)).doesNotThrowAnyException();
    }

    @Test
    void camunda8WithTheAddOnOnTheClassPathStarts() {
        assertThatCode(() -> Camunda8AddOn.check("camunda8", Camunda8AddOnTest.class.getClassLoader()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Camunda8AddOn.check(" camunda8 ", WITHOUT_ADD_ON))
                .isInstanceOf(Camunda8AddOn.Missing.class);
    }
}
