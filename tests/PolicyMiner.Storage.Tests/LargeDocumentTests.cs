using System.Text;
using LiteDB;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Storage.Tests;

/// <summary>Issue 9: a document's text is stored compressed and in pieces, so no file under the size limit meets LiteDB's record limit.</summary>
public sealed class LargeDocumentTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveDocument_TextWhosePackedFormExceedsOneRecord_RoundTripsInPieces()
    {
        // Random CJK characters barely compress: about 16 MB of UTF-8 that stays over 4 MB packed, so it needs pieces.
        var random = new Random(9);
        var text = new StringBuilder("一、主要目标。到2025年，研发投入强度达到3%。\n");
        while (text.Length < 5_500_000)
        {
            text.Append((char)random.Next(0x4E00, 0x9FA5));
        }

        var document = TestData.Document(text.ToString());
        using (var store = PolicyStore.Open(_temp.Path))
        {
            store.SaveDocument(new DocumentExtraction(document, [TestData.Target(document, "研发投入强度达到3%", 3)], TestData.Extractor));
        }

        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.True(raw.GetCollection("content_chunks").Count() >= 1);
        }

        using var reopened = PolicyStore.Open(_temp.Path);
        Assert.Equal(document.Text, reopened.GetDocument(document.ContentHash)!.Text);
    }

    [Fact]
    public void SaveDocument_ReplacedByANewVersion_LeavesNoPiecesBehind()
    {
        var random = new Random(4);
        var big = new StringBuilder("到2025年，研发投入强度达到3%。\n");
        while (big.Length < 5_500_000)
        {
            big.Append((char)random.Next(0x4E00, 0x9FA5));
        }

        using var store = PolicyStore.Open(_temp.Path);
        store.SaveDocument(new DocumentExtraction(TestData.Document(big.ToString()), [], TestData.Extractor));
        var small = TestData.Document("到2026年，研发投入强度达到3.5%。");
        store.SaveDocument(new DocumentExtraction(small, [], TestData.Extractor));
        store.Dispose();

        using var raw = new LiteDatabase(_temp.Path);
        Assert.Equal(0, raw.GetCollection("content_chunks").Count());
        Assert.Equal(1, raw.GetCollection("contents").Count());
    }

    [Fact]
    public void SaveDocument_ContentLeftWithoutItsDocument_IsReplacedNotDuplicated()
    {
        // A content record whose document is gone (as a repair can leave it): the writer, which inserts the content of a
        // document it has not stored, must know the id from the contents' own index and replace the record.
        var document = TestData.Document("到2025年，研发投入强度达到3%。（云岭县样例）");
        using (var store = PolicyStore.Open(_temp.Path))
        {
            store.SaveDocument(new DocumentExtraction(document, [], TestData.Extractor));
        }

        using (var raw = new LiteDatabase(_temp.Path))
        {
            Assert.True(raw.GetCollection("documents").Delete(document.ContentHash));
            Assert.Equal(1, raw.GetCollection("contents").Count());
        }

        using (var store = PolicyStore.Open(_temp.Path))
        {
            Assert.Equal(DocumentWriteResult.Added, store.SaveDocument(new DocumentExtraction(document, [], TestData.Extractor)));
            Assert.Equal(document.Text, store.GetDocument(document.ContentHash)!.Text);
        }

        using var reopened = new LiteDatabase(_temp.Path);
        Assert.Equal(1, reopened.GetCollection("contents").Count());
    }

    [Fact]
    public void GetDocument_ContentWrittenBySchemaV1AsPlainText_StillReads()
    {
        using (var store = PolicyStore.Open(_temp.Path))
        {
        }

        using (var raw = new LiteDatabase(_temp.Path))
        {
            raw.GetCollection("documents").Insert(new BsonDocument
            {
                ["_id"] = "00aa",
                ["SourceName"] = "旧样例.txt",
                ["SourcePath"] = "/samples/旧样例.txt",
                ["Format"] = "txt",
                ["Metadata"] = new BsonDocument { ["Region"] = "青川市", ["Year"] = 2009 },
            });
            raw.GetCollection("contents").Insert(new BsonDocument
            {
                ["_id"] = "00aa",
                ["Text"] = "到2010年，研发投入强度达到2%。(样例)",
                ["Sections"] = new BsonArray(),
                ["Diagnostics"] = new BsonArray(),
            });
        }

        using var reopened = PolicyStore.Open(_temp.Path);
        Assert.Equal("到2010年，研发投入强度达到2%。(样例)", reopened.GetDocument("00aa")!.Text);
    }
}
