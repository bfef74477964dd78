using System.Diagnostics;
using System.Text;

namespace PolicyMiner.Cli.Tests;

/// <summary>Runs the built <c>policyminer</c> as a separate process in a chosen folder, as a user would, capturing its output.</summary>
internal static class PolicyminerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, byte[] StdoutBytes)
    {
        /// <summary>The lines of standard output without the final newline; none for no output.</summary>
        public string[] StdoutLines => Lines(Stdout);

        public string[] StderrLines => Lines(Stderr);

        private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, args, stdin: null);

    public static Result Run(string workingDirectory, string[] args, byte[]? stdin) => Run(workingDirectory, args, stdin, null);

    /// <param name="environment">Variables set for the process (e.g. a PATH without the Debian programs the readers call).</param>
    public static Result Run(string workingDirectory, string[] args, byte[]? stdin, IReadOnlyDictionary<string, string>? environment)
    {
        var start = StartInfo(workingDirectory, args);
        start.RedirectStandardInput = true;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
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

    /// <summary>Runs the process to its end without blocking, so that several runs can overlap.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>How to start the process with its output and errors redirected (UTF-8), for tests that read it as it runs or kill it.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "policyminer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
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
