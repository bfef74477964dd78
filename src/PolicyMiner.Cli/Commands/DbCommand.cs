using System.CommandLine;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Safety;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer db check|repair|compact|migrate|copy</c>: read every record of a database; rebuild a damaged one from
/// what is readable; write one anew without its free space; bring its schema up to date; copy it to another.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Check, repair, compact or migrate a PolicyMiner database; copy one to another.");
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Repair());
        command.Subcommands.Add(Compact());
        command.Subcommands.Add(DbTeamCommands.Migrate());
        command.Subcommands.Add(DbTeamCommands.Copy());
        return command;
    }

    private static Command Check()
    {
        var db = StoreAccess.DatabaseOption();
        var noWait = StoreAccess.NoWaitOption();
        var command = new Command("check", "Read every record (read-only) and check that documents, texts and targets agree. Exit code 1 when damaged.")
        {
            db, noWait,
        };
        command.SetAction(parse =>
        {
            var path = StoreAccess.LiteDbFile(parse.GetValue(db), "db check and db repair");
            var report = StoreMaintenance.Check(path, StoreAccess.Options("db check", parse.GetValue(noWait), readOnly: true));
            Console.WriteLine($"{Escape.Line(path)}: {report.Documents} documents, {report.Targets} targets, {report.Runs} ingest runs read");
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"problem: {Escape.Line(problem)}");
            }

            if (report.Healthy)
            {
                Console.WriteLine("ok");
                return 0;
            }

            Console.Error.WriteLine($"policyminer: {Escape.Line(path)} is damaged; `policyminer db repair --db {Escape.Line(path)}` rebuilds it from what is readable");
            return 1;
        });
        return command;
    }

    private static Command Compact()
    {
        var db = StoreAccess.DatabaseOption();
        var noWait = StoreAccess.NoWaitOption();
        var command = new Command("compact", "Write the database anew without the space that deleted and rewritten records left (after a migration or many re-ingests).")
        {
            db, noWait,
        };
        command.SetAction(parse =>
        {
            var path = StoreAccess.LiteDbFile(parse.GetValue(db), "db compact");
            var report = StoreMaintenance.Compact(path, StoreAccess.Options("db compact", parse.GetValue(noWait), readOnly: false));
            Console.WriteLine($"{Escape.Line(path)}: compacted; {report.BytesBefore / 1048576.0:0.0} MiB -> {report.BytesAfter / 1048576.0:0.0} MiB ({report.Records} records)");
            return 0;
        });
        return command;
    }

    private static Command Repair()
    {
        var db = StoreAccess.DatabaseOption();
        var noWait = StoreAccess.NoWaitOption();
        var command = new Command("repair", "Copy the database aside, then rebuild it from every record that can still be read.")
        {
            db, noWait,
        };
        command.SetAction(parse =>
        {
            var path = StoreAccess.LiteDbFile(parse.GetValue(db), "db check and db repair");
            var report = StoreMaintenance.Repair(path, StoreAccess.Options("db repair", parse.GetValue(noWait), readOnly: false));
            Console.WriteLine($"{Escape.Line(path)}: rebuilt; {report.Documents} documents, {report.Targets} targets kept"
                + (report.UnreadableParts > 0 ? $", {report.UnreadableParts} unreadable records skipped" : "")
                + (report.Dropped > 0 ? $", {report.Dropped} documents without their text or targets without their document left out (the next ingest reads their files again)" : ""));
            Console.WriteLine($"the file as it was is kept as {Escape.Line(report.Backup)}");
            return 0;
        });
        return command;
    }
}
