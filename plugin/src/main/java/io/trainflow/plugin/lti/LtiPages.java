package io.trainflow.plugin.lti;

import io.trainflow.connectors.lms.Course;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private LtiPages() {}

    /** @param campaignCourse the course L&D may start a campaign for from here, or null */
    static String embedded(String token, Launch launch, Optional<Course> wish, String campaignCourse) {
        return template()
                .replace("{{token}}", HtmlUtils.htmlEscape(token))
                .replace("{{course}}", HtmlUtils.htmlEscape(campaignCourse == null ? "" : campaignCourse))
                .replace("{{wish}}", HtmlUtils.htmlEscape(wish.map(Course::id).orElse("")))
                .replace(
                        "{{wishTitle}}",
                        HtmlUtils.htmlEscape(wish.map(Course::fullname).orElse("")))
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
                + HtmlUtils.htmlEscape(value)
                + "\"><noscript><button type=\"submit\">Continue</button></noscript></form>"
                + "<script>document.getElementById('post').submit();</script></body></html>";
    }

    /**
     * The login's answer when the platform offers its storage frame: puts the state's secret there
     * ({@code lti.put_data}, target origin the platform's authorisation endpoint), then goes on to the platform; after
     * 3 s without an answer it goes on anyway (the cookie may still do).
     */
    static String storeThenGo(String target, String origin, String key, String secret, String then) {
        return postMessagePage(
                target,
                origin,
                key,
                then,
                "<div id=\"lti\" hidden data-value=\"" + HtmlUtils.htmlEscape(secret) + "\"></div>",
                "function go() { window.location.replace(d.then); }",
                "frame.postMessage({subject: 'lti.put_data', message_id: id, key: d.key, value: d.value}, d.origin);"
                        + " listen('lti.put_data.response', go);",
                "go();");
    }

    /**
     * The launch's first answer when no cookie came back and the login used the platform's storage: reads the
     * secret there ({@code lti.get_data}) and posts the launch again with it; without an answer in 3 s, with none
     * (and the launch is refused with a page that says why).
     */
    static String fetchThenLaunch(String target, String origin, String key, String idToken, String state) {
        return postMessagePage(
                target,
                origin,
                key,
                "/lti/launch",
                "<form id=\"lti-form\" method=\"post\" action=\"/lti/launch\">"
                        + "<input type=\"hidden\" name=\"id_token\" value=\"" + HtmlUtils.htmlEscape(idToken) + "\">"
                        + "<input type=\"hidden\" name=\"state\" value=\"" + HtmlUtils.htmlEscape(state) + "\">"
                        + "<input type=\"hidden\" name=\"lti_storage_value\" id=\"lti-value\" value=\"\"></form>",
                "function post(value) { document.getElementById('lti-value').value = value || '';"
                        + " document.getElementById('lti-form').submit(); }",
                "frame.postMessage({subject: 'lti.get_data', message_id: id, key: d.key}, d.origin);"
                        + " listen('lti.get_data.response', function (m) { post(m.value); });",
                "post('');");
    }

    /**
     * A page talking to the platform's storage frame (IMS LTI Client Side postMessages), its data in attributes:
     * {@code setup} defines what to do, {@code script} asks the frame, {@code fallback} runs without an answer in 3 s.
     */
    private static String postMessagePage(
            String target,
            String origin,
            String key,
            String then,
            String extra,
            String setup,
            String script,
            String fallback) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Trainflow</title></head><body>"
                + "<p>Opening Trainflow…</p><div id=\"lti-storage\" hidden data-target=\""
                + HtmlUtils.htmlEscape(target) + "\" data-origin=\"" + HtmlUtils.htmlEscape(origin) + "\" data-key=\""
                + HtmlUtils.htmlEscape(key) + "\" data-then=\"" + HtmlUtils.htmlEscape(then) + "\"></div>" + extra
                + "<script>(function () { var d = document.getElementById('lti-storage').dataset;"
                + " if (document.getElementById('lti')) { d.value = document.getElementById('lti').dataset.value; }"
                + " var id = 'tf-' + Math.random().toString(36).slice(2); var done = false; " + setup
                + " function listen(subject, then) { window.addEventListener('message', function (e) {"
                + " var m = e.data || {}; if (done || e.origin !== d.origin || m.subject !== subject || m.message_id !== id) return;"
                + " done = true; then(m); }); }"
                + " setTimeout(function () { if (!done) { done = true; " + fallback + " } }, 3000);"
                + " try { var frame = d.target === '_parent' ? window.parent : window.parent.frames[d.target]; "
                + script
                + " } catch (x) { if (!done) { done = true; " + fallback + " } } })();</script></body></html>";
    }

    private static String template() {
        if (template == null) {
            try (InputStream in = LtiPages.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new LaunchRefused(
                            500,
                            "The embedded page was not built into this Trainflow (web/lti.html"
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
