using LiteDB;
using PolicyMiner.Storage.Entities;

namespace PolicyMiner.Storage.Tests;

/// <summary>The packed layout's hand-written BSON is the record LiteDB serializes for the same sections and diagnostics.</summary>
public sealed class PackedLayoutTests
{
    public static TheoryData<int, int> Shapes() => new() { { 3, 2 }, { 3, 0 }, { 0, 2 }, { 40, 1 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Serialize_WritesTheBytesLiteDbSerializesForTheSameRecord(int sectionCount, int diagnosticCount)
    {
        var sections = Enumerable.Range(0, sectionCount).Select(i => new SectionEntity
        {
            Level = (i % 3) + 1,
            Number = i % 2 == 0 ? $"（{i}）" : "",
            Heading = $"第{i}节 青川市发展目标 ",
            Start = i * 100,
            End = (i * 100) + 37,
        }).ToList();
        var diagnostics = Enumerable.Range(0, diagnosticCount).Select(i => new DiagnosticEntity
        {
            Code = $"code-{i}",
            Severity = i == 0 ? "info" : "warning",
            Message = $"removed {i} lines",
            Start = i == 0 ? null : i * 10,
            End = i == 0 ? null : (i * 10) + 4,
        }).ToList();

        // The record as the store built it before it was written by hand: a BsonDocument of arrays.
        var record = new BsonDocument
        {
            ["s"] = new BsonArray(sections.Select(s => new BsonArray { s.Level, s.Number, s.Heading, s.Start, s.End })),
            ["g"] = new BsonArray(diagnostics.Select(d => new BsonArray
            {
                d.Code, d.Severity, d.Message, d.Start is { } start ? start : BsonValue.Null, d.End is { } end ? end : BsonValue.Null,
            })),
        };

        var written = PackedLayout.Serialize(sections, diagnostics);

        Assert.Equal(BsonSerializer.Serialize(record), written);
        var back = new DocumentContentEntity();
        PackedLayout.Fill(back, written!);
        Assert.Equal(sections.Select(s => (s.Level, s.Number, s.Heading, s.Start, s.End)), back.Sections.Select(s => (s.Level, s.Number, s.Heading, s.Start, s.End)));
        Assert.Equal(diagnostics.Select(d => (d.Code, d.Severity, d.Message, d.Start, d.End)), back.Diagnostics.Select(d => (d.Code, d.Severity, d.Message, d.Start, d.End)));
    }

    [Fact]
    public void Serialize_NothingToKeep_IsNull() => Assert.Null(PackedLayout.Serialize([], []));

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(20_000)]
    public void PackWithLayout_UnpacksToTheTextFollowedByTheLayout(int lines)
    {
        // One line, a few kilobytes and over a megabyte (past the buffers the packer rents).
        var text = string.Concat(Enumerable.Repeat("青川市到2025年新增高新技术企业40家。\n", lines));
        var layout = PackedLayout.Serialize([new SectionEntity { Level = 1, Number = "一、", Heading = "总体要求", Start = 0, End = 9 }], []);

        var (packed, textBytes) = PackedText.PackWithLayout(text, layout);
        var bytes = PackedText.UnpackBytes([packed]);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), bytes[..textBytes]);
        Assert.Equal(layout, bytes[textBytes..]);
    }
}
