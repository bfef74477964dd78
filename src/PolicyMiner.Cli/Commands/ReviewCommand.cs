using System.CommandLine;
using System.Globalization;
using PolicyMiner.Cli.Pipeline;
using PolicyMiner.Storage;
using PolicyMiner.Storage.Reviewing;

namespace PolicyMiner.Cli.Commands;

/// <summary><c>policyminer review TARGET_ID --accept|--reject|--set FIELD=VALUE</c>: scripted review of one stored target.</summary>
/// <remarks>Writes the same audit trail as the web app; <c>--version</c> makes a script fail on a target someone changed meanwhile.</remarks>
internal static class ReviewCommand
{
    /// <summary>The environment variable naming the reviewer when <c>--user</c> is not given.</summary>
    public const string UserVariable = "POLICYMINER_USER";

    public static Command Create()
    {
        var id = new Argument<string?>("TARGET_ID")
        {
            Description = "The target's id (target_id in exports, id in `policyminer targets --format jsonl`).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var fromGold = new Option<string[]>("--from-gold")
        {
            Description = "Review every stored target of the documents a gold folder covers as the gold says: matching targets corrected to the gold record or accepted, others rejected. Repeatable.",
            HelpName = "DIR",
        };
        var accept = new Option<bool>("--accept") { Description = "Accept the target as it stands." };
        var reject = new Option<bool>("--reject") { Description = "Reject the target: exports and reports leave it out." };
        var set = new Option<string[]>("--set")
        {
            Description = "Correct a field (repeatable): " + string.Join(", ", TargetFields.All) + ". Empty clears an optional field.",
            HelpName = "FIELD=VALUE",
            AllowMultipleArgumentsPerToken = true,
        };
        var user = new Option<string?>("--user") { Description = $"Who reviews (default ${UserVariable}, else the login name).", HelpName = "NAME" };
        var version = new Option<int?>("--version") { Description = "Refuse the change if the target is no longer at this version (exit code 3).", HelpName = "N" };
        var note = new Option<string?>("--note") { Description = "A note kept with the verdict." };
        var history = new Option<bool>("--history") { Description = "Print the target's audit trail (after any change)." };
        var db = StoreAccess.DatabaseOption();

        var command = new Command("review", "Accept, reject or correct one stored target; every change is audited (who, when, field, before, after).")
        {
            id, accept, reject, set, user, version, note, history, fromGold, db,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(fromGold) is { Length: > 0 } goldFolders)
            {
                if (parse.GetValue(id) is not null || parse.GetValue(accept) || parse.GetValue(reject) || (parse.GetValue(set)?.Length ?? 0) > 0)
                {
                    throw new CliException("--from-gold reviews whole documents: give no TARGET_ID, --accept, --reject or --set with it");
                }

                return ReviewFromGold(goldFolders, parse.GetValue(user), parse.GetValue(db));
            }

            var targetId = parse.GetValue(id) ?? throw new CliException("review: give the TARGET_ID to review (or --from-gold DIR)");
            var changes = ParseChanges(parse.GetValue(set) ?? []);
            var (accepting, rejecting) = (parse.GetValue(accept), parse.GetValue(reject));
            if (accepting && rejecting)
            {
                throw new CliException("--accept and --reject: choose one");
            }

            if (rejecting && changes.Count > 0)
            {
                throw new CliException("--reject with --set: a rejected target's fields are not used; correct it or reject it");
            }

            var showHistory = parse.GetValue(history);
            if (!accepting && !rejecting && changes.Count == 0 && !showHistory)
            {
                throw new CliException("review: say what to do: --accept, --reject, --set FIELD=VALUE or --history");
            }

            var who = parse.GetValue(user) ?? Environment.GetEnvironmentVariable(UserVariable) ?? Environment.UserName;
            using var store = StoreAccess.OpenExistingForWriting(parse.GetValue(db), "review");
            if (store.GetTarget(targetId) is null)
            {
                throw new CliException($"{targetId}: no such target in {store.Location}");
            }

            var expected = parse.GetValue(version);
            var outcomes = new List<ReviewOutcome>();
            if (changes.Count > 0)
            {
                outcomes.Add(store.Correct(targetId, expected, who, changes));
                expected = expected is null ? null : outcomes[^1].Target?.Version;
            }

            if (accepting && (outcomes.Count == 0 || outcomes[^1].Saved))
            {
                outcomes.Add(store.Accept(targetId, expected, who, parse.GetValue(note)));
            }
            else if (rejecting)
            {
                outcomes.Add(store.Reject(targetId, expected, who, parse.GetValue(note)));
            }

            foreach (var outcome in outcomes)
            {
                switch (outcome.Status)
                {
                    case ReviewStatus.Conflict:
                        throw new CliException(outcome.Message, exitCode: 3);
                    case ReviewStatus.Invalid:
                        throw new CliException($"{targetId}: {outcome.Message}");
                    case ReviewStatus.NotFound:
                        throw new CliException($"{targetId}: no such target in {store.Location}");
                }
            }

            if (outcomes.LastOrDefault()?.Target is { } saved)
            {
                Console.WriteLine($"{targetId}: {saved.Review.State.ToString().ToLowerInvariant()} by {saved.Review.Reviewer}, version {saved.Version}");
            }

            if (showHistory)
            {
                foreach (var entry in store.AuditOf(targetId))
                {
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{entry.At:yyyy-MM-ddTHH:mm:ssZ}  v{entry.Version}  {entry.User}  {entry.Action}  {entry.Field}: {entry.Before ?? "∅"} → {entry.After ?? "∅"}"));
                }
            }

            return 0;
        });
        return command;
    }

    private static int ReviewFromGold(string[] folders, string? user, string? database)
    {
        foreach (var folder in folders.Where(f => !Directory.Exists(f)))
        {
            throw new CliException(CliMessages.NoSuchPath(folder));
        }

        var gold = Extraction.Evaluation.GoldSet.Load(folders);
        foreach (var problem in gold.Problems)
        {
            Console.Error.WriteLine($"policyminer: {problem}");
        }

        var who = user ?? Environment.GetEnvironmentVariable(UserVariable) ?? Environment.UserName;
        using var store = StoreAccess.OpenExistingForWriting(database, "review");
        var outcomes = GoldVerdicts.Apply(store, gold, who);
        foreach (var o in outcomes)
        {
            Console.WriteLine($"{o.Document}: {o.Accepted} accepted, {o.Corrected} corrected, {o.Rejected} rejected, {o.Unreviewed} left (optional gold), {o.Added} added (missed by extraction), {o.Missed} gold targets not found");
        }

        if (outcomes.Count == 0)
        {
            Console.Error.WriteLine($"policyminer: review: no stored document has a gold file in {string.Join(", ", folders)}");
            return 1;
        }

        return 0;
    }

    /// <summary>FIELD=VALUE pairs, checked against the editable fields; the last value of a repeated field wins.</summary>
    internal static Dictionary<string, string> ParseChanges(IEnumerable<string> pairs)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"--set {pair}: expected FIELD=VALUE");
            }

            var field = pair[..equals].Trim();
            var value = pair[(equals + 1)..];
            if (TargetFields.Validate(field, value) is { } reason)
            {
                throw new CliException($"--set {pair}: {reason}");
            }

            changes[field] = value;
        }

        return changes;
    }
}
