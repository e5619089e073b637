/**
 * The {@code dealdesk} command line, built on picocli: {@link dev.dealdesk.cli.Main} and one class per
 * subcommand ({@code EvaluateCommand} for {@code dealdesk evaluate}). Commands write results on
 * stdout and diagnostics on stderr, and report through their exit status.
 */
package dev.dealdesk.cli;
