package io.trainflow.plugin.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sign-in page of the web inbox, rendered on the server so it works before any script runs: the front-end
 * build's template ({@code web/login.html}) with the texts of the message bundle and the form's CSRF token.
 */
@RestController
public class LoginPage {

    private static final String TEMPLATE = "web/login.html";
    private static final String MESSAGES = "static/i18n/messages_en.json";

    /** Read on first use: the API runs without the web inbox (a build that skipped it), the page says why not. */
    private volatile String template;

    private volatile Map<String, String> messages;

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public String login(HttpServletRequest request) {
        if (template == null) {
            messages =
                    JsonMapper.builder().build().readValue(read(MESSAGES), new TypeReference<Map<String, String>>() {});
            template = read(TEMPLATE);
        }
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"notice bad\" role=\"alert\">" + HtmlUtils.htmlEscape(messages.get("login.error"))
                    + "</p>";
        } else if (request.getParameter("signedOut") != null || request.getParameter("logout") != null) {
            notice = "<p class=\"notice ok\" role=\"status\">" + HtmlUtils.htmlEscape(messages.get("login.signedOut"))
                    + "</p>";
        }
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String page = template.replace("{{notice}}", notice)
                .replace("{{csrf}}", token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
        for (Map.Entry<String, String> message : messages.entrySet()) {
            page = page.replace("{{" + message.getKey() + "}}", HtmlUtils.htmlEscape(message.getValue()));
        }
        return page;
    }

    private static String read(String resource) {
        try (InputStream in = LoginPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the web inbox was not built"
                        + " (the Maven build runs npm in plugin/src/main/frontend; see README, 'The inbox')");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
