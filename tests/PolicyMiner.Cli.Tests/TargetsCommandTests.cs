using System.Text.Json;
using PolicyMiner.Cli.Commands;
using PolicyMiner.Core.Documents;
using PolicyMiner.Core.Targets;
using PolicyMiner.Storage;
using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Cli.Tests;

public sealed class TargetsCommandTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "pm-targets-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    public void Dispose() => File.Delete(_database);

    [Fact]
    public void WriteJsonLines_StoredTarget_WritesExtractionFieldsPlusStoreFields()
    {
        const string text = "到2020年，青川市研发经费占地区生产总值比重达到2.5%。";
        var document = SampleDocuments.Document(text, "/samples/青川市-2018.txt", new DocumentMetadata(Region: "青川市", Year: 2018));
        var target = SampleDocuments.Target(document, "比重达到2.5%", 2.5) with { Unit = "%", Comparator = Comparator.AtLeast, Year = 2020 };
        using var store = PolicyStore.Open(_database);
        store.SaveDocument(new DocumentExtraction(document, [target], "test/1"));
        var output = new StringWriter();

        TargetsCommand.WriteJsonLines(store.QueryTargets(TargetQuery.All), output, new Dictionary<string, IReadOnlyList<string>> { [document.ContentHash] = ["/samples/青川市-2018.html"] });

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("比重达到2.5%", root.GetProperty("quote").GetString());
        Assert.Equal(">=", root.GetProperty("comparator").GetString());
        Assert.Equal(2020, root.GetProperty("year").GetInt32());
        Assert.Equal(2018, root.GetProperty("plan_year").GetInt32());
        Assert.Equal("青川市", root.GetProperty("region").GetString());
        Assert.Equal(document.ContentHash, root.GetProperty("document_id").GetString());
        Assert.Equal("unreviewed", root.GetProperty("review_state").GetString());
        Assert.Equal("test/1", root.GetProperty("extractor_version").GetString());
        Assert.Equal(["/samples/青川市-2018.html"], root.GetProperty("other_sources").EnumerateArray().Select(e => e.GetString()));
    }
}
