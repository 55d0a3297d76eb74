package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trainflow launched from a Moodle-like platform ({@link LtiTestPlatform}) over real HTTP: the OIDC login, the
 * launch's complete validation (each refusal a clear page that changes nothing: the same login still launches
 * afterwards), who is who, the embedded page's token acting as the person through the same API checks, key
 * rotation, browsers without cookies, and deep linking. People: ella.lefebvre asks (no other test starts a request
 * for her), her manager isabelle.fontaine or Isabelle's deputy thomas.rousseau decides; manon.boyer only launches.
 */
class LtiLaunchTest extends RunningTrainflow {

    private static final Pattern FORM_FIELD = Pattern.compile("name=\"(id_token|state|JWT)\" value=\"([^\"]*)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"tf-launch\" content=\"([^\"]+)\"");
    private static final LtiTestPlatform PLATFORM = new LtiTestPlatform();

    @BeforeEach
    void platformRegistered() {
        // idempotent: the same issuer and client id keep one registration
        assertThat(as("adam.david")
                        .post("/api/admin/lti/platforms", PLATFORM.registrationJson())
                        .status())
                .isEqualTo(201);
        PLATFORM.user("manon", "manon.boyer", List.of(LtiTestPlatform.LEARNER), "110");
        // Moodle's own course id (4) and the shortname the catalogue's course 117 is found by
        PLATFORM.user("ella", "ella.lefebvre", List.of(LtiTestPlatform.LEARNER), "4", "EMPL-LAW");
        PLATFORM.user("teacher", "thomas.rousseau", List.of(LtiTestPlatform.INSTRUCTOR), "110");
        PLATFORM.user("stranger", "nobody.in.hr", List.of(LtiTestPlatform.LEARNER), null);
    }

    @AfterAll
    static void stop() {
        PLATFORM.close();
    }

