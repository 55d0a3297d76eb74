package io.trainflow.plugin.cli;

import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.plugin.connect.HcmPorts;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code trainflow hcm-consent}: OrangeHRM's one-time OAuth consent, without a running server.
 * Without {@code --redirect} it prints the consent URL for an administrator and the state it
 * carries; with {@code --redirect '<the URL OrangeHRM redirected to>'} it exchanges the code and
 * stores the tokens in the server's database (spring.datasource.*), where the server finds them.
 * The redirect's state must be one this client signed (see {@link OAuthAuthorization#completeConsent(String)}),
 * so the two steps need not share memory.
 */
@Command(
        name = "hcm-consent",
        description =
                "OrangeHRM OAuth consent: print the URL an administrator opens once;"
                        + " then --redirect '<URL OrangeHRM redirected to>' stores the tokens in Trainflow's database. No server needed.")
public class HcmConsentCommand implements Callable<Integer> {

    @Option(names = "--redirect", description = "the URL the browser landed on after consent (…?code=…&state=…)")
    String redirect;

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        return run(System.getenv()::get, System.out);
    }

    int run(Function<String, String> env, PrintStream out) {
        // the HCM alone: OrangeHRM's consent must not demand the Moodle token (issue 10)
        HcmPorts.Opened hcm = null;
        try {
            hcm = new OfflineServerConfiguration(springArgs).hcm(env);
            OAuthAuthorization oauth = hcm.oauth()
                    .orElseThrow(() -> new IllegalStateException(
                            "no consent to give: trainflow.hcm.type must be orangehrm with trainflow.hcm.orangehrm.auth="
                                    + "authorization_code"));
            if (redirect == null) {
                OAuthAuthorization.Consent consent = oauth.startConsent();
                out.println("Open this URL as an OrangeHRM administrator and allow Trainflow:");
                out.println(consent.url());
                out.println("state\t" + consent.state() + "\t(valid for an hour)");
                out.println("Then run: trainflow hcm-consent --redirect '<the URL the browser was sent to>'");
                return 0;
            }
            oauth.completeConsent(redirect);
            out.println("consent stored for " + oauth.connectionKey() + "; Trainflow refreshes the tokens from now on");
            return 0;
        } catch (Exception e) {
            out.println("hcm-consent\tERROR\t" + e.getMessage());
            return 1;
        } finally {
            if (hcm != null) {
                hcm.closeQuietly();
            }
        }
    }
}
