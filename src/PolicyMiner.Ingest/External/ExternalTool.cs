using System.Diagnostics;

namespace PolicyMiner.Ingest.External;

/// <summary>The outcome of running an external program: its exit code and what it printed, or that it timed out.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>True when the program ran to the end and exited with 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The last non-empty line of standard error, for one-line failure reasons.</summary>
    public string LastErrorLine => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {ExitCode}";
}

/// <summary>
/// A program PolicyMiner calls for what a library cannot do in-process (LibreOffice for .doc/.wps, pdftoppm and
/// Tesseract for scans), found on PATH or at a configured path, run with arguments (no shell) and a time limit.
/// </summary>
/// <remarks>Immutable and thread-safe; every run is its own process.</remarks>
public sealed class ExternalTool
{
    /// <param name="command">The program name looked up on PATH, or a full path.</param>
    /// <param name="debianPackage">The Debian package that provides it, named in the error when it is missing.</param>
    public ExternalTool(string command, string debianPackage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(debianPackage);
        Command = command;
        DebianPackage = debianPackage;
        Path = Resolve(command);
    }

    public string Command { get; }

    public string DebianPackage { get; }

    /// <summary>Full path of the program, or null when it is not installed.</summary>
    public string? Path { get; }

    /// <summary>True when the program was found.</summary>
    public bool IsAvailable => Path is not null;

    /// <summary>The one-line reason given when the program is needed but missing.</summary>
    public string MissingReason(string purpose) =>
        $"{purpose} needs '{Command}', which is not installed (Debian package {DebianPackage}: apt-get install {DebianPackage})";

    /// <summary>Runs the program with <paramref name="arguments"/>; kills it after <paramref name="timeout"/>.</summary>
    public ToolRun Run(IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var path = Path ?? throw new InvalidOperationException($"{Command} is not installed.");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory ?? System.IO.Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Command} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolRun(-1, output.Result, error.Result, TimedOut: true);
        }

        return new ToolRun(process.ExitCode, output.Result, error.Result, TimedOut: false);
    }

    private static string? Resolve(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command) ? System.IO.Path.GetFullPath(command) : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(folder, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A folder under the system temp folder that is deleted with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policyminer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A converter still holding a file: the system cleans its temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
