package io.trainflow.plugin.connect;

import io.trainflow.connectors.hcm.CatalogueIdsHcm;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.orangehrm.OrangeHrmConnector;
import io.trainflow.connectors.orangehrm.auth.JdbcTokenStore;
import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.connectors.scim.ScimConnector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Chooses the HCM behind the engine from {@code trainflow.hcm.type}: the sample organisation,
 * OrangeHRM ({@code trainflow.hcm.orangehrm.*}; OAuth tokens on Trainflow's database) or a SCIM 2.0
 * provider ({@code trainflow.hcm.scim.*}; skills and training records on Trainflow's database). An
 * external HCM's skills and job titles are seen under the catalogue's ids, matched by name ({@link CatalogueIdsHcm}).
 */
public final class HcmPorts {

    /** The chosen HCM, its connection check, the OAuth consent when it has one, and what to close. */
    public record Opened(
            HcmPort port, ConnectionCheck check, Optional<OAuthAuthorization> oauth, AutoCloseable resources) {

        /** Closes the connector (a CLI command is done with it); nothing to report if that fails. */
        public void closeQuietly() {
            try {
                resources.close();
            } catch (Exception ignored) {
                // closing the connector's Camel context; nothing to report
            }
        }
    }

    private HcmPorts() {}

    /**
     * The HCM's check, then (when it can read) the HCM skills that match no catalogue skill by name or alias:
     * a skill the catalogue calls differently is otherwise silently ignored in the needs analysis.
     */
    static ConnectionCheck withSkillMatch(ConnectionCheck check, CatalogueIdsHcm hcm) {
        return new ConnectionCheck() {
            @Override
            public String system() {
                return check.system();
            }

            @Override
            public CheckResult check() {
                CheckResult result = check.check();
                if (!result.ok()) {
                    return result;
                }
                List<Finding> findings = new ArrayList<>(result.findings());
                try {
                    List<String> unmatched = hcm.unmatchedSkills();
                    findings.add(
                            unmatched.isEmpty()
                                    ? Finding.ok("skills", "every HCM skill matches a catalogue skill")
                                    : new Finding(
                                            Finding.Kind.NOTE,
                                            "skills",
                                            unmatched.size() + " HCM skill(s) match no catalogue"
                                                    + " skill by name or alias and are ignored: "
                                                    + String.join(", ", unmatched) + ". If one is a"
                                                    + " catalogue skill under another name, add it to aliases.skills in the catalogue"
                                                    + " (config/sample/catalogue.json)"));
                } catch (RuntimeException e) {
                    findings.add(new Finding(
                            Finding.Kind.UNREACHABLE, "skills", "could not list the HCM's skills: " + e.getMessage()));
                }
                return new CheckResult(result.system(), findings);
            }
        };
    }

    /**
     * @param database Trainflow's database, asked for only by the HCMs that keep state in it
     * @param clock    real time for token expiry (not the engine's clock, which demos move)
     */
    public static Opened open(
            ConnectionSettings settings,
            SampleOrganisation org,
            Function<String, String> env,
            Supplier<DataSource> database,
            Clock clock) {
        return switch (settings.hcmType()) {
            case "sample" ->
                new Opened(org.hcm(), Connections.inProcess("sample-hcm", "HCM"), Optional.empty(), () -> {});
            case "orangehrm" -> {
                OrangeHrmConnector hrm = OrangeHrmConnector.start(
                        settings.orangehrm().toConfig(env), new JdbcTokenStore(database.get(), clock), clock);
                CatalogueIdsHcm seen = new CatalogueIdsHcm(
                        hrm.hcm(),
                        org.hcm().skills(),
                        org.jobTitles(),
                        org.hcm().departments(),
                        org.aliases());
                yield new Opened(seen, withSkillMatch(hrm, seen), hrm.oauth(), hrm);
            }
            case "scim" -> {
                ScimConnector scim = ScimConnector.start(settings.scim().toConfig(env), database.get());
                CatalogueIdsHcm seen = new CatalogueIdsHcm(
                        scim.hcm(),
                        org.hcm().skills(),
                        org.jobTitles(),
                        org.hcm().departments(),
                        org.aliases());
                yield new Opened(seen, withSkillMatch(scim, seen), Optional.empty(), scim);
            }
            default ->
                throw new IllegalStateException("trainflow.hcm.type=" + settings.hcmType()
                        + " is not supported; use sample, orangehrm or scim");
        };
    }
}