    @Test
    void anEmployeeAsksForTheCourseSheLaunchedFromAndHerManagerDecidesInsideMoodle() {
        FramedBrowser ella = new FramedBrowser("Firefox/Ella");
        HttpResponse<String> page = ella.launchThroughPlatform("ella");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<meta name=\"tf-wish\" content=\"117\">")
                .contains("/assets/lti.js")
                .as("the course is found by its shortname")
                .contains("<meta name=\"tf-wish-title\" content=\"Employment Law Update\">");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("frame-ancestors").contains(PLATFORM.issuer()));
        assertThat(page.headers().firstValue("X-Frame-Options"))
                .as("Moodle frames the page")
                .isEmpty();

        Api asElla = anonymous().with("X-Trainflow-Launch", token(page));
        Map<String, Object> me = asElla.get("/api/me").object();
        assertThat(me).containsEntry("username", "ella.lefebvre").containsEntry("employeeId", "1029");
        Api.Response started = asElla.post(
                "/api/requests",
                "{\"employeeId\":\"1029\",\"justification\":\"New"
                        + " labour rules\",\"requestedCourseIds\":[\"117\"]}");
        assertThat(started.status())
                .as("no CSRF token needed: the token travels in a header")
                .isEqualTo(201);
        String requestId = String.valueOf(started.object().get("businessKey"));
        assertThat(asElla.get("/api/requests/mine").body()).contains(requestId);

        // her manager Isabelle, or the deputy the sample organisation names while she is on leave (Thomas)
        String approver = approverOf(asElla, requestId);
        assertThat(approver).isIn("isabelle.fontaine", "thomas.rousseau");
        PLATFORM.user("approver", approver, List.of(LtiTestPlatform.LEARNER), null);
        Api asApprover = anonymous()
                .with(
                        "X-Trainflow-Launch",
                        token(new FramedBrowser("Edge/Approver").launchThroughPlatform("approver")));
        Map<String, Object> approval = asApprover.awaitTask(requestId, "approve");
        String complete = "/api/tasks/" + approval.get("id") + "/complete";
        assertThat(asElla.post(complete, "{\"variables\":{\"decision\":\"approve\"}}")
                        .status())
                .as("the same checks as the inbox: nobody approves their own request")
                .isEqualTo(404);
        assertThat(asApprover
                        .post(complete, "{\"variables\":{\"decision\":\"approve\",\"comment\":\"go\"}}")
                        .status())
                .isEqualTo(204);
        assertThat(as("ella.lefebvre")
                        .get("/api/audit?subject=" + approval.get("id"))
                        .body())
                .as("audited as for the inbox")
                .contains(approver)
                .contains("decide");

        assertThat(anonymous()
                        .with("X-Trainflow-Launch", token(page) + "x")
                        .get("/api/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aLaunchThatIsWrongInAnyWayIsRefusedWithAClearPageAndChangesNothing() {
        RSAKey impostor = LtiTestPlatform.newKey();
        Map<String, UnaryOperator<Map<String, Object>>> wrong = Map.of(
                "is meant for [someone-else]", c -> with(with(c, "aud", "someone-else"), "azp", "someone-else"),
                "is not a platform registered in Trainflow", c -> with(c, "iss", "https://moodle.elsewhere.example"),
                "The deployment 'deployment-9' is not registered",
                        c -> with(c, LtiTestPlatform.LTI + "deployment_id", "deployment-9"),
                "has expired",
                        c -> with(
                                with(c, "exp", Instant.now().minusSeconds(600).getEpochSecond()),
                                "iat",
                                Instant.now().minusSeconds(900).getEpochSecond()),
                "nonce is not the one Trainflow sent", c -> with(c, "nonce", "another-nonce"),
                "authorised party (azp)", c -> with(c, "azp", "someone-else"));
        for (Map.Entry<String, UnaryOperator<Map<String, Object>>> refusal : wrong.entrySet()) {
            FramedBrowser manon = new FramedBrowser("Firefox/Manon");
            Map<String, String> login = manon.login("manon");
            HttpResponse<String> refused =
                    manon.launch(PLATFORM.idToken("manon", login.get("nonce"), refusal.getValue()), login.get("state"));
            assertRefused(refused, 400, refusal.getKey());
            assertThat(manon.launch(PLATFORM.idToken("manon", login.get("nonce"), c -> c), login.get("state"))
                            .statusCode())
                    .as("after '%s' the login is still unused", refusal.getKey())
                    .isEqualTo(200);
        }

        FramedBrowser manon = new FramedBrowser("Firefox/Manon");
        Map<String, String> login = manon.login("manon");
        // signed by another key under the platform's key id
        String forged = LtiTestPlatform.sign(
                claimsOf(PLATFORM.idToken("manon", login.get("nonce"), c -> c)),
                new RSAKey.Builder(impostor).keyID(PLATFORM.key().getKeyID()).build());
        assertRefused(manon.launch(forged, login.get("state")), 400, "signature is not valid");
        assertRefused(
                manon.launch(PLATFORM.idToken("manon", login.get("nonce"), c -> c), null), 400, "carries no state");

        String valid = PLATFORM.idToken("manon", login.get("nonce"), c -> c);
        assertThat(manon.launch(valid, login.get("state")).statusCode()).isEqualTo(200);
        assertRefused(manon.launch(valid, login.get("state")), 400, "already used");
    }

    @Test
    void theLaunchFollowsThePlatformsKeyRotation() {
        assertThat(new FramedBrowser("Firefox/Manon")
                        .launchThroughPlatform("manon")
                        .statusCode())
                .isEqualTo(200);
        int fetches = PLATFORM.jwksFetches.get();
        PLATFORM.rotateKey();
        HttpResponse<String> page = new FramedBrowser("Firefox/Manon").launchThroughPlatform("manon");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(PLATFORM.jwksFetches.get())
                .as("the unknown key id made one fetch")
                .isEqualTo(fetches + 1);
        assertThat(new FramedBrowser("Firefox/Manon")
                        .launchThroughPlatform("manon")
                        .statusCode())
                .isEqualTo(200);
        assertThat(PLATFORM.jwksFetches.get())
                .as("then the keys come from the cache")
                .isEqualTo(fetches + 1);
    }

    @Test
    void aBrowserBlockingThirdPartyCookiesLaunchesOnlyFromTheBrowserThatLoggedIn() {
        FramedBrowser noCookies = new FramedBrowser("Safari/Manon", false);
        Map<String, String> login = noCookies.login("manon");
        String token = PLATFORM.idToken("manon", login.get("nonce"), c -> c);
        assertRefused(
                new FramedBrowser("curl/Attacker", false).launch(token, login.get("state")),
                400,
                "does not belong to this browser");
        assertThat(noCookies.launch(token, login.get("state")).statusCode()).isEqualTo(200);
    }

    @Test
    void someoneTrainflowDoesNotKnowGetsAClearPage() {
        HttpResponse<String> page = new FramedBrowser("Firefox/Stranger").launchThroughPlatform("stranger");
        assertRefused(page, 403, "Trainflow does not know the Moodle user 'nobody.in.hr'");
        HttpResponse<String> unknownPlatform = new FramedBrowser("Firefox/Stranger")
                .get("/lti/login?iss=" + enc("https://moodle.unknown.example") + "&login_hint=x&target_link_uri="
                        + enc("http://x/lti/launch"));
        assertRefused(unknownPlatform, 400, "is not registered in Trainflow");
        assertRefused(new FramedBrowser("Firefox/Reload").get("/lti/launch"), 400, "Trainflow opens from Moodle");
    }

    @Test
    void aMoodleAccountStaysThePersonOfItsFirstLaunch() {
        PLATFORM.user("account", "manon.boyer", List.of(LtiTestPlatform.LEARNER), null);
        assertThat(new FramedBrowser("Firefox/Account")
                        .launchThroughPlatform("account")
                        .statusCode())
                .isEqualTo(200);

        PLATFORM.users.get("account").remove(LtiTestPlatform.LTI + "ext");
        HttpResponse<String> withoutUsername = new FramedBrowser("Firefox/Account").launchThroughPlatform("account");
        assertThat(withoutUsername.statusCode())
                .as("Moodle sent no username: the account's person")
                .isEqualTo(200);
        assertThat(anonymous()
                        .with("X-Trainflow-Launch", token(withoutUsername))
                        .get("/api/me")
                        .object())
                .containsEntry("username", "manon.boyer");

        PLATFORM.user("account", "lina.clement", List.of(LtiTestPlatform.LEARNER), null);
        assertRefused(
                new FramedBrowser("Firefox/Account").launchThroughPlatform("account"),
                403,
                "launched Trainflow as 'manon.boyer' before and now names 'lina.clement'");
    }

    @Test
    void anAdminsManualRegistrationNamesTheFieldThatIsWrong() {
        Api.Response missing = as("adam.david")
                .post(
                        "/api/admin/lti/platforms",
                        PLATFORM.registrationJson().replace("\"jwksUrl\":", "\"jwksUrlTypo\":"));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        Api.Response notUrl = as("adam.david")
                .post(
                        "/api/admin/lti/platforms",
                        PLATFORM.registrationJson().replace("\"authLoginUrl\":\"http", "\"authLoginUrl\":\"ftp"));
        assertThat(notUrl.status()).isEqualTo(400);
        assertThat(notUrl.body()).contains("authLoginUrl").contains("http(s) URL");
        assertThat(as("manon.boyer")
                        .post("/api/admin/lti/platforms", PLATFORM.registrationJson())
                        .status())
                .as("admins only")
                .isEqualTo(403);
    }

    @Test
    void aTeacherPlacesTrainflowLinksByDeepLinking() throws Exception {
        FramedBrowser teacher = new FramedBrowser("Firefox/Teacher");
        Map<String, String> login = teacher.login("teacher");
        HttpResponse<String> answer = teacher.launch(
                PLATFORM.idToken(
                        "teacher",
                        login.get("nonce"),
                        c -> with(
                                with(c, LtiTestPlatform.LTI + "message_type", "LtiDeepLinkingRequest"),
                                "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                                Map.of(
                                        "deep_link_return_url",
                                        PLATFORM.issuer() + "/deep-link-return",
                                        "data",
                                        "opaque-42",
                                        "accept_types",
                                        List.of("ltiResourceLink")))),
                login.get("state"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("action=\"" + PLATFORM.issuer() + "/deep-link-return\"");
        SignedJWT response = SignedJWT.parse(fields(answer.body()).get("JWT"));
        JWKSet toolKeys =
                JWKSet.parse(new FramedBrowser("Platform").get("/lti/jwks").body());
        RSAKey toolKey = toolKeys.getKeyByKeyId(response.getHeader().getKeyID()).toRSAKey();
        assertThat(response.verify(new RSASSAVerifier(toolKey)))
                .as("signed by the key at /lti/jwks")
                .isTrue();
        assertThat(toolKey.isPrivate())
                .as("the JWKS publishes the public half only")
                .isFalse();
        assertThat(response.getJWTClaimsSet().getIssuer()).isEqualTo(LtiTestPlatform.CLIENT_ID);
        assertThat(response.getJWTClaimsSet().getAudience()).containsExactly(PLATFORM.issuer());
        assertThat(response.getJWTClaimsSet().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
                .isEqualTo("opaque-42");
        assertThat(response.getJWTClaimsSet().getClaim(LtiTestPlatform.LTI + "message_type"))
                .isEqualTo("LtiDeepLinkingResponse");
        assertThat(response.getJWTClaimsSet().toString())
                .contains("Request training")
                .contains("My training");

        FramedBrowser learner = new FramedBrowser("Firefox/Manon");
        Map<String, String> learnerLogin = learner.login("manon");
        assertRefused(
                learner.launch(
                        PLATFORM.idToken(
                                "manon",
                                learnerLogin.get("nonce"),
                                c -> with(c, LtiTestPlatform.LTI + "message_type", "LtiDeepLinkingRequest")),
                        learnerLogin.get("state")),
                403,
                "Only a teacher or an admin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ldStartsACampaignForTheParticipantsOfTheCourseSheLaunchedFrom() {
        // the course as Moodle lists it (two per page): two employees, two learners Trainflow cannot match, a teacher
        // and an inactive enrolment; julie and louis have no gap, so their requests end at once
        PLATFORM.members.clear();
        PLATFORM.member("10", "julie.lambert", "Julie Lambert", "Learner", "Active");
        PLATFORM.member("11", "louis.garnier", "Louis Garnier", "Learner", "Active");
        PLATFORM.member("12", "ghost.learner", "Ghost Learner", "Learner", "Active");
        PLATFORM.member("13", null, "No Username", "Learner", "Active");
        PLATFORM.member("14", "zoe.vincent", "Zoe Vincent", "Instructor", "Active");
        PLATFORM.member("15", "manon.boyer", "Manon Boyer", "Learner", "Inactive");
        PLATFORM.user("ld", "zoe.vincent", List.of(LtiTestPlatform.INSTRUCTOR), "4", "PY-AUTO");
        PLATFORM.withNamesAndRoles("ld");
        PLATFORM.user("learner-nrps", "manon.boyer", List.of(LtiTestPlatform.INSTRUCTOR), "4", "PY-AUTO");
        PLATFORM.withNamesAndRoles("learner-nrps");
        int tokens = PLATFORM.tokenRequests.size();
        int pages = PLATFORM.membershipPages.size();

        // a Moodle teacher who is not L&D: no campaign offered, refused, and nothing asked of the platform
        HttpResponse<String> teacherPage = new FramedBrowser("Firefox/Manon").launchThroughPlatform("learner-nrps");
        assertThat(teacherPage.body()).contains("<meta name=\"tf-course\" content=\"\">");
        Api asTeacher = anonymous().with("X-Trainflow-Launch", token(teacherPage));
        assertThat(asTeacher.get("/api/lti/course-campaign").status()).isEqualTo(403);
        Api.Response refused = asTeacher.post("/api/lti/course-campaign", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("not in L&D");
        assertThat(PLATFORM.tokenRequests).as("nothing asked of the platform").hasSize(tokens);
        assertThat(as("zoe.vincent").get("/api/lti/course-campaign").status())
                .as("only a page launched from the course knows it")
                .isEqualTo(403);

        // the platform holds no key of Trainflow's (its JWKS URL is wrong there): the client assertion is refused
        PLATFORM.toolJwksUrl = PLATFORM.issuer() + "/jwks";
        HttpResponse<String> page = new FramedBrowser("Firefox/Zoe").launchThroughPlatform("ld");
        assertThat(page.body()).contains("<meta name=\"tf-course\" content=\"Course 4\">");
        Api asZoe = anonymous().with("X-Trainflow-Launch", token(page));
        Api.Response badAssertion = asZoe.post("/api/lti/course-campaign", "");
        assertThat(badAssertion.status()).as(badAssertion.body()).isEqualTo(502);
        assertThat(badAssertion.body())
                .contains("refused Trainflow's client assertion")
                .contains("invalid_client")
                .contains("Keyset URL");
        assertThat(PLATFORM.membershipPages)
                .as("no membership read without a token")
                .hasSize(pages);

        // the platform reads Trainflow's /lti/jwks: token, then the members page by page
        PLATFORM.toolJwksUrl = "http://localhost:" + port + "/lti/jwks";
        Map<String, Object> preview = asZoe.get("/api/lti/course-campaign").object();
        assertThat(preview).containsEntry("course", "PY-AUTO");
        assertThat((List<Map<String, Object>>) preview.get("included"))
                .extracting(m -> m.get("username"), m -> m.get("employeeId"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("julie.lambert", "1010"),
                        org.assertj.core.groups.Tuple.tuple("louis.garnier", "1015"));
        assertThat((List<Map<String, Object>>) preview.get("unknown"))
                .extracting(m -> m.get("name"), m -> m.get("reason"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ghost Learner", "not an employee in the HR system"),
                        org.assertj.core.groups.Tuple.tuple(
                                "No Username",
                                "Moodle did not send the username, and the person never launched Trainflow"));
        assertThat((List<Map<String, Object>>) preview.get("notIncluded"))
                .extracting(m -> m.get("username"))
                .containsExactly("zoe.vincent", "manon.boyer");
        assertThat(PLATFORM.membershipPages.subList(pages, PLATFORM.membershipPages.size()))
                .as("three pages along Link rel=next")
                .hasSize(3)
                .last()
                .asString()
                .contains("from=4");

        Api.Response started = asZoe.post("/api/lti/course-campaign", "");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.object()).containsEntry("included", 2).containsEntry("unknown", 2);
        String programme = String.valueOf(started.object().get("businessKey"));
        assertThat(programme).startsWith("PRG-");
        assertThat(PLATFORM.tokenRequests)
                .as("one refused assertion, then one token kept until it expires")
                .hasSize(tokens + 2);
        assertThat(as("ella.lefebvre").get("/api/audit?subject=" + programme).body())
                .as("audited as a campaign started over REST")
                .contains("zoe.vincent")
                .contains("start-campaign");
        Instant deadline = Instant.now().plusSeconds(90);
        Api.Response request = as("zoe.vincent").get("/api/requests/" + programme + "-1010");
        while (request.status() != 200 && Instant.now().isBefore(deadline)) {
            pause();
            request = as("zoe.vincent").get("/api/requests/" + programme + "-1010");
        }
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat((Map<String, Object>) request.object().get("variables"))
                .containsEntry("justification", "Course campaign PY-AUTO")
                .containsEntry("requestedBy", "zoe.vincent")
                .containsEntry("employeeId", "1010");
    }

    @Test
    void anAdminRotatesTrainflowsKeyAndTheOldOneIsServedForTheGracePeriod() throws Exception {
        String before = token(new FramedBrowser("Firefox/Manon").launchThroughPlatform("manon"));
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        assertThat(as("manon.boyer").post("/api/admin/lti/tool-keys/rotate", "").status())
                .as("admins only")
                .isEqualTo(403);

        Api.Response rotated = as("adam.david").post("/api/admin/lti/tool-keys/rotate", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        List<Map<String, Object>> keys = rotated.list();
        assertThat(keys).extracting(k -> k.get("state")).containsExactly("current", "previous");
        String newKid = String.valueOf(keys.get(0).get("keyId"));
        assertThat(keys.get(1)).containsEntry("keyId", oldKid).containsKey("servedUntil");
        assertThat(as("adam.david").get("/api/admin/lti/tool-keys").list())
                .extracting(k -> k.get("keyId"))
                .containsExactly(newKid, oldKid);
        JWKSet published =
                JWKSet.parse(new FramedBrowser("Platform").get("/lti/jwks").body());
        assertThat(published.getKeys())
                .extracting(com.nimbusds.jose.jwk.JWK::getKeyID)
                .as("both keys in /lti/jwks during the grace period")
                .containsExactly(newKid, oldKid);
        assertThat(published.getKeys()).noneMatch(com.nimbusds.jose.jwk.JWK::isPrivate);

        assertThat(anonymous().with("X-Trainflow-Launch", before).get("/api/me").status())
                .as("a page launched before the rotation keeps working")
                .isEqualTo(200);
        String after = token(new FramedBrowser("Firefox/Manon").launchThroughPlatform("manon"));
        assertThat(SignedJWT.parse(after).getHeader().getKeyID())
                .as("signed with the new key")
                .isEqualTo(newKid);
        assertThat(as("ella.lefebvre").get("/api/audit?subject=" + newKid).body())
                .contains("adam.david")
                .contains("lti-rotate-tool-key");
    }

    @Test
    void removingAPlatformEndsItsLaunchesAndItsOpenPages() {
        Api asManon = anonymous()
                .with("X-Trainflow-Launch", token(new FramedBrowser("Firefox/Manon").launchThroughPlatform("manon")));
        assertThat(asManon.get("/api/me").status()).isEqualTo(200);
        String id = as("adam.david").get("/api/admin/lti/platforms").list().stream()
                .filter(p -> PLATFORM.issuer().equals(p.get("issuer")))
                .map(p -> String.valueOf(p.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(as("manon.boyer").delete("/api/admin/lti/platforms/" + id).status())
                .as("admins only")
                .isEqualTo(403);

        assertThat(as("adam.david").delete("/api/admin/lti/platforms/" + id).status())
                .isEqualTo(204);
        assertThat(as("adam.david").get("/api/admin/lti/platforms").list()).noneMatch(p -> id.equals(p.get("id")));
        assertThat(as("adam.david").delete("/api/admin/lti/platforms/" + id).status())
                .isEqualTo(404);
        assertThat(asManon.get("/api/me").status())
                .as("the pages it launched stop working")
                .isEqualTo(401);
        assertRefused(
                new FramedBrowser("Firefox/Manon")
                        .get("/lti/login?iss=" + enc(PLATFORM.issuer()) + "&login_hint=manon"
                                + "&target_link_uri=" + enc("http://localhost:" + port + "/lti/launch") + "&client_id="
                                + LtiTestPlatform.CLIENT_ID),
                400,
                "is not registered in Trainflow");
        assertThat(as("ella.lefebvre").get("/api/audit?subject=" + id).body()).contains("lti-delete-platform");
    }

    @Test
    void withThePlatformsStorageFrameTheStateIsBoundToItsSecretNotToTheBrowsersAddress() {
        FramedBrowser noCookies = new FramedBrowser("Safari/Manon", false);
        HttpResponse<String> login = noCookies.get("/lti/login?iss=" + enc(PLATFORM.issuer()) + "&login_hint=manon"
                + "&target_link_uri=" + enc("http://localhost:" + port + "/lti/launch") + "&client_id="
                + LtiTestPlatform.CLIENT_ID + "&lti_deployment_id=" + LtiTestPlatform.DEPLOYMENT
                + "&lti_storage_target=_parent");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body())
                .contains("lti.put_data")
                .contains("data-target=\"_parent\"")
                .contains("data-origin=\"" + PLATFORM.issuer() + "\"");
        String secret = attribute(login.body(), "data-value");
        Map<String, String> auth = LtiTestPlatform.query(attribute(login.body(), "data-then"));
        String token = PLATFORM.idToken("manon", auth.get("nonce"), c -> c);

        HttpResponse<String> reading = noCookies.launch(token, auth.get("state"));
        assertThat(reading.statusCode()).isEqualTo(200);
        assertThat(reading.body())
                .as("no cookie: the page reads the secret from the platform first")
                .contains("lti.get_data")
                .doesNotContain("tf-launch");
        assertRefused(
                noCookies.launch(token, auth.get("state"), "not-the-secret"), 400, "does not belong to this browser");
        assertRefused(noCookies.launch(token, auth.get("state"), ""), 400, "does not belong to this browser");
        HttpResponse<String> page = noCookies.launch(token, auth.get("state"), secret);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("tf-launch");
    }

    private static String attribute(String html, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertThat(value.find()).as(name + " in " + html).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(value.group(1));
    }

    /** Whom the request's approval waits for, as its employee reads it (polled: the process runs in the background). */
    @SuppressWarnings("unchecked")
    private static String approverOf(Api employee, String requestId) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            List<Map<String, Object>> waiting = (List<Map<String, Object>>)
                    employee.get("/api/requests/" + requestId).object().getOrDefault("waitingOn", List.of());
            for (Map<String, Object> task : waiting) {
                if ("approve".equals(task.get("elementId")) && task.get("assignee") != null) {
                    return String.valueOf(task.get("assignee"));
                }
            }
            assertThat(Instant.now())
                    .as("the approval of " + requestId + " within 90 s")
                    .isBefore(deadline);
            pause();
        }
    }

    /** Between two polls of something the process does in the background. */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(HttpResponse<String> page, int status, String what) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains(what.replace("'", "&#39;"))
                .contains("Nothing was changed")
                .doesNotContain("Exception")
                .doesNotContain("tf-launch");
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    private static Map<String, Object> claimsOf(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String token(HttpResponse<String> page) {
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        return token.group(1);
    }

    private static Map<String, String> fields(String html) {
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher field = FORM_FIELD.matcher(html);
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        return fields;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser in Moodle's iframe: its user agent, and whether it keeps Trainflow's (third-party) cookies. */
    private final class FramedBrowser {
        private final String agent;
        private final HttpClient http;

        FramedBrowser(String agent) {
            this(agent, true);
        }

        FramedBrowser(String agent, boolean cookies) {
            this.agent = agent;
            HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
            this.http = (cookies ? builder.cookieHandler(new CookieManager()) : builder).build();
        }

        /** Moodle's login initiation: Trainflow answers with the redirect to the platform; its state and nonce. */
        Map<String, String> login(String loginHint) {
            HttpResponse<String> redirect = get("/lti/login?iss=" + enc(PLATFORM.issuer()) + "&login_hint=" + loginHint
                    + "&target_link_uri=" + enc("http://localhost:" + port + "/lti/launch") + "&client_id="
                    + LtiTestPlatform.CLIENT_ID + "&lti_deployment_id=" + LtiTestPlatform.DEPLOYMENT);
            assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(PLATFORM.issuer() + "/auth?");
            Map<String, String> query = LtiTestPlatform.query(location);
            query.put("location", location);
            return query;
        }

        /** The whole exchange: login, the platform's authorisation endpoint, its auto-posted launch. */
        HttpResponse<String> launchThroughPlatform(String loginHint) {
            HttpResponse<String> form =
                    send(HttpRequest.newBuilder(URI.create(login(loginHint).get("location")))
                            .GET());
            assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
            Map<String, String> fields = fields(form.body());
            return launch(fields.get("id_token"), fields.get("state"));
        }

        HttpResponse<String> launch(String idToken, String state) {
            return launch(idToken, state, null);
        }

        /** The launch as the page reposts it with what it read from the platform's storage frame. */
        HttpResponse<String> launch(String idToken, String state, String storageValue) {
            String body = "id_token=" + enc(idToken) + (state == null ? "" : "&state=" + enc(state))
                    + (storageValue == null ? "" : "&lti_storage_value=" + enc(storageValue));
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/launch"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", PLATFORM.issuer())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.header("User-Agent", agent).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
