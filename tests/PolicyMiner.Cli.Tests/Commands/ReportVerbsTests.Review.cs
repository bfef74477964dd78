using System.Text.Json.Nodes;
using PolicyMiner.Storage;

namespace PolicyMiner.Cli.Tests.Commands;

/// <summary>The review verb, and what export and compare make of reviewed targets.</summary>
public sealed partial class ReportVerbsTests
{
    private string TargetIdOf(string unit)
    {
        using var store = PolicyStore.Open(Db);
        return store.QueryTargets(TargetQuery.All with { IncludeRejected = true }).Single(t => t.Target.Unit == unit && t.Document.SourceName == "qingchuan-2018.txt").Id;
    }

    private List<JsonObject> ExportJsonl(params string[] extra)
    {
        Assert.Equal(0, Run(["export", "--out", Out("t.jsonl"), "--db", Db, .. extra]));
        return [.. File.ReadAllLines(Out("t.jsonl")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    [Fact]
    public void Review_SetValue_ExportCarriesCorrectedValueAndReviewColumns()
    {
        var id = TargetIdOf("亿元");

        Assert.Equal(0, Run("review", id, "--set", "value=35", "--set", "year=2021", "--user", "编辑甲", "--db", Db));

        var row = ExportJsonl().Single(r => (string?)r["target_id"] == id);
        Assert.Equal(35, (double)row["value"]!);
        Assert.Equal(2021, (int)row["year"]!);
        Assert.Equal("corrected", (string?)row["review_state"]);
        Assert.Equal("编辑甲", (string?)row["reviewed_by"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)row["reviewed_at"]);
        Assert.Contains(ExportJsonl(), r => (string?)r["review_state"] == "unreviewed" && r["reviewed_by"] is null);
    }

    [Fact]
    public void Review_Reject_TargetLeavesExportAndCompare()
    {
        var id = TargetIdOf("亿元");
        Assert.Equal(0, Run("compare", "--out", Out("before.html"), "--db", Db));
        Assert.Contains("技术合同成交额达到30亿元", File.ReadAllText(Out("before.html")), StringComparison.Ordinal);

        Assert.Equal(0, Run("review", id, "--reject", "--user", "编辑乙", "--db", Db));

        Assert.Equal(0, Run("compare", "--out", Out("after.html"), "--db", Db));
        Assert.DoesNotContain("技术合同成交额达到30亿元", File.ReadAllText(Out("after.html")), StringComparison.Ordinal);
        Assert.DoesNotContain(ExportJsonl(), r => (string?)r["target_id"] == id);
    }

    [Fact]
    public void Export_ReviewedOnly_KeepsAcceptedAndCorrectedTargets()
    {
        Assert.Equal(0, Run("review", TargetIdOf("%"), "--accept", "--db", Db));
        Assert.Equal(0, Run("review", TargetIdOf("亿元"), "--set", "unit=亿元人民币", "--db", Db));

        var rows = ExportJsonl("--reviewed-only");

        Assert.Equal(["accepted", "corrected"], rows.Select(r => (string?)r["review_state"]).Order());
        Assert.Equal(3, ExportJsonl().Count);
    }

    [Fact]
    public void Review_StaleVersion_ExitsWithConflictAndKeepsTheFirstEdit()
    {
        var id = TargetIdOf("亿元");
        Assert.Equal(0, Run("review", id, "--set", "value=31", "--version", "0", "--db", Db));

        Assert.Equal(3, Run("review", id, "--set", "value=32", "--version", "0", "--db", Db));

        using var store = PolicyStore.Open(Db);
        Assert.Equal(31, store.GetTarget(id)!.Target.Value);
    }

    [Theory]
    [InlineData("--set", "colour=red")]
    [InlineData("--set", "value=三十")]
    [InlineData("--set", "novalue")]
    [InlineData("--accept", "--reject")]
    public void Review_BadRequest_ExitsNonZeroWithoutChange(string option, string value)
    {
        var id = TargetIdOf("亿元");

        Assert.Equal(1, Run("review", id, option, value, "--db", Db));

        using var store = PolicyStore.Open(Db);
        Assert.Empty(store.AuditOf(id));
    }

    [Fact]
    public void Review_UnknownTarget_ExitsNonZero()
    {
        Assert.Equal(1, Run("review", "0123456789abcdef01234567", "--accept", "--db", Db));
    }
}
