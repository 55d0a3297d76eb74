package io.trainflow.connectors.orangehrm;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.health.Finding.Kind;
import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.connectors.orangehrm.error.OrangeHrmAuthException;
import io.trainflow.connectors.orangehrm.error.OrangeHrmBusinessException;
import io.trainflow.connectors.orangehrm.error.OrangeHrmUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The self-test: consent given, the API reachable at the base URL, the credentials accepted, and
 * each area Trainflow reads allowed to the account. Stops at the first failure of reach or
 * credentials, since every later call would fail the same way.
 */
final class OrangeHrmCheck {

    static final String SYSTEM = "orangehrm";

    private final String baseUrl;
    private final OrangeHrmCalls calls;
    private final Optional<OAuthAuthorization> oauth;
    private final List<Finding> findings = new ArrayList<>();

    OrangeHrmCheck(String baseUrl, OrangeHrmCalls calls, Optional<OAuthAuthorization> oauth) {
        this.baseUrl = baseUrl;
        this.calls = calls;
        this.oauth = oauth;
    }

    CheckResult run() {
        if (oauth.isPresent() && !oauth.get().hasTokens()) {
            findings.add(new Finding(
                    Kind.CONSENT_REQUIRED,
                    "consent",
                    "no OrangeHRM tokens stored for " + baseUrl
                            + ": run 'trainflow hcm-consent' and have an administrator open the consent URL ("
                            + oauth.get().consentUrl("check").toString().replace("state=check", "state=…") + ")"));
            return result();
        }
        if (!probe("read employees", calls::firstEmployee, true)) {
            return result();
        }
        if (oauth.isPresent() && !probe("client secret", oauth.get()::verifyClient, false)) {
            return result(); // the next token refresh would fail: nothing later matters as much
        }
        probe("read sub-units", calls::subunitTree, false);
        probe("read system users (usernames)", () -> calls.users(null), false);
        probe("read skills", calls::skills, false);
        probe("read licences (training records)", calls::licenses, false);
        probe("read performance reviews", calls::managedReviews, false);
        return result();
    }

    private CheckResult result() {
        return new CheckResult(SYSTEM, findings);
    }

    /** @return false when nothing further can work */
    private boolean probe(String check, Runnable call, boolean first) {
        try {
            call.run();
            findings.add(Finding.ok(check, first ? "reached the API at " + baseUrl + " and authenticated" : "allowed"));
            return true;
        } catch (OrangeHrmUnavailableException e) {
            add(check, Kind.UNREACHABLE, e.getMessage());
        } catch (OrangeHrmAuthException.ConsentRequired e) {
            add(check, Kind.CONSENT_REQUIRED, e.getMessage() + " (trainflow hcm-consent)");
        } catch (OrangeHrmAuthException e) {
            add(check, Kind.BAD_CREDENTIALS, e.getMessage());
        } catch (OrangeHrmBusinessException.MissingPermission e) {
            add(check, Kind.MISSING_PERMISSION, e.getMessage());
            return !first;
        } catch (RuntimeException e) { // 404 or an HTML page: not the OrangeHRM API at this URL
            add(check, Kind.BAD_URL, e.getMessage() + " (base URL " + baseUrl + ")");
        }
        return false;
    }

    private void add(String check, Kind kind, String detail) {
        findings.add(new Finding(kind, check, detail));
    }
}
