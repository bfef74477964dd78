using LiteDB;
using PolicyMiner.Core.Text;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Tests;

/// <summary>The duplicate index passes over candidates that share too few bands, and still finds every near copy.</summary>
public sealed class DuplicateIndexTests
{
    [Theory]
    [InlineData(6, true)]   // 58 of 64 slots equal: 0.906, a near copy
    [InlineData(7, false)]  // 57 of 64: 0.891, not one
    public void Find_NearCopyAtTheThreshold_IsFoundWhateverBandsItsDifferencesSpoil(int differingSlots, bool found)
    {
        var stored = new uint[TextFingerprint.Hashes];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = (uint)(i * 7919);
        }

        // One differing slot in each of the first bands: as many bands spoiled as slots differ, the worst case.
        var probe = (uint[])stored.Clone();
        for (var k = 0; k < differingSlots; k++)
        {
            probe[k * TextFingerprint.RowsPerBand] += 1;
        }

        var original = new Entities.DocumentEntity { Id = "stored", SourcePath = "/a.txt" };
        var index = DuplicateIndex.From([], id => id == original.Id ? original : null);
        index.Add(original.Id, new TextFingerprint("exact-stored", stored));

        var match = index.Find(new TextFingerprint("exact-probe", probe), "probe", "/b.txt", _ => true);

        Assert.Equal(found, match is not null);
    }

    [Fact]
    public void Find_NearCopyFromAnotherRegion_IsPassedOverWithoutLoadingIt()
    {
        // Two notices of one template: near in text, but the written one names another region.
        var (index, lookups, _) = WriterIndex(new MetadataEntity { Region = "青岚县", Year = 2024 });

        var match = index.Find(Probe(), "probe", "/b.txt", stored => PolicyStore.SameDocument(stored, new Core.Documents.DocumentMetadata { Region = "松汀县", Year = 2024 }));

        Assert.Null(match);
        Assert.Empty(lookups);
    }

    [Fact]
    public void Find_NearCopyOfTheSameDocument_IsLoadedAndFound()
    {
        var (index, lookups, written) = WriterIndex(new MetadataEntity { Region = "青岚县", Year = 2024 });

        var match = index.Find(Probe(), "probe", "/b.txt", stored => PolicyStore.SameDocument(stored, new Core.Documents.DocumentMetadata { Region = "青岚县", Year = 2024 }));

        Assert.Same(written, match);
        Assert.Equal(["stored"], lookups);
    }

    [Fact]
    public void Find_DocumentStoredAgainWithOtherMetadata_IsJudgedByTheNewVersion()
    {
        var (index, _, written) = WriterIndex(new MetadataEntity { Region = "青岚县", Year = 2024 });
        // A new version of the same content (another manifest entry): what the index knows of it is replaced.
        written.Metadata = new MetadataEntity { Region = "松汀县", Year = 2024 };
        index.Add(written.Id, new TextFingerprint("exact-stored", Signature()), written);

        var match = index.Find(Probe(), "probe", "/b.txt", stored => PolicyStore.SameDocument(stored, new Core.Documents.DocumentMetadata { Region = "松汀县", Year = 2024 }));

        Assert.Same(written, match);
    }

    [Fact]
    public void Find_NearCopyAtTheSamePath_IsNoDuplicate()
    {
        var (index, lookups, _) = WriterIndex(new MetadataEntity { Region = "青岚县", Year = 2024 });

        Assert.Null(index.Find(Probe(), "probe", "/a.txt", _ => true));
        Assert.Empty(lookups);
    }

    /// <summary>The index a LiteDB store's writer uses, holding one document written at /a.txt, and the ids it looks up.</summary>
    private static (DuplicateIndex Index, List<string> Lookups, DocumentEntity Written) WriterIndex(MetadataEntity metadata)
    {
        using var db = new LiteDatabase(new MemoryStream());
        var written = new DocumentEntity { Id = "stored", SourcePath = "/a.txt", Metadata = metadata };
        var lookups = new List<string>();
        var index = DuplicateIndex.Load(db.GetCollection<DocumentEntity>("documents"), id =>
        {
            lookups.Add(id);
            return id == written.Id ? written : null;
        });
        index.Add(written.Id, new TextFingerprint("exact-stored", Signature()), written);
        return (index, lookups, written);
    }

    private static uint[] Signature() => [.. Enumerable.Range(0, TextFingerprint.Hashes).Select(i => (uint)(i * 7919))];

    /// <summary>A near copy of <see cref="Signature"/>: two of 64 slots differ (0.97).</summary>
    private static TextFingerprint Probe()
    {
        var probe = Signature();
        probe[0] += 1;
        probe[9] += 1;
        return new TextFingerprint("exact-probe", probe);
    }
}
