package io.trainflow.plugin.lti;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.trainflow.connectors.lms.Course;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML Trainflow answers inside Moodle: the embedded page (the front-end build's {@code web/lti.html} with the
 * launch's token and course filled in) and the refusal page, which says what is wrong and that nothing changed.
 */
final class LtiPages {

    private static final String TEMPLATE = "web/lti.html";
    private static volatile String template;

    private LtiPages() {
    }

    /** @param campaignCourse the course L&D may start a campaign for from here, or null */
    static String embedded(String token, Launch launch, Optional<Course> wish, String campaignCourse) {
        return template().replace("{{token}}", HtmlUtils.htmlEscape(token))
                .replace("{{course}}", HtmlUtils.htmlEscape(campaignCourse == null ? "" : campaignCourse))
                .replace("{{wish}}", HtmlUtils.htmlEscape(wish.map(Course::id).orElse("")))
                .replace("{{wishTitle}}", HtmlUtils.htmlEscape(wish.map(Course::fullname).orElse("")))
                .replace("{{view}}", "request".equals(launch.custom().get("trainflow_view")) ? "request" : "mine");
    }

    static String refusal(String title, String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " · Trainflow</title><link rel=\"icon\" href=\"data:,\">"
                + "<link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><main id=\"main\">"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
                + "<p class=\"notice bad\" role=\"alert\" id=\"refusal\">" + HtmlUtils.htmlEscape(message) + "</p>"
                + "<p>Nothing was changed in Trainflow.</p></main></body></html>";
    }

    /** A page that posts a form at once (deep linking's answer goes back to the platform this way). */
    static String autoPost(String action, String field, String value) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Trainflow</title></head>"
                + "<body><form id=\"post\" method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\">"
                + "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(field) + "\" value=\""
                + HtmlUtils.htmlEscape(value) + "\"><noscript><button type=\"submit\">Continue</button></noscript></form>"
                + "<script>document.getElementById('post').submit();</script></body></html>";
    }

    private static String template() {
        if (template == null) {
            try (InputStream in = LtiPages.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new LaunchRefused(500, "The embedded page was not built into this Trainflow (web/lti.html"
                            + " is missing: the Maven build runs npm in plugin/src/main/frontend).");
                }
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }
}
