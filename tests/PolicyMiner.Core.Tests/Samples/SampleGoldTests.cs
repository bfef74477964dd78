using System.Globalization;
using System.Text.Json;
using PolicyMiner.Core.Indicators;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Core.Tests.Samples;

/// <summary>Validates every gold file of the sample corpus against shared/gold/GOLD_SCHEMA.md and its document.</summary>
public sealed class SampleGoldTests
{
    private static readonly string[] TargetFields =
    [
        "id", "quote", "value_text", "value", "value_max", "unit", "comparator", "kind", "commitment", "indicator",
        "category", "year", "year_text", "baseline", "responsible", "note",
    ];

    private static readonly string[] OptionalTargetFields = ["optional", "year_alt", "resp_optional"];

    private static readonly string[] MetaFields =
        ["doc", "title", "region", "province", "issuer", "doc_number", "year", "date", "note"];

    private static readonly HashSet<string> Kinds =
        [.. Enum.GetNames<TargetKind>().Select(name => name.ToLowerInvariant())];

    private static readonly HashSet<string> Commitments =
        [.. Enum.GetNames<Commitment>().Select(name => name.ToLowerInvariant())];

    public static TheoryData<string> GoldStems() => new(SampleCorpus.GoldStems());

    public static TheoryData<string> Documents() => new(SampleCorpus.DocumentNames());

    [Fact]
    public void Corpus_HasEightDocumentsInAllThreeFormats()
    {
        var documents = SampleCorpus.DocumentNames();

        Assert.True(documents.Count >= 8, $"only {documents.Count} sample documents");
        Assert.True(documents.Count(name => name.EndsWith(".txt", StringComparison.Ordinal)) >= 3, "fewer than 3 TXT samples");
        Assert.True(documents.Count(name => name.EndsWith(".html", StringComparison.Ordinal)) >= 3, "fewer than 3 HTML samples");
        Assert.True(documents.Count(name => name.EndsWith(".pdf", StringComparison.Ordinal)) >= 2, "fewer than 2 PDF samples");
    }

