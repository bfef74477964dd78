using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ObjectId = LiteDB.ObjectId;

namespace PolicyMiner.Storage.Postgres;

/// <summary>The JSON form of the store's entities in <c>body</c> columns: the entity's own property names, ids kept in their own column.</summary>
internal static class PostgresJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new StoreException($"a stored record is not valid JSON for {typeof(T).Name}");

    private static JsonSerializerOptions Create()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        // LiteDB object ids (targets, audit entries) live in the table's id column, not in the body.
        resolver.Modifiers.Add(info =>
        {
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].PropertyType == typeof(ObjectId))
                {
                    info.Properties.RemoveAt(i);
                }
            }
        });
        return new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
    }
}
