package io.trainflow.plugin.lti;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Trainflow as an LTI 1.3 tool: its public keys ({@code /lti/jwks}), the OIDC third-party-initiated login
 * ({@code /lti/login}) and the launch ({@code /lti/launch}). The login binds a new state to the browser with a
 * cookie ({@link #STATE_COOKIE}); a browser that blocks third-party cookies sends none back. Then, when the
 * platform offers its storage frame ({@code lti_storage_target}, LTI client-side postMessages), the login put a
 * secret there that the launch page reads back; otherwise the launch must come from the same browser (user agent
 * and address) within {@link LaunchStates#LIFETIME} (README, "Inside Moodle").
 */
@RestController
class LtiController {

    static final String STATE_COOKIE = "tf_lti_state_";
    /** The key of a login's secret in the platform's storage frame (followed by the state). */
    static final String STORAGE_KEY = "tf_lti_state_";
    /** A frame name or {@code _parent}: what Trainflow accepts as {@code lti_storage_target}. */
    private static final java.util.regex.Pattern STORAGE_TARGET =
            java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final LtiPlatforms platforms;
    private final LaunchStates states;
    private final LaunchValidator validator;
    private final LtiPeople people;
    private final SessionTokens tokens;
    private final ToolKeys keys;
    private final DeepLinks deepLinks;
    private final CourseWishes wishes;
    private final io.trainflow.workflows.intake.Intake intake;

    LtiController(
            LtiPlatforms platforms,
            LaunchStates states,
            LaunchValidator validator,
            LtiPeople people,
            SessionTokens tokens,
            ToolKeys keys,
            DeepLinks deepLinks,
            CourseWishes wishes,
            io.trainflow.workflows.intake.Intake intake) {
        this.intake = intake;
        this.platforms = platforms;
        this.states = states;
        this.validator = validator;
        this.people = people;
        this.tokens = tokens;
        this.keys = keys;
        this.deepLinks = deepLinks;
        this.wishes = wishes;
    }

    @GetMapping(value = "/lti/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.publicJwks();
    }

    @RequestMapping(
            value = "/lti/login",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> login(
            @RequestParam(name = "iss", required = false) String issuer,
            @RequestParam(name = "login_hint", required = false) String loginHint,
            @RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
            @RequestParam(name = "lti_message_hint", required = false) String messageHint,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
            @RequestParam(name = "lti_storage_target", required = false) String storageTarget,
            HttpServletRequest request) {
        required("iss", issuer);
        required("login_hint", loginHint);
        required("target_link_uri", targetLinkUri);
        List<Platform> candidates = platforms.byIssuer(issuer).stream()
                .filter(p -> clientId == null || p.clientId().equals(clientId))
                .toList();
        if (candidates.isEmpty()) {
            throw new LaunchRefused(
                    "The platform '" + issuer + "'" + (clientId == null ? "" : " with client id '" + clientId + "'")
                            + " is not registered in Trainflow: an admin registers it first (README, 'Inside Moodle').");
        }
        if (candidates.size() > 1) {
            throw new LaunchRefused(
                    "Trainflow has several registrations at '" + issuer + "': the login must name its client_id.");
        }
        Platform platform = candidates.get(0);
        if (deploymentId != null && !platform.deploymentIds().contains(deploymentId)) {
            throw new LaunchRefused("The deployment '" + deploymentId + "' is not registered for " + issuer + ".");
        }
        // the platform's storage frame (LTI client-side postMessages) keeps a secret that binds the state to this
        // browser even when it refuses Trainflow's cookie; without one, the cookie or the same-browser fallback
        boolean storage =
                storageTarget != null && STORAGE_TARGET.matcher(storageTarget).matches();
        String secret = storage ? Secrets.random(32) : null;
        LaunchStates.Pending pending = storage
                ? states.begin(platform.id(), browser(request), storageTarget, Secrets.sha256(secret))
                : states.begin(platform.id(), browser(request));
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(platform.authLoginUrl())
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", platform.clientId())
                .queryParam("redirect_uri", base(request) + "/lti/launch")
                .queryParam("login_hint", loginHint)
                .queryParam("state", pending.state())
                .queryParam("nonce", pending.nonce());
        if (messageHint != null) {
            redirect.queryParam("lti_message_hint", messageHint);
        }
        // one cookie per login: two Trainflow links on one Moodle page log in at the same time
        ResponseCookie cookie = ResponseCookie.from(STATE_COOKIE + pending.state(), "1")
                .path("/lti/")
                .httpOnly(true)
                .maxAge(LaunchStates.LIFETIME)
                .secure(request.isSecure())
                .sameSite(request.isSecure() ? "None" : "Lax")
                .build();
        String location = redirect.encode().build().toUriString();
        if (storage) {
            return ResponseEntity.ok()
                    .contentType(HTML)
                    .header(HttpHeaders.SET_COOKIE, cookie.toString())
                    .header("Content-Security-Policy", frameAncestors(platform))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(LtiPages.storeThenGo(
                            storageTarget,
                            origin(platform.authLoginUrl()),
                            STORAGE_KEY + pending.state(),
                            secret,
                            location));
        }
        return ResponseEntity.status(302)
                .header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .build();
    }

    /** A bookmark or a reload of the launch page: launches come from Moodle only. */
    @GetMapping("/lti/launch")
    ResponseEntity<String> notALaunch() {
        throw new LaunchRefused("Trainflow opens from Moodle: follow the Trainflow link in your course or dashboard"
                + " again (a launch cannot be bookmarked or reloaded).");
    }

    @PostMapping("/lti/launch")
    ResponseEntity<String> launch(
            @RequestParam(name = "id_token", required = false) String idToken,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "lti_storage_value", required = false) String storageValue,
            HttpServletRequest request) {
        String cookie = stateCookie(request, state);
        if (cookie == null && storageValue == null && idToken != null) {
            // no cookie came back: a login bound to the platform's storage reads its secret there first
            var pending = states.find(state).filter(p -> p.storageTarget() != null);
            var platform = pending.flatMap(p -> platforms.byId(p.platformId()));
            if (platform.isPresent()) {
                return ResponseEntity.ok()
                        .contentType(HTML)
                        .header("Content-Security-Policy", frameAncestors(platform.get()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(LtiPages.fetchThenLaunch(
                                pending.get().storageTarget(),
                                origin(platform.get().authLoginUrl()),
                                STORAGE_KEY + state,
                                idToken,
                                state));
            }
        }
        Launch launch = validator.validate(idToken, state, cookie, browser(request), storageValue);
        LtiPeople.Person person = people.who(launch);
        String body = launch.deepLinking()
                ? deepLinks.answer(launch, base(request))
                : LtiPages.embedded(
                        tokens.issue(person, launch), launch, wishes.of(launch), campaignCourse(launch, person));
        return ResponseEntity.ok()
                .contentType(HTML)
                .header("Content-Security-Policy", frameAncestors(launch.platform()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** Trainflow's LTI pages may be framed by their platform only. */
    private static String frameAncestors(Platform platform) {
        return "frame-ancestors 'self' " + origin(platform.issuer()) + " " + origin(platform.authLoginUrl());
    }

    /** The course L&D may start a campaign for from this launch (the page offers it), else null. */
    private String campaignCourse(Launch launch, LtiPeople.Person person) {
        return launch.membershipsUrl() != null && intake.mayStartCampaigns(person.username())
                ? (launch.contextTitle() != null ? launch.contextTitle() : launch.contextLabel())
                : null;
    }

    /** The state cookie of this login, if the browser sent it back. */
    private static String stateCookie(HttpServletRequest request, String state) {
        if (request.getCookies() == null || state == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(STATE_COOKIE + state)) {
                return state;
            }
        }
        return null;
    }

    /** The browser, as far as the tool can tell without a cookie: a hash of its user agent and address. */
    static String browser(HttpServletRequest request) {
        return Secrets.sha256(Objects.toString(request.getHeader("User-Agent")) + "|" + request.getRemoteAddr())
                .substring(0, 32);
    }

    /** Trainflow's own address as the browser reached it (behind a proxy: with forwarded headers trusted). */
    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new LaunchRefused("The login request lacks '" + name + "': Moodle starts the login with iss,"
                    + " login_hint and target_link_uri.");
        }
    }
}