    [Fact]
    public void Corpus_HoldsEnoughAnnotatedTargets()
    {
        var counts = SampleCorpus.GoldStems().Select(stem => ReadTargets(stem).Count).ToList();

        Assert.True(counts.Sum() >= 150, $"only {counts.Sum()} gold targets");
        Assert.True(counts.Count(count => count == 0) <= 1, "more than one sample without targets");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_HasGoldAndMetaFiles(string documentName)
    {
        var stem = Path.GetFileNameWithoutExtension(documentName);

        Assert.True(File.Exists(Path.Combine(SampleCorpus.GoldDirectory, stem + ".jsonl")), $"{stem}.jsonl missing");
        Assert.True(File.Exists(Path.Combine(SampleCorpus.GoldDirectory, stem + ".meta.json")), $"{stem}.meta.json missing");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_IsMarkedAsInventedSample(string documentName)
    {
        var text = SampleCorpus.ReadText(documentName);

        Assert.Contains("样例文件", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GoldStems))]
    public void MetaFile_FollowsSchema(string stem)
    {
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleCorpus.GoldDirectory, stem + ".meta.json")));
        var root = meta.RootElement;

        AssertExactFields(root, MetaFields, [], stem);
        var doc = root.GetProperty("doc").GetString();
        Assert.Equal(stem, Path.GetFileNameWithoutExtension(doc));
        Assert.True(File.Exists(Path.Combine(SampleCorpus.CorpusDirectory, doc!)), $"{doc} not in corpus/");
        foreach (var name in new[] { "title", "region", "province", "issuer", "doc_number", "date", "note" })
        {
            AssertStringOrNull(root.GetProperty(name), $"{stem} {name}");
        }

        AssertYearOrNull(root.GetProperty("year"), $"{stem} year");
        if (root.GetProperty("date").GetString() is { } date)
        {
            Assert.True(
                DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"{stem}: date '{date}' is not YYYY-MM-DD");
        }
    }

    [Theory]
    [MemberData(nameof(GoldStems))]
    public void GoldFile_FollowsSchema(string stem)
    {
        // An empty file is valid: one sample deliberately holds no target.
        var targets = ReadTargets(stem);
        for (var index = 0; index < targets.Count; index++)
        {
            var target = targets[index].RootElement;
            var where = $"{stem} line {index + 1}";
            AssertExactFields(target, TargetFields, OptionalTargetFields, where);

            Assert.Equal($"{stem}-{index + 1:00}", target.GetProperty("id").GetString());
            var quote = RequiredString(target, "quote", where);
            Assert.DoesNotContain('\n', quote);
            Assert.Contains(RequiredString(target, "value_text", where), quote, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Number, target.GetProperty("value").ValueKind);
            Assert.Equal(JsonValueKind.String, target.GetProperty("unit").ValueKind);
            RequiredString(target, "indicator", where);

            Assert.True(ComparatorText.TryParse(target.GetProperty("comparator").GetString(), out var comparator), $"{where}: comparator");
            var valueMax = target.GetProperty("value_max");
            if (comparator == Comparator.Range)
            {
                Assert.True(valueMax.ValueKind == JsonValueKind.Number, $"{where}: a range needs value_max");
                Assert.True(valueMax.GetDouble() > target.GetProperty("value").GetDouble(), $"{where}: value_max not above value");
            }
            else
            {
                Assert.True(valueMax.ValueKind == JsonValueKind.Null, $"{where}: value_max only for ranges");
            }

            Assert.True(Kinds.Contains(RequiredString(target, "kind", where)), $"{where}: kind");
            Assert.True(Commitments.Contains(RequiredString(target, "commitment", where)), $"{where}: commitment");
            Assert.True(TargetCategories.All.Contains(RequiredString(target, "category", where)), $"{where}: category");
            AssertYearOrNull(target.GetProperty("year"), where);
            AssertStringOrNull(target.GetProperty("year_text"), where);
            AssertStringOrNull(target.GetProperty("note"), where);
            Assert.True(target.GetProperty("baseline").ValueKind is JsonValueKind.Number or JsonValueKind.Null, $"{where}: baseline");
            Assert.Equal(JsonValueKind.Array, target.GetProperty("responsible").ValueKind);
            Assert.All(target.GetProperty("responsible").EnumerateArray(), body => Assert.False(string.IsNullOrWhiteSpace(body.GetString())));
            AssertOptionalFlags(target, where);
        }
    }

    [Theory]
    [MemberData(nameof(GoldStems))]
    public void GoldQuotes_OccurInDocumentText(string stem)
    {
        var documentName = ReadDocumentName(stem);
        var isPdf = documentName.EndsWith(".pdf", StringComparison.Ordinal) || documentName.EndsWith(".ofd", StringComparison.Ordinal);
        var text = SampleCorpus.ReadText(documentName);

        foreach (var line in ReadTargets(stem))
        {
            var target = line.RootElement;
            foreach (var name in new[] { "quote", "year_text" })
            {
                if (target.GetProperty(name).GetString() is not { } phrase)
                {
                    continue;
                }

                var wanted = isPdf ? SampleCorpus.WithoutWhitespace(phrase) : phrase;
                Assert.True(
                    text.Contains(wanted, StringComparison.Ordinal),
                    $"{target.GetProperty("id").GetString()}: {name} '{phrase}' not in {documentName}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldStems))]
    public void MetaRegionProvinceAndNumber_OccurInDocumentText(string stem)
    {
        // Unknown is null, never a guess: whatever the meta line names must be readable from the document.
        var documentName = ReadDocumentName(stem);
        var isPdf = documentName.EndsWith(".pdf", StringComparison.Ordinal) || documentName.EndsWith(".ofd", StringComparison.Ordinal);
        var text = SampleCorpus.ReadText(documentName);
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleCorpus.GoldDirectory, stem + ".meta.json")));

        foreach (var name in new[] { "region", "province", "doc_number" })
        {
            if (meta.RootElement.GetProperty(name).GetString() is { } value)
            {
                var wanted = isPdf ? SampleCorpus.WithoutWhitespace(value) : value;
                Assert.True(text.Contains(wanted, StringComparison.Ordinal), $"{stem}: {name} '{value}' not in {documentName}");
            }
        }
    }

    [Fact]
    public void RdIntensityTargets_OfAllSamples_ResolveToOneCanonicalIndicator()
    {
        // The comparison report must line up R&D intensity across cities and years however each document words it.
        // No category is passed: with one, the taxonomy falls back to the category's default and would hide a miss.
        var rdIntensity = SampleCorpus.GoldStems()
            .SelectMany(ReadTargets)
            .Select(line => line.RootElement)
            .Where(target => target.GetProperty("category").GetString() == "rd_intensity")
            .ToList();

        Assert.True(rdIntensity.Count >= 10, "the samples should hold R&D intensity targets of several cities and years");
        Assert.All(rdIntensity, target => Assert.Equal(
            "rd_intensity",
            IndicatorTaxonomy.Default.Match(
                target.GetProperty("indicator").GetString(),
                category: null,
                target.GetProperty("unit").GetString())));
    }

    private static List<JsonDocument> ReadTargets(string stem) =>
        [.. File.ReadLines(Path.Combine(SampleCorpus.GoldDirectory, stem + ".jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line))];

    private static string ReadDocumentName(string stem)
    {
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleCorpus.GoldDirectory, stem + ".meta.json")));
        return meta.RootElement.GetProperty("doc").GetString()!;
    }

    private static void AssertExactFields(JsonElement element, string[] required, string[] optional, string where)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var names = element.EnumerateObject().Select(property => property.Name).ToList();
        Assert.All(required, name => Assert.True(names.Contains(name), $"{where}: field '{name}' missing"));
        Assert.All(names, name => Assert.True(required.Contains(name) || optional.Contains(name), $"{where}: unknown field '{name}'"));
    }

    private static void AssertOptionalFlags(JsonElement target, string where)
    {
        foreach (var flag in new[] { "optional", "resp_optional" })
        {
            if (target.TryGetProperty(flag, out var value))
            {
                Assert.True(value.ValueKind == JsonValueKind.True, $"{where}: {flag} is written only as true");
            }
        }

        if (target.TryGetProperty("year_alt", out var alternatives))
        {
            Assert.Equal(JsonValueKind.Array, alternatives.ValueKind);
            Assert.NotEqual(0, alternatives.GetArrayLength());
            Assert.All(alternatives.EnumerateArray(), year => AssertYearOrNull(year, where));
        }
    }

    private static string RequiredString(JsonElement element, string name, string where)
    {
        var value = element.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0, $"{where}: {name} must be a non-empty string");
        return value.GetString()!;
    }

    private static void AssertStringOrNull(JsonElement value, string where) =>
        Assert.True(value.ValueKind is JsonValueKind.String or JsonValueKind.Null, $"{where}: expected a string or null");

    private static void AssertYearOrNull(JsonElement value, string where)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var year) && year is >= 1949 and <= 2100, $"{where}: year must be an integer or null");
    }
}
