using PolicyMiner.Tests.Shared;

namespace PolicyMiner.Storage.Tests.Contract;

/// <summary>One throwaway PostgreSQL server for every test class in this assembly that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<TestPostgres>
{
    public const string Name = "postgres";
}
