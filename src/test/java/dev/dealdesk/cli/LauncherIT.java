package dev.dealdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dealdesk} launcher end to end, as the README runs it, against the jar the build
 * packaged (runs in the integration-test phase, after {@code package}).
 */
class LauncherIT {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    private Run launch(String stdin, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(new File("."));
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("./dealdesk"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void launcher_evaluatesAnExampleWithOnlyTheDecisionOnStdout() throws Exception {
        Run run = launch("", "evaluate", "policy-examples/clean-mid-market-land.json");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.out().startsWith("{\"dealId\":\"GOLD-CLEAN-MID-MARKET-LAND\",\"asOf\":\"2026-11-23\",\"outcome\":\"APPROVE\""),
                run.out());
    }

    @Test
    void launcher_jsonLinesBatchWithABadRecord_exits2AndKeepsEveryLine() throws Exception {
        String stdin = Files.readString(Path.of("policy-examples/clean-renewal.json")).replace("\n", " ") + "\n"
                + "{\"dealId\": \"D-2\", \"asOf\": \"2026-11-23\", \"motion\": \"SALE\"}\n";
        Run run = launch(stdin, "evaluate", "--rules", "rules", "-");
        assertEquals(2, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).contains("\"outcome\":\"APPROVE\""), lines.get(0));
        assertEquals("{\"error\":{\"source\":\"stdin:2\",\"path\":\"/motion\",\"message\":"
                + "\"expected one of LAND, EXPANSION, RENEWAL, got \\\"SALE\\\"\"}}", lines.get(1));
        assertEquals("", run.err());
    }

    @Test
    void launcher_version_printsTheBuiltVersion() throws Exception {
        Run run = launch("", "--version");
        assertEquals(0, run.status());
        assertEquals("dealdesk 0.1.0\n", run.out());
        assertFalse(run.err().contains("Aborted"), run.err());
        try (var files = Files.list(Path.of("."))) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().startsWith("hs_err")).toList(),
                    "the JVM crashed while the launcher prepared the jar");
        }
    }

    @Test
    void launcher_endlessInputReadByAReaderThatGoesAway_stopsWithoutATrace() throws Exception {
        String deal = Files.readString(Path.of("policy-examples/clean-renewal.json")).replace("\n", " ");
        Files.writeString(temp.resolve("deal.json"), deal);
        // An endless producer: the command ends only because it stops when head has its line.
        Process process = new ProcessBuilder("bash", "-c",
                "yes \"$(cat '" + temp.resolve("deal.json") + "')\" | ./dealdesk evaluate - 2>'" + temp.resolve("err")
                        + "' | head -1; echo \"status ${PIPESTATUS[1]}\"")
                .directory(new File(".")).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "evaluate kept running after its reader went away");
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, out.size(), String.join("\n", out));
        assertTrue(out.get(0).contains("\"outcome\":\"APPROVE\""), out.get(0));
        assertEquals("status 141", out.get(1));
        assertEquals("", Files.readString(temp.resolve("err")));
    }
}
