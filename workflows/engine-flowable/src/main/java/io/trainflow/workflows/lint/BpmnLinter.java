package io.trainflow.workflows.lint;

import io.trainflow.workflows.engine.flowable.UserTaskDefaults;
import io.trainflow.workflows.engine.flowable.ZeebeModelReader;
import io.trainflow.workflows.feel.Feel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.repository.EngineDeployment;
import org.flowable.common.engine.api.repository.EngineResource;

/**
 * {@code trainflow lint}: rejects anything the runtime cannot execute, with file, element id
 * and a plain-language reason. The same check runs at deploy time.
 */
public final class BpmnLinter {

    private final Set<String> taskTypes;
    private final Feel feel;
    private final String unassignedGroup;
    private final Set<String> listenerTypes;

    public BpmnLinter(Set<String> taskTypes, Feel feel) {
        this(taskTypes, feel, UserTaskDefaults.DEFAULT_GROUP);
    }

    /** {@code unassignedGroup}: the group a user task naming nobody is offered to (said in a note). */
    public BpmnLinter(Set<String> taskTypes, Feel feel, String unassignedGroup) {
        this(taskTypes, feel, unassignedGroup, null);
    }

    /** {@code listenerTypes}: the task types whose handler may be a user task listener; null: any of them. */
    public BpmnLinter(Set<String> taskTypes, Feel feel, String unassignedGroup, Set<String> listenerTypes) {
        this.taskTypes = Set.copyOf(taskTypes);
        this.feel = feel;
        this.unassignedGroup = unassignedGroup;
        this.listenerTypes = listenerTypes == null ? this.taskTypes : Set.copyOf(listenerTypes);
    }

    /** Lints a {@code .bpmn}/{@code .dmn}/{@code .form} file, or every such file below a folder. */
    public List<LintProblem> lintPath(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> isBpmn(p) || isDmn(p) || isForm(p))
                        .sorted()
                        .toList();
            }
        } else {
            files = List.of(path);
        }
        List<LintProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new LintProblem(path.toString(), null, "no .bpmn or .dmn file found"));
            return problems;
        }
        Set<String> decisions = new HashSet<>();
        Set<String> processIds = new HashSet<>();
        Set<String> formIds = new HashSet<>();
        if (!Files.isDirectory(path)) {
            besides(path, decisions, processIds, formIds);
        }
        for (Path file : files) {
            if (isDmn(file)) {
                problems.addAll(DmnCheck.check(file.toString(), Files.readAllBytes(file), decisions));
            } else if (isForm(file)) {
                problems.addAll(FormCheck.check(file.toString(), Files.readAllBytes(file), formIds));
            }
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Path file : files) {
            if (isBpmn(file)) {
                try {
                    BpmnModel model = ZeebeModelReader.read(Files.readAllBytes(file));
                    model.getProcesses().forEach(p -> processIds.add(p.getId()));
                    parsed.add(new Parsed(file.toString(), model));
                } catch (XMLException | FlowableException e) {
                    problems.add(unreadable(file.toString(), e));
                }
            }
        }
        Context context = new Context(decisions, processIds, formIds);
        for (Parsed p : parsed) {
            problems.addAll(lint(p.file(), p.model(), context));
        }
        return problems;
    }

    /** Lints one parsed file; the context says which decisions and processes exist beside it. */
    public List<LintProblem> lint(String file, BpmnModel model, Context context) {
        List<LintProblem> problems = new ArrayList<>();
        List<Process> executable =
                model.getProcesses().stream().filter(Process::isExecutable).toList();
        if (executable.isEmpty()) {
            problems.add(new LintProblem(file, null, "no executable process (set isExecutable=\"true\")"));
        }
        ElementRules rules = new ElementRules(file, model, taskTypes, feel, context, problems, unassignedGroup);
        rules.listenerTypes = listenerTypes;
        executable.forEach(rules::check);
        return problems;
    }

    /**
     * Deploy time: the .dmn files of a deployment parse with the DMN engine the runtime uses, and
     * its .form files are forms Trainflow can check completions with.
     */
    public static List<LintProblem> lintDecisions(EngineDeployment deployment) {
        List<LintProblem> problems = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        for (EngineResource resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".dmn")) {
                problems.addAll(DmnCheck.check(resource.getName(), resource.getBytes(), new HashSet<>()));
            } else if (resource.getName().endsWith(".form")) {
                problems.addAll(FormCheck.check(resource.getName(), resource.getBytes(), formIds));
            }
        }
        return problems;
    }

    /** A file the BPMN reader refuses, reported with the reader's reason (row and column). */
    public static LintProblem unreadable(String file, RuntimeException e) {
        return new LintProblem(file, null, "not readable as BPMN 2.0 XML: " + rootMessage(e));
    }

    /**
     * A single file deploys with the files beside it: the decisions and processes it refers to
     * are looked up there (the neighbours themselves are not linted).
     */
    private static void besides(Path file, Set<String> decisions, Set<String> processIds, Set<String> formIds)
            throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            return;
        }
        try (Stream<Path> siblings = Files.list(folder)) {
            for (Path sibling : siblings.filter(Files::isRegularFile).sorted().toList()) {
                if (isDmn(sibling)) {
                    decisions.addAll(DmnCheck.decisionIds(Files.readAllBytes(sibling)));
                } else if (isForm(sibling) && !sibling.equals(file.toAbsolutePath())) {
                    FormCheck.check(sibling.toString(), Files.readAllBytes(sibling), formIds);
                } else if (isBpmn(sibling)) {
                    try {
                        ZeebeModelReader.read(Files.readAllBytes(sibling))
                                .getProcesses()
                                .forEach(p -> processIds.add(p.getId()));
                    } catch (XMLException | FlowableException e) {
                        // reported when that file is linted itself
                    }
                }
            }
        }
    }

    static boolean isBpmn(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    static boolean isDmn(Path p) {
        return p.getFileName().toString().endsWith(".dmn");
    }

    static boolean isForm(Path p) {
        return p.getFileName().toString().endsWith(".form");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private record Parsed(String file, BpmnModel model) {}

    /** What exists beside the file being linted; null means "cannot know here, do not check". */
    public record Context(Set<String> decisionIds, Set<String> processIds, Set<String> formIds) {

        public static Context none() {
            return new Context(null, null, null);
        }

        /**
         * At deploy time: decisions of the same deployment; called processes may be older versions;
         * forms must be in the same deployment (a task reads its form from its process's deployment).
         */
        public static Context of(EngineDeployment deployment) {
            Set<String> decisions = new HashSet<>();
            Set<String> forms = new HashSet<>();
            boolean anyDmn = false;
            for (EngineResource resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".dmn")) {
                    anyDmn = true;
                    decisions.addAll(DmnCheck.decisionIds(resource.getBytes()));
                } else if (resource.getName().endsWith(".form")) {
                    FormCheck.check(resource.getName(), resource.getBytes(), forms);
                }
            }
            return new Context(anyDmn ? decisions : null, null, forms);
        }
    }
}
