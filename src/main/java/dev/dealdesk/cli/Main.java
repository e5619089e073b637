package dev.dealdesk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
            ReplayCommand.class, WhatIfCommand.class, ServeCommand.class, LoadCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    Main(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input, for commands that read {@code -}. */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    public static void main(String[] args) {
        PrintWriter out = writer(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = writer(new FileOutputStream(FileDescriptor.err));
        int status = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line against the given streams and returns its exit status. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main(in));
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
