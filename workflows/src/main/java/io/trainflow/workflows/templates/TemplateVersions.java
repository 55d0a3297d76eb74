package io.trainflow.workflows.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checked-in version of each element template and the hash of the contract it was made for
 * ({@code bpmn/element-templates/template-versions.txt}, one {@code id version hash} per line). A template's
 * {@code version} changes only when its contract does (a handler's inputs or outputs, a user task's assignment,
 * headers, form or fields): {@code ElementTemplateGenerator --new-versions} records the new version and keeps the
 * previous template as {@code <id>.v<N>.json}, so Camunda Modeler offers the upgrade on tasks that use it.
 */
public final class TemplateVersions {

    static final String FILE = "template-versions.txt";

    /** One template's recorded version and contract hash. */
    public record Recorded(int version, String contractHash) {}

    private final Map<String, Recorded> byId;

    private TemplateVersions(Map<String, Recorded> byId) {
        this.byId = byId;
    }

    public static TemplateVersions read(Path folder) throws IOException {
        Map<String, Recorded> byId = new TreeMap<>();
        Path file = folder.resolve(FILE);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 3) {
                    throw new IllegalStateException(
                            file + ": '" + line + "' is not 'template-id version contract-hash'");
                }
                byId.put(parts[0], new Recorded(Integer.parseInt(parts[1]), parts[2]));
            }
        }
        return new TemplateVersions(byId);
    }

    public Recorded get(String id) {
        return byId.get(id);
    }

    void put(String id, Recorded recorded) {
        byId.put(id, recorded);
    }

    Map<String, Recorded> all() {
        return byId;
    }

    String text() {
        StringBuilder out =
                new StringBuilder("# element template id, its version, the hash of the contract it was made for\n"
                        + "# (written by ElementTemplateGenerator; a new contract needs a new version:\n"
                        + "# README \"Element templates and their versions\")\n");
        byId.forEach((id, r) -> out.append(id)
                .append(' ')
                .append(r.version())
                .append(' ')
                .append(r.contractHash())
                .append('\n'));
        return out.toString();
    }

    /** First 16 hex digits of the SHA-256 of a contract's description. */
    static String hash(String contract) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(contract.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
