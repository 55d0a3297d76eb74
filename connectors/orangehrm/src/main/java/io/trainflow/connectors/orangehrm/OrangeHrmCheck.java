package io.trainflow.connectors.orangehrm;

import io.trainflow.connectors.check.ConnectionFinding;
import io.trainflow.connectors.check.ConnectionFinding.Outcome;
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

    private final String system;
    private final OrangeHrmCalls calls;
    private final Optional<OAuthAuthorization> oauth;
    private final List<ConnectionFinding> findings = new ArrayList<>();

    OrangeHrmCheck(String system, OrangeHrmCalls calls, Optional<OAuthAuthorization> oauth) {
        this.system = system;
        this.calls = calls;
        this.oauth = oauth;
    }

    List<ConnectionFinding> run() {
        if (oauth.isPresent() && !oauth.get().hasTokens()) {
            add("consent", Outcome.BAD_CREDENTIALS, "no tokens stored: an administrator must open the consent URL "
                    + "(" + oauth.get().consentUrl("check").toString().replace("state=check", "state=…") + ")");
            return findings;
        }
        if (!probe("read employees", calls::firstEmployee, true)) {
            return findings;
        }
        probe("read sub-units", calls::subunitTree, false);
        probe("read system users (usernames)", () -> calls.users(null), false);
        probe("read skills", calls::skills, false);
        probe("read licences (training records)", calls::licenses, false);
        probe("read performance reviews", calls::managedReviews, false);
        return findings;
    }

    /** @return false when nothing further can work */
    private boolean probe(String check, Runnable call, boolean first) {
        try {
            call.run();
            add(check, Outcome.OK, first ? "reached the API and authenticated" : "allowed");
            return true;
        } catch (OrangeHrmUnavailableException e) {
            add(check, Outcome.UNREACHABLE, e.getMessage());
        } catch (OrangeHrmAuthException e) {
            add(check, Outcome.BAD_CREDENTIALS, e.getMessage());
        } catch (OrangeHrmBusinessException.MissingPermission e) {
            add(check, Outcome.MISSING_PERMISSION, e.getMessage());
            return !first;
        } catch (RuntimeException e) { // 404 or an HTML page: not the OrangeHRM API at this URL
            add(check, Outcome.BAD_URL, e.getMessage());
        }
        return false;
    }

    private void add(String check, Outcome outcome, String detail) {
        findings.add(new ConnectionFinding(system, check, outcome, detail));
    }
}
