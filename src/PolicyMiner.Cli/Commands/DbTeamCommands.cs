using System.CommandLine;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Safety;
using PolicyMiner.Storage.Postgres;
using PolicyMiner.Storage.Transfer;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer db migrate</c> and <c>db copy</c>: bring a database's schema up to date; move a database between LiteDB and PostgreSQL.</summary>
internal static class DbTeamCommands
{
    public static Command Migrate()
    {
        var db = StoreAccess.DatabaseOption();
        var command = new Command("migrate", "Bring the database's schema up to this PolicyMiner's version (writers also do this when they open it).")
        {
            db,
        };
        command.SetAction(parse =>
        {
            var database = StoreAccess.PathOf(parse.GetValue(db));
            if (PolicyStores.IsServer(database))
            {
                var (location, version, applied) = PostgresPolicyStore.Migrate(database);
                foreach (var step in applied)
                {
                    Console.WriteLine($"applied {step}");
                }

                Console.WriteLine($"{location}: schema v{version}{(applied.Count == 0 ? " (already current)" : "")}");
                return 0;
            }

            var before = File.Exists(database);
            bool migrated;
            using (var store = StoreAccess.Open(database, "db migrate"))
            {
                migrated = store is PolicyStore { Migrated: true };
                Console.WriteLine($"{Escape.Line(store.Location)}: schema v{store.SchemaVersion}{(before ? "" : " (new database)")}");
            }

            if (migrated)
            {
                // A migration rewrites records in place; the space of the old ones comes back only by writing the file anew.
                var report = StoreMaintenance.Compact(database, StoreAccess.Options("db migrate", noWait: false, readOnly: false));
                Console.WriteLine($"{Escape.Line(database)}: compacted; {report.BytesBefore / 1048576.0:0.0} MiB -> {report.BytesAfter / 1048576.0:0.0} MiB");
            }

            return 0;
        });
        return command;
    }

    public static Command Copy()
    {
        var from = new Option<string>("--from") { Description = "The database to copy: a file or a PostgreSQL URL.", HelpName = "PATH|URL", Required = true };
        var to = new Option<string>("--to") { Description = "An empty database to copy into: a file or a PostgreSQL URL.", HelpName = "PATH|URL", Required = true };
        var command = new Command("copy", "Copy a whole database, LiteDB and PostgreSQL either way: documents, targets, review states, audit trail and ingest runs.")
        {
            from, to,
        };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(from)!;
            var destination = parse.GetValue(to)!;
            using var reader = StoreAccess.OpenExisting(source, "db copy");
            if (!PolicyStores.IsServer(destination) && File.Exists(destination))
            {
                throw new CliException($"{destination}: already exists; copy into a new file");
            }

            using var writer = StoreAccess.Open(destination, "db copy");
            var result = StoreCopy.Copy(reader, writer, copied => Console.Error.Write($"\rcopied {copied} documents"));
            Console.Error.WriteLine();
            Console.WriteLine($"{Escape.Line(reader.Location)} → {Escape.Line(writer.Location)}: {result.Documents} documents, {result.Targets} targets, "
                + $"{result.AuditEntries} audit entries, {result.Runs} ingest runs copied");
            return 0;
        });
        return command;
    }
}
