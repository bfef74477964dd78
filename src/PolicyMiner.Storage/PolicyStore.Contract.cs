namespace PolicyMiner.Storage;

/// <summary>The LiteDB store as an <see cref="IPolicyStore"/> (its members live in PolicyStore.cs and PolicyStore.Review.cs).</summary>
public sealed partial class PolicyStore : IPolicyStore
{
    /// <inheritdoc/>
    public string Location => FilePath;

    /// <inheritdoc/>
    public bool IsFile => true;
}
