using System.Text.Json;

namespace PolicyMiner.Segmentation.Tests;

/// <summary>Token-for-token equality with Python jieba 0.42.1, on our golden sentences and on ../shared's reference.</summary>
public sealed class ParityTests
{
    private static readonly JiebaSegmenter Plain = JiebaSegmenter.Default;
    private static readonly Lazy<JiebaSegmenter> WithPolicyTerms = new(() => Plain.WithUserDictionary(TestPaths.PolicyTermsDictionary));

    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.GoldenDirectory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> ReferenceFiles()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(TestPaths.SegReferenceDirectory))
        {
            foreach (var file in Directory.GetFiles(TestPaths.SegReferenceDirectory, "*.jsonl").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }
        else
        {
            data.Add("(absent)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Cut_GoldenSentences_EqualPythonJieba(string fileName)
    {
        // plain-jieba.jsonl: every mode without a user dictionary; policy-terms.jsonl: Python with that dictionary loaded.
        var segmenter = fileName.StartsWith("policy-terms", StringComparison.Ordinal) ? WithPolicyTerms.Value : Plain;
        var checkedLines = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.GoldenDirectory, fileName)))
        {
            using var row = JsonDocument.Parse(line);
            var text = row.RootElement.GetProperty("text").GetString()!;
            var mode = row.RootElement.GetProperty("mode").GetString() switch
            {
                "search" => SegmentMode.Search,
                "full" => SegmentMode.Full,
                _ => SegmentMode.Default,
            };
            var hmm = row.RootElement.GetProperty("hmm").GetBoolean();
            var expected = row.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList();

            Assert.Equal(expected, segmenter.Cut(text, mode, hmm));
            checkedLines++;
        }

        Assert.True(checkedLines > 0, $"{fileName} has no rows");
    }

    [SharedDataTheory]
    [MemberData(nameof(ReferenceFiles))]
    public void Cut_SharedReferenceLines_AllIdenticalToPythonJieba(string fileName)
    {
        var mismatches = new List<string>();
        var lines = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.SegReferenceDirectory, fileName)))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var row = JsonDocument.Parse(line);
            var text = row.RootElement.GetProperty("text").GetString()!;
            var expected = row.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList();
            var actual = Plain.Cut(text);
            lines++;
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"line {lines}: expected [{string.Join('|', expected)}] got [{string.Join('|', actual)}]");
            }
        }

        Assert.True(lines > 0, $"{fileName} has no lines");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {lines} lines differ:\n{string.Join('\n', mismatches.Take(5))}");
    }
}
