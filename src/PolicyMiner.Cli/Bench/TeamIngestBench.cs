using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Spectre.Console;

namespace PolicyMiner.Cli.Bench;

/// <summary>One round of <see cref="TeamIngestBench"/>: how many workers, how long, how many documents, where the time went.</summary>
internal sealed record TeamRound(int Workers, TimeSpan Elapsed, int Stored, double Read, double Extract, double Database)
{
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Stored / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// <c>bench ingest --db postgres://…</c>: ingests one generated corpus with 1, 2, … real worker processes, each round into a
/// fresh database created beside the given one (and dropped after), and reports docs/s and where the workers' time went.
/// </summary>
internal static partial class TeamIngestBench
{
    public static async Task<IReadOnlyList<TeamRound>> RunAsync(string server, string corpus, int documents, int maxWorkers, CancellationToken cancellationToken)
    {
        var admin = Storage.Postgres.PostgresLocation.Parse(server);
        var rounds = new List<TeamRound>();
        for (var workers = 1; workers <= maxWorkers; workers++)
        {
            var name = $"policyminer_bench_{workers}_{Guid.NewGuid().ToString("N")[..8]}";
            Admin(admin, $"CREATE DATABASE {name}");
            try
            {
                var database = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
                rounds.Add(await RoundAsync(workers, corpus, database, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                Admin(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        return rounds;
    }

    private static async Task<TeamRound> RoundAsync(int workers, string corpus, string database, CancellationToken cancellationToken)
    {
        // The schema first, so the round times ingest only.
        using (Storage.PolicyStores.Open(database))
        {
        }

        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(_ => Process.Start(WorkerStart(corpus, database))!).ToList();
        var outputs = processes.Select(p => (Out: p.StandardOutput.ReadToEndAsync(cancellationToken), Err: p.StandardError.ReadToEndAsync(cancellationToken))).ToList();
        foreach (var process in processes)
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        var elapsed = clock.Elapsed;
        var (read, extract, db) = (0.0, 0.0, 0.0);
        foreach (var (process, output) in processes.Zip(outputs))
        {
            var text = await output.Out.ConfigureAwait(false);
            if (process.ExitCode != 0 || StagesLine().Match(text) is not { Success: true } stages)
            {
                throw new CliException($"bench: a worker exited with {process.ExitCode}: {(await output.Err.ConfigureAwait(false)).Trim()}");
            }

            read += double.Parse(stages.Groups[1].Value, CultureInfo.InvariantCulture);
            extract += double.Parse(stages.Groups[2].Value, CultureInfo.InvariantCulture);
            db += double.Parse(stages.Groups[3].Value, CultureInfo.InvariantCulture);
            process.Dispose();
        }

        using var store = Storage.PolicyStores.Open(database);
        return new TeamRound(workers, elapsed, store.DocumentCount, read, extract, db);
    }

    public static void Write(IReadOnlyList<TeamRound> rounds, int documents, IAnsiConsole console)
    {
        var table = new Table().Title($"bench ingest --db (PostgreSQL, {documents} documents, {Environment.ProcessorCount} cores)")
            .AddColumn("workers").AddColumn(new TableColumn("time").RightAligned()).AddColumn(new TableColumn("docs/s").RightAligned())
            .AddColumn(new TableColumn("stored").RightAligned()).AddColumn(new TableColumn("read+parse").RightAligned())
            .AddColumn(new TableColumn("extract").RightAligned()).AddColumn(new TableColumn("database").RightAligned());
        foreach (var round in rounds)
        {
            var total = Math.Max(round.Read + round.Extract + round.Database, 0.001);
            table.AddRow(
                round.Workers.ToString(CultureInfo.InvariantCulture),
                $"{round.Elapsed.TotalSeconds:0.0} s",
                $"{round.DocumentsPerSecond:0}",
                round.Stored.ToString(CultureInfo.InvariantCulture),
                $"{round.Read:0.0} s ({round.Read / total:0%})",
                $"{round.Extract:0.0} s ({round.Extract / total:0%})",
                $"{round.Database:0.0} s ({round.Database / total:0%})");
        }

        console.Write(table);
        console.WriteLine("stage times are summed over every worker's threads; database = registering, claiming, storing and finishing files.");
    }

    private static void Admin(NpgsqlConnectionStringBuilder server, string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = server.Database ?? "postgres", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        catch (PostgresException e)
        {
            throw new CliException($"bench: the server refused `{sql}` ({e.MessageText}); bench ingest --db needs a role that may create databases");
        }
    }

    private static ProcessStartInfo WorkerStart(string corpus, string database) =>
        ToolProcess.StartInfo(["ingest", corpus, "--db", database, "--no-progress"]);

    [GeneratedRegex(@"^time +read ([0-9.]+) s, extract ([0-9.]+) s, database ([0-9.]+) s", RegexOptions.Multiline)]
    private static partial Regex StagesLine();
}
