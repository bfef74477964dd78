using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Serialization;
using PolicyMiner.Core.Targets;
using PolicyMiner.Extraction;
using PolicyMiner.Extraction.Evaluation;
using PolicyMiner.Ingest.Manifest;
using PolicyMiner.Learning.Training;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Pipeline;

/// <summary>Editors' reviews in a store as training labels: accepted, corrected and added targets are right records, rejected
/// ones are not targets. Each reviewed document is read again from its source (with its stored metadata) so the rules see it
/// as they would today; when the source is gone, its stored text stands in.</summary>
internal static class ReviewLabels
{
    public static IReadOnlyList<LabelledDocument> Load(string database, DocumentManifest manifest, TextWriter errors, ref int failed)
    {
        using var store = StoreAccess.OpenExisting(database, "train");
        var reviewed = store.QueryTargets(new TargetQuery(IncludeRejected: true))
            .Where(t => t.Review.State != ReviewState.Unreviewed || t.AddedByEditor)
            .GroupBy(t => t.Document.Id, StringComparer.Ordinal);
        var result = new List<LabelledDocument>();
        foreach (var group in reviewed)
        {
            var summary = group.First().Document;
            var document = Read(store, summary, manifest, errors);
            if (document is null)
            {
                failed++;
                continue;
            }

            var targets = group.Where(t => t.Review.State != ReviewState.Rejected).Select(t => ToGold(t.Target)).ToList();
            var rejected = group.Where(t => t.Review.State == ReviewState.Rejected).Select(t => ToGold(t.Target)).ToList();
            result.Add(new LabelledDocument(document, targets, rejected, LabelSource.Review));
        }

        return result;
    }

    private static PolicyDocument? Read(IPolicyStore store, DocumentSummary summary, DocumentManifest manifest, TextWriter errors)
    {
        if (File.Exists(summary.SourcePath)
            && Commands.DocumentInputs.Read(summary.SourcePath, summary.Metadata.Year, out _, manifest) is { } document)
        {
            return document with { Metadata = summary.Metadata };
        }

        if (store.GetDocument(summary.Id) is { } stored)
        {
            return PlainTextDocument.Create(summary.SourceName, stored.Text, summary.Metadata.Year) with { Metadata = summary.Metadata };
        }

        errors.WriteLine($"policyminer: {summary.SourceName}: neither the source file nor its stored text can be read; its reviews are skipped");
        return null;
    }

    /// <summary>A reviewed record in the gold schema, so it is matched and compared exactly as gold is.</summary>
    private static GoldTarget ToGold(PolicyTarget t) => new()
    {
        Quote = t.Quote,
        Value = t.Value,
        ValueMax = t.ValueMax,
        Unit = t.Unit,
        Comparator = t.Comparator.ToSymbol(),
        Kind = Name(t.Kind),
        Commitment = Name(t.Commitment),
        Indicator = t.Indicator,
        Category = t.Category,
        Year = t.Year,
        YearText = t.YearText,
        Baseline = t.Baseline,
        Responsible = t.Responsible,
        Doc = Path.GetFileNameWithoutExtension(t.Doc),
    };

    private static string Name<T>(T value)
        where T : struct, Enum => PolicyJson.EnumName(value);
}
