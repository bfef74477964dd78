using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyMiner.Core.Targets;

namespace PolicyMiner.Core.Serialization;

/// <summary>The JSON conventions of every PolicyMiner output: snake_case names, readable Chinese, schema enum forms.</summary>
public static class PolicyJson
{
    /// <summary>Options for one-object-per-line output (JSONL). Thread-safe once created.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Options for human-readable indented output.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>The name <paramref name="value"/> has in JSON output and gold files (<c>increase</c>, <c>aspirational</c>).</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Chinese text stays readable instead of \uXXXX escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new ComparatorJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class ComparatorJsonConverter : JsonConverter<Comparator>
    {
        public override Comparator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return ComparatorText.TryParse(text, out var comparator)
                ? comparator
                : throw new JsonException($"Unknown comparator '{text}'.");
        }

        public override void Write(Utf8JsonWriter writer, Comparator value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToSymbol());
    }
}
