using System.CommandLine;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli;

/// <summary>Runs the parsed command line and turns failures into one line on stderr and a non-zero exit code.</summary>
internal static class CliRunner
{
    /// <summary>Exit code of a command line that does not parse (unknown value, a word where a number belongs …).</summary>
    public const int UsageExitCode = 2;

    public static int Run(RootCommand root, string[] args)
    {
        CliOptions.ExplainNumbers(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            // One line per error and a pointer to the help, instead of the whole help text.
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"policyminer: {error.Message}");
            }

            var names = new List<string>();
            for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Command is RootCommand ? "policyminer" : result.Command.Name);
            }

            Console.Error.WriteLine($"policyminer: {CliMessages.UsageHint(string.Join(' ', names))}");
            return UsageExitCode;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            // Expected failures (bad input, missing files) carry their own one-line message.
            Console.Error.WriteLine($"policyminer: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is StoreException)
        {
            Console.Error.WriteLine($"policyminer: {e.Message}");
            return 1;
        }
        catch (Exception e) when (StoreException.IsDatabaseFault(e))
        {
            // The engine tripped over a damaged file mid-command: one line, and what to do about it.
            Console.Error.WriteLine($"policyminer: {StoreException.Damaged("the database", e)}");
            return 1;
        }
        catch (Exception e) when (StoreException.IsServerFault(e))
        {
            Console.Error.WriteLine($"policyminer: {StoreException.ServerFault(e)}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("policyminer: cancelled");
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"policyminer: {e.Message}");
            return 1;
        }
    }
}

/// <summary>An expected failure of a verb: reported as one line, never a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
