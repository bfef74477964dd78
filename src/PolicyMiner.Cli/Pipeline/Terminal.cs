using Spectre.Console;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>The Spectre console the verbs write tables and progress to.</summary>
internal static class Terminal
{
    /// <summary>A console on stdout; when stdout is redirected, wide enough that tables of Chinese text do not fold into slivers.</summary>
    public static IAnsiConsole Console { get; } = Create();

    private static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
