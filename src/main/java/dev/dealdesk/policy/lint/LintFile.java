package dev.dealdesk.policy.lint;

import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.PolicyProblem.Level;
import java.util.List;
import org.drools.drl.ast.descr.BaseDescr;

/** A rules file under the safety lint: reports each problem at its line and column. */
final class LintFile {

    private final PolicyLint.ParsedFile file;
    private final List<PolicyProblem> problems;

    LintFile(PolicyLint.ParsedFile file, List<PolicyProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String text() {
        return file.text();
    }

    /** Where {@code code} starts in the file, searching from {@code near}; -1 when it cannot be found. */
    int find(String code, BaseDescr near) {
        return code.isEmpty() ? -1 : file.text().indexOf(code, Math.max(near.getStartCharacter(), 0));
    }

    void error(BaseDescr where, String message) {
        if (where.getStartCharacter() >= 0) {
            error(where.getStartCharacter(), message);
        } else {
            problems.add(new PolicyProblem(file.path(), Math.max(where.getLine(), 0),
                    where.getColumn() >= 0 && where.getLine() > 0 ? where.getColumn() + 1 : 0, Level.ERROR, message));
        }
    }

    void error(int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < file.text().length(); i++) {
            if (file.text().charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.add(new PolicyProblem(file.path(), line, offset - lineStart + 1, Level.ERROR, message));
    }
}
