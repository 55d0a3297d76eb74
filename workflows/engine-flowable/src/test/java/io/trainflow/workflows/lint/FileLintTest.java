package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.definitions;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files that cannot run: unreadable XML, nothing executable, a DMN that does not parse. */
class FileLintTest {

    @TempDir
    Path dir;

    @Test
    void malformedXmlSaysWhereTheReaderStopped() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process("<bpmn:startEvent id=\"start\">"));

        assertThat(folder.lint()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(folder.file("p.bpmn"));
            assertThat(problem.elementId()).isNull();
            assertThat(problem.message()).startsWith("not readable as BPMN 2.0 XML: ParseError at [row,col]:[");
        });
    }

    @Test
    void noExecutableProcess() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", definitions("""
                <bpmn:process id="draft" isExecutable="false">
                  <bpmn:startEvent id="start" />
                </bpmn:process>
                """));

        assertThat(folder.lint())
                .containsExactly(folder.problem("p.bpmn", null, "no executable process (set isExecutable=\"true\")"));
    }

    @Test
    void dmnWhoseRuleIsNotFeelIsTheOnlyProblemReported() {
        LintFolder folder = new LintFolder(dir).write("routing.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="routing" name="Routing" namespace="http://trainflow.io/dmn">
                  <decision id="approval-routing" name="Approval routing">
                    <decisionTable id="table" hitPolicy="FIRST">
                      <input id="cost" label="Cost"><inputExpression id="cost-expr" typeRef="number"><text>pathCost</text></inputExpression></input>
                      <output id="needs-ld" name="needsLdApproval" typeRef="boolean" />
                      <rule id="expensive"><inputEntry id="e1"><text>more than 1000</text></inputEntry><outputEntry id="e2"><text>true</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """).write("request.bpmn", process(around("""
                <bpmn:businessRuleTask id="x">
                  <bpmn:extensionElements><zeebe:calledDecision decisionId="approval-routing" resultVariable="routing" /></bpmn:extensionElements>
                </bpmn:businessRuleTask>
                """)));

        assertThat(folder.lint()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(folder.file("routing.dmn"));
            assertThat(problem.elementId()).isNull();
            assertThat(problem.message()).startsWith("DMN does not parse: ").contains("more than 1000");
        });
    }

    @Test
    void dmnThatIsNotXml() {
        LintFolder folder = new LintFolder(dir).write("routing.dmn", "<definitions><decision id=\"d\">");

        assertThat(folder.lint()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(folder.file("routing.dmn"));
            assertThat(problem.message()).startsWith("DMN does not parse: ");
        });
    }

    @Test
    void folderWithoutProcessFiles() {
        LintFolder folder = new LintFolder(dir).write("notes.txt", "nothing to run");

        assertThat(folder.lint()).containsExactly(new LintProblem(dir.toString(), null, "no .bpmn or .dmn file found"));
    }
}
