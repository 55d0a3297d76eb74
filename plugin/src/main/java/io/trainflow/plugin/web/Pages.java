package io.trainflow.plugin.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web inbox's pages: static files built by the front-end build ({@code src/main/frontend}) into the jar's
 * {@code static/}, each served under a readable address; the page's script reads the ids from the address.
 */
@Configuration
public class Pages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/inbox");
        registry.addViewController("/inbox").setViewName("forward:/inbox.html");
        // /tasks/{taskId}: TaskPage (404 for anyone who may not see the task)
        registry.addViewController("/requests").setViewName("forward:/requests.html");
        registry.addViewController("/requests/{requestId}").setViewName("forward:/request.html");
    }
}
