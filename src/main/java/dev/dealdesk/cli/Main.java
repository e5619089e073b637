package dev.dealdesk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code dealdesk} command line: one subcommand class per command. */
@Command(name = "dealdesk",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Deal-desk policy engine: decides deals against the land-and-expand policy in rules/*.drl.",
        subcommands = {EvaluateCommand.class, ValidateCommand.class, TestCommand.class, VerifyCommand.class,
            ReplayCommand.class, WhatIfCommand.class, ServeCommand.class, LoadCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    private final InputStream stdin;
    private final PrintStream stdout;

    @Spec
    private CommandSpec spec;

    Main(InputStream stdin, PrintStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /** Standard input, for commands that read {@code -}. */
    InputStream stdin() {
        return stdin;
    }

    /**
     * Standard output as bytes, unbuffered, for commands that write in bulk; empty when the command
     * line was given only a writer for it. Flush the command line's writer before writing here.
     */
    Optional<PrintStream> stdout() {
        return Optional.ofNullable(stdout);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    public static void main(String[] args) {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintWriter out = writer(stdout);
        PrintWriter err = writer(new FileOutputStream(FileDescriptor.err));
        // Like the writer, the byte stream swallows write errors: a reader that went away does not stop a batch.
        int status = run(args, System.in, new PrintStream(stdout, false), out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line against the given streams and returns its exit status. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return run(args, in, null, out, err);
    }

    /**
     * As {@link #run(String[], InputStream, PrintWriter, PrintWriter)}, with standard output also as
     * bytes ({@code stdout}, may be {@code null}) under the writer {@code out}.
     */
    static int run(String[] args, InputStream in, PrintStream stdout, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main(in, stdout));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static PrintWriter writer(FileOutputStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), false);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"dealdesk " + (version == null ? "(development build)" : version)};
        }
    }
}
