using PolicyMiner.Storage.Safety;

namespace PolicyMiner.Storage.Tests;

/// <summary><see cref="StoreMaintenance.Footprint"/> accounts for every page of the file, by collection.</summary>
public sealed class FootprintTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Footprint_OfAStoreWithTargets_SumsToTheFileAndNamesTheTargetsPages()
    {
        using (var store = PolicyStore.Open(_temp.Path))
        {
            for (var i = 0; i < 40; i++)
            {
                var text = string.Concat(Enumerable.Range(0, 30).Select(k => $"到2025年，第{i}号指标{k}达到{k + 10}%以上。"));
                var document = TestData.Document(text, $"/samples/青川市-{i}.txt");
                store.SaveDocument(TestData.Extraction(document, [.. Enumerable.Range(0, 30).Select(k => TestData.Target(document, $"第{i}号指标{k}达到{k + 10}%以上", k + 10))]));
            }
        }

        var footprint = StoreMaintenance.Footprint(_temp.Path);

        Assert.Equal(new FileInfo(_temp.Path).Length, footprint.Bytes);
        var targetData = Assert.Single(footprint.Parts, p => p.PageType == "Data" && p.Collection == "target_packs");
        Assert.Contains(footprint.Parts, p => p.PageType == "Index" && p.Collection == "target_packs");
        Assert.True(targetData.Pages > 1 && targetData.FreeBytes < targetData.Bytes, $"{targetData}");
    }
}
