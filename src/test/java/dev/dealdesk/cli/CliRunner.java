package dev.dealdesk.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in-process with given stdin and captures stdout, stderr and exit status. */
public final class CliRunner {

    /** What one invocation printed and returned. */
    public record Result(int status, String out, String err) {

        public List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        public JsonObject line(int index) {
            return Json.createReader(new StringReader(lines().get(index))).readObject();
        }
    }

    private CliRunner() {
    }

    public static Result run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    public static Result run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }
}
