using System.Diagnostics;
using System.Text;

namespace PolicyMiner.Cli.Tests;

/// <summary>Runs the built <c>policyminer</c> as a separate process in a chosen folder, as a user would, capturing its output.</summary>
internal static class PolicyminerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, byte[] StdoutBytes);

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, args, stdin: null);

    public static Result Run(string workingDirectory, string[] args, byte[]? stdin) => Run(workingDirectory, args, stdin, null);

    /// <param name="environment">Variables set for the process (e.g. a PATH without the Debian programs the readers call).</param>
    public static Result Run(string workingDirectory, string[] args, byte[]? stdin, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policyminer.dll"));
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        copy.Wait();
        var bytes = stdout.ToArray();
        return new Result(process.ExitCode, Encoding.UTF8.GetString(bytes), stderr.Result, bytes);
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PolicyMiner.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PolicyMiner.sln not found above the test binaries");
    }
}
