using PolicyMiner.Core.Text;

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
}
