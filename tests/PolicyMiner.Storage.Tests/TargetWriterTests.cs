using LiteDB;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Tests;

/// <summary>The batch writer's hand-made target records are the records LiteDB's mapper makes of the same entity.</summary>
public sealed class TargetWriterTests
{
    private static readonly BsonMapper Mapper = StoreMapper.Create();

    public static TheoryData<string> Entities() => ["defaults", "extracted", "reviewed"];

    [Theory]
    [MemberData(nameof(Entities))]
    public void ToBson_WritesWhatTheMapperWrites(string kind)
    {
        var entity = Entity(kind);

        var byMapper = Mapper.ToDocument(entity);
        var byHand = TargetWriter.ToBson(entity);

        Assert.Equal(byMapper.Keys.Order(StringComparer.Ordinal), byHand.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in byMapper)
        {
            Assert.True(value.Type == byHand[name].Type, $"{name}: {value.Type} by the mapper, {byHand[name].Type} by hand");
            Assert.True(value == byHand[name], $"{name}: {value} by the mapper, {byHand[name]} by hand");
        }

        // And it reads back as the same entity.
        var back = Mapper.ToObject<TargetEntity>(byHand);
        Assert.Equal(Mapper.ToDocument(back), byMapper);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void PackEncode_WritesTheBytesLiteDbSerializesForTheSameRecords(string kind)
    {
        // Two targets of pack 7 named by ordinal, one with a foreign id, one with a local-time review date.
        var key = 7;
        var targets = new[] { Entity(kind), Entity(kind), Entity(kind) };
        targets[0].Id = TargetPack.IdOf(key, 1);
        targets[1].Id = TargetPack.IdOf(key, 2);
        if (kind == "reviewed")
        {
            targets[1].ReviewedAt = new DateTime(2024, 3, 5, 9, 15, 30, 123, DateTimeKind.Local).AddTicks(4567);
        }

        var array = new BsonArray();
        foreach (var target in targets)
        {
            // What a pack held when each record was built as a BsonDocument: the document id dropped, an own id as its ordinal.
            var record = TargetWriter.ToBson(target);
            record.Remove(TargetBson.DocumentId);
            if (TargetPack.IsOwn(target.Id, key))
            {
                record.Remove("_id");
                record["n"] = target.Id.Increment;
            }

            array.Add(record);
        }

        var expected = BsonSerializer.Serialize(new BsonDocument { ["a"] = array });

        Assert.Equal(expected, PackedLayout.Decompress(TargetPack.Encode(targets, key, text: null)));
    }

    [Fact]
    public void PackEncode_LeavesOutAQuoteTheTextHoldsAtItsOffsetsAndDecodingTakesItBack()
    {
        const int key = 7;
        var documentId = new string('a', 64);
        var extracted = Entity("extracted");
        extracted.Id = TargetPack.IdOf(key, 1);
        var text = "一、发展目标。" + extracted.Quote + "。";
        (extracted.Start, extracted.End) = (7, 7 + extracted.Quote.Length);
        // A reviewed target whose quote is gone from the text (stale): its offsets show other words, so it keeps its quote.
        var stale = Entity("reviewed");
        stale.Id = TargetPack.IdOf(key, 2);
        (stale.Start, stale.End) = (0, stale.Quote.Length);

        var pack = TargetPack.Record(key, documentId, TargetPack.Encode([extracted, stale], key, text), 2);

        var stored = BsonSerializer.Deserialize(PackedLayout.Decompress(pack[TargetPack.Data].AsBinary))["a"].AsArray;
        Assert.False(stored[0].AsDocument.ContainsKey(TargetBson.Quote));
        Assert.Equal(stale.Quote, stored[1][TargetBson.Quote].AsString);
        var asked = 0;
        var decoded = TargetPack.Decode(Mapper, pack, id =>
        {
            asked++;
            return id == documentId ? text : null;
        });
        Assert.Equal(1, asked);
        Assert.Equal([extracted.Quote, stale.Quote], decoded.Select(t => t.Quote));
        Assert.Equal(Mapper.ToDocument(extracted), Mapper.ToDocument(decoded[0]));
    }

    [Fact]
    public void PackDecode_OldFormatPackWithEveryQuote_ReadsThemWithoutTheText()
    {
        // Schema v5–v7 kept every quote in the pack; such a record reads as it is, never asking for the document's text.
        const int key = 3;
        var first = Entity("extracted");
        first.Id = TargetPack.IdOf(key, 1);
        var second = Entity("reviewed");
        second.Id = ObjectId.NewObjectId();
        var old = TargetPack.Record(key, new string('b', 64), TargetPack.Encode([first, second], key, text: null), 2);

        var decoded = TargetPack.Decode(Mapper, old, _ => throw new InvalidOperationException("a pack that holds its quotes needs no text"));

        Assert.Equal([first.Quote, second.Quote], decoded.Select(t => t.Quote));
        Assert.Equal([first.Id, second.Id], decoded.Select(t => t.Id));
    }

    private static TargetEntity Entity(string kind)
    {
        var at = new DateTime(2024, 3, 1, 8, 30, 0, DateTimeKind.Utc);
        var entity = new TargetEntity { Id = ObjectId.NewObjectId() };
        if (kind == "defaults")
        {
            return entity;
        }

        entity.DocumentId = new string('a', 64);
        entity.Quote = "研发经费投入强度达到2.5%以上";
        (entity.Start, entity.End, entity.SourceStart, entity.SourceEnd) = (10, 26, 110, 140);
        entity.Indicator = "研发经费投入强度";
        entity.IndicatorId = "rd_intensity";
        entity.Category = "科技";
        entity.Value = 2.5;
        entity.Unit = "%";
        entity.ValueStd = 0.025;
        entity.UnitStd = "ratio";
        entity.Comparator = ">=";
        entity.Kind = "level";
        entity.Commitment = "ensure";
        entity.Year = 2025;
        entity.YearText = "到2025年";
        entity.Responsible = ["市科技局", "市财政局"];
        entity.Confidence = 0.87;
        entity.ReviewState = "unreviewed";
        entity.ExtractorVersion = "1.2.3";
        entity.ExtractedAt = at;
        entity.DocumentExtraction = ("1.2.3", at);
        if (kind == "reviewed")
        {
            entity.ValueMax = 3;
            entity.Baseline = 1.8;
            entity.ReviewState = "corrected";
            entity.Reviewer = "editor@example.org";
            entity.ReviewedAt = at.AddDays(2);
            entity.ReviewNote = "range";
            entity.Stale = true;
            entity.Version = 3;
            entity.ReviewedFields = ["value", "unit"];
            entity.Origin = StoreMapper.EditorOrigin;
            // Carried over from an older extraction: keeps its own version and time.
            entity.DocumentExtraction = ("2.0.0", at.AddDays(5));
        }

        return entity;
    }
}
