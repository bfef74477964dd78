using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PolicyMiner.Tests.Shared;

/// <summary>One throwaway PostgreSQL server for every test class of an assembly that needs one (this file is linked into each).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<TestPostgres>
{
    public const string Name = "postgres";
}

/// <summary>
/// A PostgreSQL server for tests: the one <c>$POLICYMINER_TEST_POSTGRES</c> names (.ci/run starts one), else a throwaway
/// server of this machine's PostgreSQL binaries (initdb into a temporary folder, a loopback port), stopped on dispose.
/// Each test gets its own fresh database.
/// </summary>
/// <remarks>
/// Without PostgreSQL binaries the tests skip, saying so; under CI (<c>CI=true</c>) they fail instead, so the contract
/// suite can never pass in CI without having run. initdb refuses to run as root, so as root the server runs as the
/// <c>postgres</c> user (or <c>nobody</c>).
/// </remarks>
public sealed class TestPostgres : IDisposable
{
    /// <summary>The variable holding an Npgsql connection string of a server the tests may create databases on.</summary>
    public const string Variable = "POLICYMINER_TEST_POSTGRES";

    private readonly string? _admin;
    private readonly string? _folder;
    private readonly string? _pgCtl;
    private readonly string? _runAs;
    private int _databases;

    public TestPostgres()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            _admin = given;
            return;
        }

        var initdb = OperatingSystem.IsWindows() ? null : FindBinary("initdb");
        if (initdb is null || OperatingSystem.IsWindows())
        {
            Unavailable = "no PostgreSQL binaries (initdb) on this machine and no $" + Variable;
            return;
        }

        _pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        _runAs = Environment.UserName == "root" ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        _folder = Path.Combine(Path.GetTempPath(), "pm-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        var data = Path.Combine(_folder, "data");
        var port = FreePort();
        try
        {
            Run(initdb, "-D", data, "-A", "trust", "-U", "policyminer", "-E", "UTF8", "--locale=C", "--no-sync");
            Run(_pgCtl, "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
            _admin = $"Host=127.0.0.1;Port={port};Username=policyminer;Database=postgres";
        }
        catch (InvalidOperationException e)
        {
            Unavailable = "could not start a throwaway PostgreSQL: " + e.Message;
        }
    }

    /// <summary>Why no server is available; null when one is.</summary>
    public string? Unavailable { get; }

    /// <summary>A connection string of a new empty database; skips the test (fails it under CI) when no server is available.</summary>
    public string NewDatabase()
    {
        if (_admin is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"PostgreSQL is required under CI: {Unavailable}");
            }

            Skip.If(true, $"PostgreSQL tests skipped: {Unavailable}");
        }

        var name = $"pm_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            Run(_pgCtl!, "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static string? FindBinary(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/local/bin")
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().Reverse().Select(v => Path.Combine(v, "bin")) : []);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    private static bool UserExists(string user) => File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(_runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder ?? Path.GetTempPath(),
        };
        if (_runAs is not null)
        {
            foreach (var part in new[] { "-u", _runAs, "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in 2 minutes");
        }

        _ = output.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error.Trim()}");
        }
    }
}
