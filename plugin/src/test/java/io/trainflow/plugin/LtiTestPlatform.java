package io.trainflow.plugin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Moodle-like LTI 1.3 platform on loopback for the tests: its own RSA keys (rotatable) and JWKS, an OIDC
 * authorisation endpoint that answers Trainflow's login redirect with a form posting a signed id_token, an OpenID
 * configuration and a registration endpoint (dynamic registration) and the deep-linking return URL.
 */
final class LtiTestPlatform implements AutoCloseable {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String CLIENT_ID = "trainflow-client";
    static final String DEPLOYMENT = "deployment-1";
    static final String REGISTRATION_TOKEN = "registration-token-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private volatile RSAKey key = newKey();
    final AtomicInteger jwksFetches = new AtomicInteger();
    /** Per login_hint: the claims the authorisation endpoint adds (user, roles, course). */
    final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();

    final List<String> registrations = new ArrayList<>();
    final List<String> deepLinkResponses = new ArrayList<>();
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    /** Where the token endpoint reads the tool's public keys (Trainflow's /lti/jwks), set by the test. */
    volatile String toolJwksUrl;
    /** The course's members the membership endpoint lists, two per page as Moodle does with limit=2. */
    final List<Map<String, Object>> members = new java.util.concurrent.CopyOnWriteArrayList<>();

    final List<String> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> membershipPages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> usedAssertionIds = ConcurrentHashMap.newKeySet();

    LtiTestPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // several threads: the token endpoint reads a key set over HTTP while other calls come in
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "lti-test-platform");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/jwks", x -> {
            jwksFetches.incrementAndGet();
            send(x, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
        });
        server.createContext("/auth", this::authorise);
        server.createContext("/.well-known/openid-configuration", this::configuration);
        server.createContext("/register", this::register);
        server.createContext("/token", this::token);
        server.createContext("/memberships", this::memberships);
        // a course page embedding Trainflow as Moodle does: an iframe starting the login (?hint=&tool=Trainflow's
        // base);
        // with &storage=1 it also offers its storage frame as the LTI Client Side postMessages spec has a platform do
        // (lti_storage_target=_parent; lti.put_data / lti.get_data kept per tool origin, answered to that origin only)
        server.createContext("/course", x -> {
            Map<String, String> query = form(x.getRequestURI().getRawQuery());
            String tool = query.get("tool");
            boolean storage = "1".equals(query.get("storage"));
            String login = tool + "/lti/login?iss=" + enc(issuer()) + "&login_hint=" + enc(query.get("hint"))
                    + "&target_link_uri=" + enc(tool + "/lti/launch") + "&client_id=" + CLIENT_ID
                    + "&lti_deployment_id=" + DEPLOYMENT + (storage ? "&lti_storage_target=_parent" : "");
            String script = !storage
                    ? ""
                    : "<script>window.ltiStorage = []; var kept = {};"
                            + "window.addEventListener('message', function (e) {"
                            + " var m = e.data || {}; if (e.origin !== "
                            + JSON.writeValueAsString(
                                    URI.create(tool).resolve("/").toString().replaceAll("/$", "")) + ") return;"
                            + " if (m.subject === 'lti.put_data') { kept[m.key] = m.value; window.ltiStorage.push('put');"
                            + "  e.source.postMessage({subject: 'lti.put_data.response', message_id: m.message_id, key: m.key,"
                            + "  value: m.value}, e.origin); }"
                            + " if (m.subject === 'lti.get_data') { window.ltiStorage.push('get');"
                            + "  e.source.postMessage({subject: 'lti.get_data.response', message_id: m.message_id, key: m.key,"
                            + "  value: kept[m.key]}, e.origin); } });</script>";
            send(
                    x,
                    200,
                    "text/html",
                    "<!doctype html><html lang=\"en\"><head><title>Course</title>" + script
                            + "</head><body><h1>Course</h1><iframe id=\"tool\" title=\"Trainflow\" style=\"width:100%;height:800px\" src=\""
                            + login.replace("&", "&amp;") + "\"></iframe></body></html>");
        });
        server.createContext("/deep-link-return", x -> {
            deepLinkResponses.add(form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .get("JWT"));
            send(x, 200, "text/html", "<p>links added</p>");
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The manual registration an admin posts to Trainflow for this platform. */
    String registrationJson() {
        return JSON.writeValueAsString(Map.of(
                "name",
                "Test Moodle",
                "issuer",
                issuer(),
                "clientId",
                CLIENT_ID,
                "authLoginUrl",
                issuer() + "/auth",
                "tokenUrl",
                issuer() + "/token",
                "jwksUrl",
                issuer() + "/jwks",
                "deploymentIds",
                List.of(DEPLOYMENT)));
    }

    /** A Moodle user: sub, email, Moodle username (ext claim), roles and the course they launch from. */
    void user(String loginHint, String username, List<String> roles, String courseId) {
        user(loginHint, username, roles, courseId, courseId == null ? null : "C" + courseId);
    }

    /** As Moodle sends it: its own course id and the course's shortname as the label. */
    void user(String loginHint, String username, List<String> roles, String courseId, String shortname) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "moodle-" + loginHint);
        claims.put("name", username);
        claims.put(LTI + "ext", Map.of("user_username", username));
        claims.put(LTI + "roles", roles);
        if (courseId != null) {
            claims.put(LTI + "context", Map.of("id", courseId, "label", shortname, "title", "Course " + courseId));
        }
        users.put(loginHint, claims);
    }

    /** The user's launches from their course carry the Names and Roles claim (Moodle: the service is on). */
    void withNamesAndRoles(String loginHint) {
        users.get(loginHint)
                .put(
                        NRPS,
                        Map.of(
                                "context_memberships_url",
                                issuer() + "/memberships",
                                "service_versions",
                                List.of("2.0")));
    }

    /** A member of the course as Moodle lists it (short role names, ext_user_username). */
    void member(String userId, String username, String name, String role, String status) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("status", status);
        member.put("roles", List.of(role));
        member.put("user_id", userId);
        member.put("name", name);
        if (username != null) {
            member.put("ext_user_username", username);
        }
        members.add(member);
    }

    /** A complete, valid id_token for this login (nonce), changed by {@code change} (to make it wrong). */
    String idToken(String loginHint, String nonce, UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> claims = new LinkedHashMap<>(users.get(loginHint));
        Instant now = Instant.now();
        claims.put("iss", issuer());
        claims.put("aud", CLIENT_ID);
        claims.put("azp", CLIENT_ID);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("nonce", nonce);
        claims.put(LTI + "version", "1.3.0");
        claims.put(LTI + "message_type", "LtiResourceLinkRequest");
        claims.put(LTI + "deployment_id", DEPLOYMENT);
        claims.put(LTI + "resource_link", Map.of("id", "link-1"));
        claims.put(LTI + "target_link_uri", "http://trainflow/lti/launch");
        return sign(change.apply(claims), key);
    }

    static String sign(Map<String, Object> claims, RSAKey with) {
        try {
            Map<String, Object> json = new HashMap<>(claims);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(with.getKeyID())
                            .build(),
                    JWTClaimsSet.parse(json));
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAKey key() {
        return key;
    }

    /** The platform rotates its key: the JWKS publishes only the new one from now on. */
    void rotateKey() {
        key = newKey();
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OIDC authorisation endpoint: answers the login redirect with a form posting the id_token back. */
    private void authorise(HttpExchange x) throws IOException {
        Map<String, String> query = form(x.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id"))
                || !"id_token".equals(query.get("response_type"))
                || !"form_post".equals(query.get("response_mode"))
                || !users.containsKey(query.get("login_hint"))) {
            send(x, 400, "text/plain", "bad authorisation request " + query);
            return;
        }
        String token = idToken(query.get("login_hint"), query.get("nonce"), c -> c);
        send(
                x,
                200,
                "text/html",
                "<!doctype html><html><body><form id=\"f\" method=\"post\" action=\""
                        + query.get("redirect_uri") + "\"><input type=\"hidden\" name=\"id_token\" value=\"" + token
                        + "\">"
                        + "<input type=\"hidden\" name=\"state\" value=\"" + query.get("state") + "\"></form>"
                        + "<script>document.getElementById('f').submit()</script></body></html>");
    }

    private void configuration(HttpExchange x) throws IOException {
        if (!("Bearer " + REGISTRATION_TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "text/plain", "registration token required");
            return;
        }
        send(
                x,
                200,
                "application/json",
                JSON.writeValueAsString(Map.of(
                        "issuer",
                        issuer(),
                        "authorization_endpoint",
                        issuer() + "/auth",
                        "token_endpoint",
                        issuer() + "/token",
                        "jwks_uri",
                        issuer() + "/jwks",
                        "registration_endpoint",
                        issuer() + "/register",
                        "scopes_supported",
                        List.of("openid"),
                        "response_types_supported",
                        List.of("id_token"),
                        "id_token_signing_alg_values_supported",
                        List.of("RS256"),
                        "https://purl.imsglobal.org/spec/lti-platform-configuration",
                        Map.of(
                                "product_family_code",
                                "moodle",
                                "version",
                                "4.5",
                                "messages_supported",
                                List.of(
                                        Map.of("type", "LtiResourceLinkRequest"),
                                        Map.of("type", "LtiDeepLinkingRequest"))))));
    }

    private void register(HttpExchange x) throws IOException {
        if (!("Bearer " + REGISTRATION_TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "text/plain", "registration token required");
            return;
        }
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        registrations.add(body);
        Map<String, Object> client =
                new LinkedHashMap<>(JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
        client.put("client_id", "registered-client");
        @SuppressWarnings("unchecked")
        Map<String, Object> tool = new LinkedHashMap<>(
                (Map<String, Object>) client.get("https://purl.imsglobal.org/spec/lti-tool-configuration"));
        tool.put("deployment_id", "registered-deployment");
        client.put("https://purl.imsglobal.org/spec/lti-tool-configuration", tool);
        send(x, 200, "application/json", JSON.writeValueAsString(client));
    }

    /**
     * The OAuth 2 token endpoint as Moodle's token.php: client_credentials with a JWT client assertion (RFC 7523)
     * verified against the tool's JWKS, iss = sub = the client id, aud = this endpoint, unexpired, single-use jti;
     * JSON answered as text/html like Moodle.
     */
    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form.getOrDefault("client_assertion", ""));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            send(x, 400, "text/html", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                || !assertionValid(form.get("client_assertion"))) {
            send(x, 400, "text/html", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!NRPS_SCOPE.equals(form.get("scope"))) {
            send(x, 400, "text/html", "{\"error\":\"invalid_scope\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        accessTokens.add(token);
        send(
                x,
                200,
                "text/html",
                JSON.writeValueAsString(Map.of(
                        "access_token", token, "token_type", "Bearer", "expires_in", 3600, "scope", NRPS_SCOPE)));
    }

    private boolean assertionValid(String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWKSet toolKeys = JWKSet.load(URI.create(toolJwksUrl).toURL(), 5000, 5000, 256 * 1024);
            com.nimbusds.jose.jwk.JWK key =
                    toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            return key != null
                    && JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    && jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAKey()))
                    && CLIENT_ID.equals(claims.getIssuer())
                    && CLIENT_ID.equals(claims.getSubject())
                    && claims.getAudience().contains(issuer() + "/token")
                    && claims.getExpirationTime() != null
                    && now.isBefore(claims.getExpirationTime().toInstant())
                    && claims.getJWTID() != null
                    && usedAssertionIds.add(claims.getJWTID());
        } catch (java.text.ParseException | JOSEException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** The NRPS membership container: Bearer token from /token, two members per page, Link rel="next". */
    private void memberships(HttpExchange x) throws IOException {
        String bearer = x.getRequestHeaders().getFirst("Authorization");
        if (bearer == null || !bearer.startsWith("Bearer ") || !accessTokens.contains(bearer.substring(7))) {
            send(x, 401, "application/json", "{\"status\":401,\"reason\":\"Unauthorized\"}");
            return;
        }
        membershipPages.add(String.valueOf(x.getRequestURI()));
        int from = Integer.parseInt(form(x.getRequestURI().getRawQuery()).getOrDefault("from", "0"));
        int to = Math.min(members.size(), from + 2);
        if (to < members.size()) {
            x.getResponseHeaders().add("Link", "<" + issuer() + "/memberships?limit=2&from=" + to + ">; rel=\"next\"");
        }
        send(
                x,
                200,
                "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
                JSON.writeValueAsString(Map.of(
                        "id",
                        issuer() + "/memberships",
                        "context",
                        Map.of("id", "4", "label", "PY-AUTO", "title", "Python for Automation"),
                        "members",
                        members.subList(from, to))));
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, String> query(String url) {
        return form(URI.create(url).getRawQuery());
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
