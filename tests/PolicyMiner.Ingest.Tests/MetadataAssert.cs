using System.Text.Json;
using PolicyMiner.Core.Documents;

namespace PolicyMiner.Ingest.Tests;

/// <summary>Compares metadata with an expected JSON object of the gold meta format (title, issuer, doc_number, region, province, year, date).</summary>
internal static class MetadataAssert
{
    /// <param name="onlyFilled">When true, fields the expectation leaves null are not checked (the gold's rule).</param>
    public static void Matches(JsonElement expected, DocumentMetadata actual, string file, bool onlyFilled = false)
    {
        var fields = new (string Name, string? Value)[]
        {
            ("title", actual.Title),
            ("issuer", actual.Issuer),
            ("doc_number", actual.DocNumber),
            ("region", actual.Region),
            ("province", actual.Province),
            ("year", actual.Year?.ToString()),
            ("date", actual.Date?.ToString("yyyy-MM-dd")),
        };
        foreach (var (name, value) in fields)
        {
            if (!expected.TryGetProperty(name, out var property))
            {
                continue;
            }

            var wanted = property.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => property.GetInt32().ToString(),
                _ => property.GetString(),
            };
            if (wanted is null && onlyFilled)
            {
                continue;
            }

            Assert.True(wanted == value, $"{file}: {name} is '{value ?? "null"}', expected '{wanted ?? "null"}'");
        }
    }
}
