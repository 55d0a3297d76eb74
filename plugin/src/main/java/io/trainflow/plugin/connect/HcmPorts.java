package io.trainflow.plugin.connect;

import io.trainflow.connectors.catalogue.HcmName;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.hcm.CatalogueIdsHcm;
import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.HcmNameAliases;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.orangehrm.OrangeHrmConnector;
import io.trainflow.connectors.orangehrm.auth.JdbcTokenStore;
import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.connectors.scim.ScimConnector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * The HCM under the catalogue's ids, by the names stored with the catalogue (read when the connection opens: a
     * change of names applies from the next start). A department's other names match it as its name does.
     */
    static CatalogueIdsHcm seenThroughCatalogue(HcmPort hcm, Supplier<DataSource> database, Clock clock) {
        List<HcmName> names = new JdbcCatalogue(database.get(), clock).hcmNames();
        List<Skill> skills = new ArrayList<>();
        Map<String, String> jobTitles = new LinkedHashMap<>();
        List<Department> departments = new ArrayList<>();
        List<Department> departmentAliases = new ArrayList<>();
        Map<String, List<String>> skillAliases = new LinkedHashMap<>();
        Map<String, List<String>> jobTitleAliases = new LinkedHashMap<>();
        for (HcmName n : names) {
            boolean named = n.name() != null; // else only other names are known
            switch (n.kind()) {
                case HcmName.SKILL -> {
                    if (named) {
                        skills.add(new Skill(n.catalogueId(), n.name(), null));
                    }
                    skillAliases.put(n.catalogueId(), n.aliases());
                }
                case HcmName.JOB_TITLE -> {
                    if (named) {
                        jobTitles.put(n.catalogueId(), n.name());
                    }
                    jobTitleAliases.put(n.catalogueId(), n.aliases());
                }
                default -> {
                    if (named) {
                        departments.add(new Department(n.catalogueId(), n.name(), null));
                    }
                    n.aliases().forEach(a -> departmentAliases.add(new Department(n.catalogueId(), a, null)));
                }
            }
        }
        departments.addAll(departmentAliases); // after the names: a department's own name wins
        return new CatalogueIdsHcm(
                hcm, skills, jobTitles, departments, new HcmNameAliases(skillAliases, jobTitleAliases));
    }

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
                                                    + " (catalogue import: skills, aliases)"));
                } catch (RuntimeException e) {
                    findings.add(new Finding(
                            Finding.Kind.UNREACHABLE, "skills", "could not list the HCM's skills: " + e.getMessage()));
                }
                return new CheckResult(result.system(), findings);
            }
        };
    }

    /**
     * @param demo     the sample organisation's systems, asked for only when the sample HCM is chosen
     * @param database Trainflow's database (the catalogue's names; the HCMs that keep state in it)
     * @param clock    real time for token expiry (not the engine's clock, which demos move)
     */
    public static Opened open(
            ConnectionSettings settings,
            Supplier<DemoSystems> demo,
            Function<String, String> env,
            Supplier<DataSource> database,
            Clock clock) {
        return switch (settings.hcmType()) {
            case "sample" ->
                new Opened(demo.get().hcm(), Connections.inProcess("sample-hcm", "HCM"), Optional.empty(), () -> {});
            case "orangehrm" -> {
                OrangeHrmConnector hrm = OrangeHrmConnector.start(
                        settings.orangehrm().toConfig(env), new JdbcTokenStore(database.get(), clock), clock);
                CatalogueIdsHcm seen = seenThroughCatalogue(hrm.hcm(), database, clock);
                yield new Opened(seen, withSkillMatch(hrm, seen), hrm.oauth(), hrm);
            }
            case "scim" -> {
                ScimConnector scim = ScimConnector.start(settings.scim().toConfig(env), database.get());
                CatalogueIdsHcm seen = seenThroughCatalogue(scim.hcm(), database, clock);
                yield new Opened(seen, withSkillMatch(scim, seen), Optional.empty(), scim);
            }
            default ->
                throw new IllegalStateException("trainflow.hcm.type=" + settings.hcmType()
                        + " is not supported; use sample, orangehrm or scim");
        };
    }
}
