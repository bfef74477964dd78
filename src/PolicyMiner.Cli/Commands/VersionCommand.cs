using System.CommandLine;
using System.Reflection;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer version</c>: prints the tool's version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print PolicyMiner's version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"policyminer {version}");
            return 0;
        });
        return command;
    }
}
